import type { MatchFeatures } from '../../../../shared/people/match-model.js';
import { personNameKeys, type NameKeys } from '../../../../shared/people/names.js';
import type { Probe } from './blocking.repo.js';

/** What the matcher compares of a record: names as written, sex, birth date, identifiers. */
export interface MatchInput {
  givenName: string;
  familyName: string;
  fatherName: string | null;
  motherName: string | null;
  sex: 'M' | 'F' | null;
  birthDate: string | null;
  birthDateApproximate: boolean;
  identifiers: { type: string; value: string; valid: boolean }[];
}

/** Whether a birth date is a placeholder: marked approximate, or the 1 January that stands for an unknown day. */
export function isPlaceholderDate(date: string | null, approximate: boolean): boolean {
  return date !== null && (approximate || date.endsWith('-01-01'));
}

// The same names come back as candidates batch after batch (every Maria Papadopoulou born in
// 1980): their keys are remembered, by the names themselves, up to a bound.
const KEYS_MEMO_SIZE = 50_000;
const keysMemo = new Map<string, NameKeys>();
function namesKeys(r: MatchInput): NameKeys {
  const memoKey = `${r.givenName}\u0000${r.familyName}\u0000${r.fatherName ?? ''}\u0000${r.motherName ?? ''}`;
  let keys = keysMemo.get(memoKey);
  if (!keys) {
    keys = personNameKeys({ given: r.givenName, family: r.familyName, father: r.fatherName, mother: r.motherName });
    if (keysMemo.size >= KEYS_MEMO_SIZE) keysMemo.clear();
    keysMemo.set(memoKey, keys);
  }
  return keys;
}

/** The features the Fellegi–Sunter model scores, computed from the names in TypeScript. */
export function matchFeatures(r: MatchInput): MatchFeatures {
  const k = namesKeys(r);
  const or = (s: string) => (s === '' ? null : s);
  return {
    givenKey: or(k.givenKey),
    familyKey: or(k.familyKey),
    givenTokens: k.givenTokens,
    familyTokens: k.familyTokens,
    givenCanonical: k.givenCanonical,
    familyStem: or(k.familyStem),
    givenSkeleton: or(k.givenSkeleton),
    familySkeleton: or(k.familySkeleton),
    fatherKey: k.fatherKey,
    motherKey: k.motherKey,
    sex: r.sex,
    birthDate: r.birthDate,
    birthDatePlaceholder: isPlaceholderDate(r.birthDate, r.birthDateApproximate),
    identifiers: r.identifiers,
  };
}

function swapped(date: string | null): string | null {
  if (!date) return null;
  const [y, m, d] = date.split('-');
  if (!y || !m || !d || m === d || Number(d) > 12) return null;
  return `${y}-${d}-${m}`;
}

/** The blocking probe of a record (what candidates are looked up by). */
export function probeOf(idx: number, r: MatchInput, f: MatchFeatures): Probe {
  return {
    idx,
    identifiers: r.identifiers.map((i) => ({ type: i.type, value: i.value })),
    birthDate: r.birthDate,
    swappedBirthDate: swapped(r.birthDate),
    birthDatePlaceholder: f.birthDatePlaceholder,
    birthYear: r.birthDate ? Number(r.birthDate.slice(0, 4)) : null,
    sex: r.sex,
    familyKey: f.familyKey ?? '',
    givenKey: f.givenKey ?? '',
    familyStem: f.familyStem ?? '',
    familySkeleton: f.familySkeleton ?? '',
  };
}
