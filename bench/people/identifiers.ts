// Dates and Greek identifiers (AMKA, AFM, ΑΔΤ, ΠΑΑΥΠΑ, passports, mobiles), issued without collisions.
// Check digits are implemented here from the published rules, independently of src/shared.
import { codePoints, hashString, Permutation } from './rng.js';

/** A calendar date. */
export interface DateParts {
  y: number;
  m: number;
  d: number;
}

/** The synthetic registry's "today": ages and future-date checks are relative to it, never to the clock. */
export const REFERENCE_DATE: DateParts = { y: 2025, m: 1, d: 1 };

/** The number of days in a month of the Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when the parts name a real date. */
export function isRealDate(p: DateParts): boolean {
  return Number.isInteger(p.y) && p.m >= 1 && p.m <= 12 && p.d >= 1 && p.d <= daysInMonth(p.y, p.m);
}

/** Compares two dates (negative when a is earlier). */
export function compareDates(a: DateParts, b: DateParts): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Full years between a birth date and the reference date. */
export function ageAt(dob: DateParts, on: DateParts = REFERENCE_DATE): number {
  return on.y - dob.y - (on.m < dob.m || (on.m === dob.m && on.d < dob.d) ? 1 : 0);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats a date as YYYY-MM-DD. */
export function formatDate(p: DateParts): string {
  return `${pad(p.y, 4)}-${pad(p.m, 2)}-${pad(p.d, 2)}`;
}

/** Parses YYYY-MM-DD into parts; null when malformed or not a real date. */
export function parseDate(text: string): DateParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const p = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return isRealDate(p) ? p : null;
}

/** The Luhn check digit that completes a string of digits. */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  // Walking from the right, the digit next to the (future) check digit is doubled first.
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when a string of digits passes the Luhn check. */
export function luhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** The date an AMKA encodes (DDMMYY, 19YY tried before 20YY), or null when it encodes none. */
export function amkaDate(amka: string): DateParts | null {
  if (!/^\d{11}$/.test(amka)) return null;
  const d = Number(amka.slice(0, 2));
  const m = Number(amka.slice(2, 4));
  const yy = Number(amka.slice(4, 6));
  for (const y of [1900 + yy, 2000 + yy]) if (isRealDate({ y, m, d })) return { y, m, d };
  return null;
}

/** True when an AMKA has 11 digits, a real DDMMYY date and a valid Luhn check digit. */
export function amkaValid(amka: string): boolean {
  return amkaDate(amka) !== null && luhnValid(amka);
}

/** The AFM check digit: (Σ d_i·2^(9−i)) mod 11 mod 10 over the first eight digits. */
export function afmCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (body.charCodeAt(i) - 48) * 2 ** (8 - i);
  return (sum % 11) % 10;
}

/** True when an AFM has nine digits, is not all zeros and its check digit is right. */
export function afmValid(afm: string): boolean {
  return /^\d{9}$/.test(afm) && afm !== '000000000' && afmCheckDigit(afm) === Number(afm.charAt(8));
}

// A counter run through a keyed permutation: unique, random-looking, memoryless. Corrections (a re-issued
// card, a new phone) count down from the top so they never meet the numbers handed to persons.
class UniqueSequence {
  private readonly permutation: Permutation;
  private up = 0;
  private down: number;

  constructor(
    private readonly size: number,
    key: number,
  ) {
    this.permutation = new Permutation(size, key);
    this.down = size - 1;
  }

  next(): number {
    if (this.up > this.down) throw new Error('identifier space exhausted');
    return this.permutation.apply(this.up++);
  }

  nextCorrection(): number {
    if (this.up > this.down) throw new Error('identifier space exhausted');
    return this.permutation.apply(this.down--);
  }
}

