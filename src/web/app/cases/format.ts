/** Formatting and small rules of the case screens, kept free of React so that they can be unit-tested. */
import type { TEntry } from '../../../shared/cases/timeline.js';
import { CORRECTION_WINDOW_HOURS } from '../../../shared/cases/lists.js';

/** A moment as staff read it: dd/mm/yyyy hh:mm in the browser's time zone; the text as given when it is no time. */
export function formatDateTime(value: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/**
 * Today in Thessaloniki (YYYY-MM-DD): the service log counts days there, whatever the time zone
 * of the worker's device (the server does the same).
 */
export function thessalonikiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Athens',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * When a delivery recorded on the daily screen took place: left out (now) for today, midday of
 * the chosen day in Thessaloniki otherwise (+02:00 is noon in winter and one in the afternoon in
 * summer: the same day either way).
 */
export function deliveredAtFor(day: string, todayIs: string): string | undefined {
  if (day === todayIs || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return `${day}T12:00:00+02:00`;
}

/**
 * Whether the worker may correct this version of a note: the latest version, written by them,
 * within 24 hours of the note's first version (the server decides; this only offers the button).
 */
export function canCorrect(entry: TEntry, userId: string, loaded: readonly TEntry[], now: number = Date.now()): boolean {
  if (entry.kind !== 'note' || !entry.current || entry.author?.id !== userId) return false;
  const first = entry.corrects ? loaded.find((e) => e.id === entry.corrects) : entry;
  const firstAt = new Date(first?.createdAt ?? entry.createdAt).getTime();
  return now - firstAt < CORRECTION_WINDOW_HOURS * 3_600_000;
}

/** A string field of an entry's body, or null. */
export function bodyText(body: Readonly<Record<string, unknown>>, key: string): string | null {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The positions of a bulk list that an API error names (`body.persons.3` → 3). */
export function refusedPositions(errors: readonly { field: string }[] | undefined): number[] {
  return (errors ?? []).flatMap((e) => {
    const m = /^body\.persons\.(\d+)$/.exec(e.field);
    return m ? [Number(m[1])] : [];
  });
}
