/**
 * Typed identifiers of a person, normalised to one stored form and checked by their own rules.
 * Validators warn and never throw: a value that fails its check is still stored, flagged, because
 * a clerk's typo is evidence too (a one-digit-off AMKA still links two registrations).
 */

/** The identifier types a person can carry. */
export const IDENTIFIER_TYPES = [
  'amka',
  'paaypa',
  'temp_amka',
  'afm',
  'id_card',
  'passport',
  'asylum_card',
  'residence_permit',
] as const;

/** One of IDENTIFIER_TYPES. */
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/** Why a value failed its check: a closed list, stored with the identifier and shown to staff. */
export type IdentifierProblem = 'empty' | 'characters' | 'length' | 'format' | 'checksum' | 'date' | 'zero';

/** The stored form of an identifier and the outcome of its check. */
export interface NormalisedIdentifier {
  /** Canonical stored form: trimmed, spaces and dashes removed, upper-case where letters occur. */
  value: string;
  valid: boolean;
  problem: IdentifierProblem | null;
  /** AMKA only, when valid: the date part as YYYY-MM-DD, century chosen as described at `amkaBirthDate`. */
  birthDate?: string;
  /** AMKA only, when valid: the same day in the other century, if that is a real date and not in the future. */
  birthDateAlternative?: string;
  /** AMKA only, when valid: digit 10, odd for a man. */
  sexHint?: 'M' | 'F';
}

/** Options of normaliseIdentifier. */
export interface NormaliseOptions {
  /** The year an AMKA birth date may not be after (default: the current year), for the century choice. */
  currentYear?: number;
}

// Spaces of every kind and the dashes people type between groups of digits.
const SEPARATORS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\-\u2010-\u2015\u2212]+/gu;
const DIGITS = /^\d+$/;
const ALPHANUMERIC = /^[A-Z0-9]+$/;
// ΑΔΤ letters are Greek capitals without accents; Latin look-alikes are folded to them first.
const OLD_ID_CARD = /^[\u0391-\u03a9]{1,2}\d{6}$/u;
const ID_CARD_CHARACTERS = /^[\u0391-\u03a90-9]+$/u;
const MARKS = /\p{M}/gu;

// Latin capitals that look like Greek ones, in both directions: clerks type either keyboard layout.
const LATIN_TO_GREEK: Readonly<Record<string, string>> = {
  A: 'Α',
  B: 'Β',
  E: 'Ε',
  Z: 'Ζ',
  H: 'Η',
  I: 'Ι',
  K: 'Κ',
  M: 'Μ',
  N: 'Ν',
  O: 'Ο',
  P: 'Ρ',
  T: 'Τ',
  Y: 'Υ',
  X: 'Χ',
};
const GREEK_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LATIN_TO_GREEK).map(([latin, greek]) => [greek, latin]),
);

function compact(raw: string): string {
  return raw.trim().replace(SEPARATORS, '');
}

function upperNoAccents(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').toUpperCase();
}

function foldChars(s: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of s) out += table[ch] ?? ch;
  return out;
}

function result(value: string, problem: IdentifierProblem | null): NormalisedIdentifier {
  return { value, valid: problem === null, problem };
}