// Letters that exist in both Greek and Latin: the only ones police ID cards used.
const ID_CARD_LETTERS = codePoints('ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ');
const LATIN_LETTERS = codePoints('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const MOBILE_THIRD_DIGIT = ['0', '3', '4', '5', '7', '8', '9'];
const MEN_LAST_SERIAL = [1, 3, 5, 7, 9];
const WOMEN_LAST_SERIAL = [0, 2, 4, 6, 8];
const AMKA_SERIALS = 5000; // three free digits × five digits of the right parity

/** Issues every identifier of one population, unique per type and determined by the seed. */
export class IdentifierIssuer {
  private readonly amkaCounters = new Map<string, number>();
  private readonly afmSeq: UniqueSequence;
  private readonly idCardSeq: UniqueSequence;
  private readonly passportSeq: UniqueSequence;
  private readonly paaypaSeq: UniqueSequence;
  private readonly phoneSeq: UniqueSequence;

  constructor(private readonly seed: number) {
    const key = (label: string): number => hashString(label, seed >>> 0);
    this.afmSeq = new UniqueSequence(19_999_999, key('afm'));
    this.idCardSeq = new UniqueSequence(210_000_000, key('id_card'));
    this.passportSeq = new UniqueSequence(6_760_000_000, key('passport'));
    this.paaypaSeq = new UniqueSequence(90_000_000_000, key('paaypa'));
    this.phoneSeq = new UniqueSequence(70_000_000, key('phone'));
  }

  /** An AMKA for this birth date and sex: DDMMYY, a serial whose last digit's parity is the sex, Luhn. */
  amka(dob: DateParts, sex: 'M' | 'F'): string {
    const ddmmyy = pad(dob.d, 2) + pad(dob.m, 2) + pad(dob.y % 100, 2);
    const slot = ddmmyy + sex;
    const k = this.amkaCounters.get(slot) ?? 0;
    if (k >= AMKA_SERIALS) throw new Error(`more than ${AMKA_SERIALS} AMKAs for ${slot}`);
    this.amkaCounters.set(slot, k + 1);
    // 3119 is coprime with 5000, so k ↦ index is a bijection: serials of one date look scattered.
    const index = (k * 3119 + (hashString(slot, this.seed >>> 0) % AMKA_SERIALS)) % AMKA_SERIALS;
    const parity = sex === 'M' ? MEN_LAST_SERIAL : WOMEN_LAST_SERIAL;
    const body = ddmmyy + pad(Math.floor(index / 5), 3) + String(parity[index % 5]);
    return body + String(luhnCheckDigit(body));
  }

  /** A valid AFM of an individual (leading 0 or 1). */
  afm(): string {
    const body = pad(this.afmSeq.next() + 1, 8);
    return body + String(afmCheckDigit(body));
  }

  /** An old-format police ID card number: one or two Greek capitals, a space, six digits. */
  idCard(correction = false): string {
    const n = correction ? this.idCardSeq.nextCorrection() : this.idCardSeq.next();
    const digits = pad(n % 1_000_000, 6);
    const prefix = Math.floor(n / 1_000_000);
    const letters =
      prefix < 196
        ? (ID_CARD_LETTERS[Math.floor(prefix / 14)] ?? '') + (ID_CARD_LETTERS[prefix % 14] ?? '')
        : (ID_CARD_LETTERS[prefix - 196] ?? '');
    return `${letters} ${digits}`;
  }

  /** A passport number: two Latin capitals and seven digits. */
  passport(): string {
    const n = this.passportSeq.next();
    const prefix = Math.floor(n / 10_000_000);
    return (LATIN_LETTERS[Math.floor(prefix / 26)] ?? '') + (LATIN_LETTERS[prefix % 26] ?? '') + pad(n % 10_000_000, 7);
  }

  /** A ΠΑΑΥΠΑ: 11 digits, no known checksum, so none is applied. */
  paaypa(): string {
    return String(10_000_000_000 + this.paaypaSeq.next());
  }

  /** A Greek mobile number, 69xxxxxxxx. */
  phone(correction = false): string {
    const n = correction ? this.phoneSeq.nextCorrection() : this.phoneSeq.next();
    return `69${MOBILE_THIRD_DIGIT[Math.floor(n / 10_000_000)] ?? '9'}${pad(n % 10_000_000, 7)}`;
  }
}
