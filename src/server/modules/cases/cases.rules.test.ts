import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, CASE_TRANSITIONS, canTransition } from '../../../shared/cases/lists.js';
import { decodeCursor, encodeCursor, pageOf } from './cursor.js';

describe('the case status machine', () => {
  it('goes forward one step at a time, closes from any active status, and reopens only to open', () => {
    expect(canTransition('open', 'assessment')).toBe(true);
    expect(canTransition('open', 'plan')).toBe(false);
    expect(canTransition('in_service', 'open')).toBe(false);
    for (const s of CASE_STATUSES) expect(canTransition(s, 'closed'), s).toBe(s !== 'closed');
    expect(CASE_TRANSITIONS.closed).toEqual(['open']);
  });

  it('never moves a status to itself: a repeated request is refused, not silently accepted', () => {
    for (const s of CASE_STATUSES) expect(canTransition(s, s), s).toBe(false);
  });

  it('from any sequence of requests, a closed case is only ever left for open', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CASE_STATUSES), { maxLength: 40 }), (tries) => {
        let status: (typeof CASE_STATUSES)[number] = 'open';
        for (const next of tries) {
          if (!canTransition(status, next)) continue;
          if (status === 'closed') expect(next).toBe('open');
          status = next;
        }
      }),
    );
  });
});

describe('keyset cursors', () => {
  it('round-trip a position and refuse anything else', () => {
    const p = { at: '2026-12-01T10:00:00.123456Z', id: '7d3f6a52-8a1e-4c1b-9b0e-3f2d1c0b9a88' };
    expect(decodeCursor(encodeCursor(p))).toEqual(p);
    expect(decodeCursor(undefined)).toBeNull();
    expect(() => decodeCursor('bm9wZQ')).toThrow();
    expect(() => decodeCursor(Buffer.from(`${p.at}|${p.id}|x`).toString('base64url'))).toThrow();
  });

  it('cut one extra row into a next cursor', () => {
    const rows = [1, 2, 3].map((n) => ({ at: `2026-12-01T10:00:0${n}.000000Z`, id: `00000000-0000-4000-8000-00000000000${n}` }));
    expect(pageOf(rows, 3, (r) => r).nextCursor).toBeNull();
    const { page, nextCursor } = pageOf(rows, 2, (r) => r);
    expect(page).toHaveLength(2);
    expect(decodeCursor(nextCursor ?? undefined)).toEqual(rows[1]);
  });
});