/** Whether a string of digits passes the Luhn check (false for an empty or non-digit string). */
export function luhnValid(digits: string): boolean {
  if (digits.length === 0 || !DIGITS.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that, appended to a string of digits, makes it pass Luhn; throws on a non-digit input. */
export function luhnCheckDigit(digits: string): number {
  if (!DIGITS.test(digits)) throw new RangeError('luhnCheckDigit needs digits');
  for (let d = 0; d <= 9; d++) if (luhnValid(`${digits}${d}`)) return d;
  throw new Error('unreachable: one Luhn digit always fits');
}

/** The AFM check digit of its first eight digits, (Σ dᵢ·2^(9−i)) mod 11 mod 10; throws unless given 8 digits. */
export function afmCheckDigit(first8: string): number {
  if (first8.length !== 8 || !DIGITS.test(first8)) throw new RangeError('afmCheckDigit needs 8 digits');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (first8.charCodeAt(i) - 48) * 2 ** (8 - i);
  return (sum % 11) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The birth dates an AMKA's DDMMYY part can mean, best first, or [] when it is a real date in
 * neither 19YY nor 20YY. The century is not encoded: 20YY is preferred unless it would be after
 * `currentYear` (an infant born in 2015 is far likelier among clients than a 110-year-old born in
 * 1915), then 19YY; a date only real in one century (29/02/00 is real in 2000 only) takes that one.
 * A 20YY date in the future is dropped, never offered.
 */
export function amkaBirthDates(amka: string, currentYear: number = new Date().getFullYear()): string[] {
  const day = Number(amka.slice(0, 2));
  const month = Number(amka.slice(2, 4));
  const yy = Number(amka.slice(4, 6));
  const out: string[] = [];
  if (isRealDate(2000 + yy, month, day) && 2000 + yy <= currentYear) out.push(isoDate(2000 + yy, month, day));
  if (isRealDate(1900 + yy, month, day)) out.push(isoDate(1900 + yy, month, day));
  if (out.length === 0 && isRealDate(2000 + yy, month, day)) out.push(isoDate(2000 + yy, month, day));
  return out;
}

function amka(raw: string, options: NormaliseOptions): NormalisedIdentifier {
  const value = compact(raw);
  if (value === '') return result(value, 'empty');
  if (!DIGITS.test(value)) return result(value, 'characters');
  if (value.length !== 11) return result(value, 'length');
  if (!luhnValid(value)) return result(value, 'checksum');
  const [birthDate, birthDateAlternative] = amkaBirthDates(value, options.currentYear);
  if (birthDate === undefined) return result(value, 'date');
  const sexHint = (value.charCodeAt(9) - 48) % 2 === 1 ? 'M' : 'F';
  return { ...result(value, null), birthDate, sexHint, ...(birthDateAlternative ? { birthDateAlternative } : {}) };
}

// The EL/GR VAT prefix, also typed on a Greek keyboard as ΕΛ.
const AFM_PREFIX = /^(?:EL|GR|ΕΛ)(?=\d{8,9}$)/u;

function afm(raw: string): NormalisedIdentifier {
  let value = upperNoAccents(compact(raw)).replace(AFM_PREFIX, '');
  if (value === '') return result(value, 'empty');
  if (!DIGITS.test(value)) return result(value, 'characters');
  // Old AFMs had eight digits and are still written without the leading zero.
  if (value.length === 8) value = `0${value}`;
  if (value.length !== 9) return result(value, 'length');
  if (value === '000000000') return result(value, 'zero');
  return result(value, afmCheckDigit(value.slice(0, 8)) === value.charCodeAt(8) - 48 ? null : 'checksum');
}

// Stored in Greek capitals, the alphabet printed on the card; Latin look-alikes are folded to it.
function idCard(raw: string): NormalisedIdentifier {
  const value = foldChars(upperNoAccents(compact(raw)), LATIN_TO_GREEK);
  if (value === '') return result(value, 'empty');
  if (!ID_CARD_CHARACTERS.test(value)) return result(value, 'characters');
  // Only the old format (1–2 letters + 6 digits) is known; the 2023+ cards' format is unverified,
  // so their numbers are kept and flagged 'format' until real samples confirm a rule.
  return result(value, OLD_ID_CARD.test(value) ? null : 'format');
}

// Travel and residence documents carry Latin letters (ICAO); Greek look-alikes typed on a Greek
// keyboard are folded to Latin.
function travelDocument(raw: string): NormalisedIdentifier {
  const value = foldChars(upperNoAccents(compact(raw)), GREEK_TO_LATIN);
  if (value === '') return result(value, 'empty');
  if (!ALPHANUMERIC.test(value)) return result(value, 'characters');
  return result(value, value.length >= 5 && value.length <= 20 ? null : 'length');
}

// No public format is known (ΠΑΑΥΠΑ, 2021 temporary AMKAs): stored as typed, only compacted, and
// upper-cased in case letters occur; AMKA rules are not applied until real samples confirm them.
function opaque(raw: string): NormalisedIdentifier {
  const value = compact(raw).toUpperCase();
  return result(value, value === '' ? 'empty' : null);
}

/** The stored form of an identifier of a given type and whether it passes that type's check. */
export function normaliseIdentifier(type: IdentifierType, raw: string, options: NormaliseOptions = {}): NormalisedIdentifier {
  switch (type) {
    case 'amka':
      return amka(raw, options);
    case 'afm':
      return afm(raw);
    case 'id_card':
      return idCard(raw);
    case 'passport':
    case 'asylum_card':
    case 'residence_permit':
      return travelDocument(raw);
    case 'paaypa':
    case 'temp_amka':
      return opaque(raw);
  }
}
