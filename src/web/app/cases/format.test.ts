import { describe, expect, it } from 'vitest';
import type { TEntry } from '../../../shared/cases/timeline.js';
import { bodyText, canCorrect, deliveredAtFor, formatDateTime, refusedPositions, thessalonikiToday } from './format.js';

const me = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const note = (over: Partial<TEntry>): TEntry => ({
  id: '10000000-0000-4000-8000-000000000001',
  kind: 'note',
  body: { text: 'x' },
  sensitivity: null,
  author: { id: me, username: 'me', displayName: 'Me' },
  createdAt: '2026-03-01T10:00:00Z',
  corrects: null,
  current: true,
  ...over,
});
const at = (iso: string) => new Date(iso).getTime();

describe('canCorrect', () => {
  it('offers a correction of my own latest note within 24 hours of its first version', () => {
    expect(canCorrect(note({}), me, [], at('2026-03-02T09:59:00Z'))).toBe(true);
    expect(canCorrect(note({}), me, [], at('2026-03-02T10:01:00Z'))).toBe(false);
  });

  it('never offers it on another’s note, an earlier version or another kind', () => {
    const now = at('2026-03-01T11:00:00Z');
    expect(canCorrect(note({ author: { id: other, username: 'o', displayName: 'O' } }), me, [], now)).toBe(false);
    expect(canCorrect(note({ current: false }), me, [], now)).toBe(false);
    expect(canCorrect(note({ kind: 'status_change' }), me, [], now)).toBe(false);
  });

  it('counts the window from the first version of a corrected note', () => {
    const first = note({ current: false });
    const correction = note({
      id: '10000000-0000-4000-8000-000000000002',
      corrects: first.id,
      createdAt: '2026-03-02T09:00:00Z',
    });
    expect(canCorrect(correction, me, [first, correction], at('2026-03-02T10:30:00Z'))).toBe(false);
    expect(canCorrect(correction, me, [first, correction], at('2026-03-02T09:30:00Z'))).toBe(true);
  });
});

describe('the daily screen', () => {
  it('sends no time for today and midday of another day', () => {
    expect(deliveredAtFor('2026-03-01', '2026-03-01')).toBeUndefined();
    expect(deliveredAtFor('2026-02-27', '2026-03-01')).toBe('2026-02-27T12:00:00+02:00');
  });

  it('counts days in Thessaloniki, whatever the device’s time zone', () => {
    expect(thessalonikiToday(new Date('2026-12-01T22:30:00Z'))).toBe('2026-12-02');
    expect(thessalonikiToday(new Date('2026-07-01T20:59:00Z'))).toBe('2026-07-01');
    expect(thessalonikiToday(new Date('2026-07-01T21:00:00Z'))).toBe('2026-07-02');
  });

  it('reads which entries of a list the server refused', () => {
    expect(refusedPositions([{ field: 'body.persons.2' }, { field: 'body.service' }, { field: 'body.persons.0' }])).toEqual([
      2, 0,
    ]);
    expect(refusedPositions(undefined)).toEqual([]);
  });
});

describe('formatting', () => {
  it('writes a moment as day/month/year hours:minutes', () => {
    expect(formatDateTime(new Date(2026, 2, 5, 9, 7).toISOString())).toBe('05/03/2026 09:07');
    expect(formatDateTime('not a time')).toBe('not a time');
  });

  it('reads only non-empty string fields of a body', () => {
    expect(bodyText({ text: 'a', n: 3, e: '' }, 'text')).toBe('a');
    expect(bodyText({ text: 'a', n: 3, e: '' }, 'n')).toBeNull();
    expect(bodyText({ text: 'a', n: 3, e: '' }, 'e')).toBeNull();
  });
});
