/**
 * String and date comparators for duplicate detection, written in house: the scorer calls them millions of
 * times per batch, so they work on UTF-16 code units of already-normalised keys and reuse module-level typed
 * arrays instead of allocating per call. Callers lower-case and fold their strings first; nothing here does.
 */

// Scratch buffers, grown on demand. Safe to share: JavaScript runs one comparison at a time per thread.
let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);
let rowPrev2 = new Int32Array(65);
let rowPrev = new Int32Array(65);
let rowCur = new Int32Array(65);

/** Winkler applies the prefix bonus only to pairs that already look alike, so "mohammad"/"mxyz" stays low. */
const WINKLER_BOOST_THRESHOLD = 0.7;
const WINKLER_MAX_PREFIX = 4;

/** Jaro similarity in [0, 1]: 1 for identical strings, 0 when no characters match within the window. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  return la <= 32 && lb <= 32 ? jaroShort(a, b, la, lb) : jaroLong(a, b, la, lb);
}

// Names fit in 32 characters, so two integer bit sets replace the flag arrays: no clearing, no array loads.
function jaroShort(a: string, b: string, la: number, lb: number): number {
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let usedA = 0;
  let usedB = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const hi = Math.min(lb - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if ((usedB & (1 << j)) === 0 && b.charCodeAt(j) === c) {
        usedA |= 1 << i;
        usedB |= 1 << j;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if ((usedA & (1 << i)) === 0) continue;
    while ((usedB & (1 << k)) === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  return (matches / la + matches / lb + (matches - halfTranspositions / 2) / matches) / 3;
}

function jaroLong(a: string, b: string, la: number, lb: number): number {
  if (matchedA.length < la) matchedA = new Uint8Array(la * 2);
  if (matchedB.length < lb) matchedB = new Uint8Array(lb * 2);
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const hi = Math.min(lb - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  return (matches / la + matches / lb + (matches - halfTranspositions / 2) / matches) / 3;
}

/** Jaro-Winkler similarity in [0, 1]: Jaro plus a bonus for a common prefix of up to four characters. */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  // Above 0.25 the bonus could push the score past 1.
  if (!(prefixScale >= 0 && prefixScale <= 0.25)) throw new RangeError('prefixScale must be within [0, 0.25]');
  const j = jaro(a, b);
  if (j <= WINKLER_BOOST_THRESHOLD || j === 1) return j;
  const limit = Math.min(WINKLER_MAX_PREFIX, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * prefixScale * (1 - j);
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein where no substring is edited twice); with `max`,
 * returns max + 1 as soon as the distance is known to exceed it.
 */
export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (rowCur.length <= lb) {
    rowPrev2 = new Int32Array(lb * 2 + 1);
    rowPrev = new Int32Array(lb * 2 + 1);
    rowCur = new Int32Array(lb * 2 + 1);
  }
  let prev2 = rowPrev2;
  let prev = rowPrev;
  let cur = rowCur;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  let aPrevCode = -1;
  for (let i = 1; i <= la; i++) {
    const aCode = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    let bPrevCode = -1;
    for (let j = 1; j <= lb; j++) {
      const bCode = b.charCodeAt(j - 1);
      const diagonal = (prev[j - 1] ?? 0) + (aCode === bCode ? 0 : 1);
      const up = (prev[j] ?? 0) + 1;
      const left = (cur[j - 1] ?? 0) + 1;
      let value = diagonal < up ? diagonal : up;
      if (left < value) value = left;
      if (aCode === bPrevCode && aPrevCode === bCode) {
        const swap = (prev2[j - 2] ?? 0) + 1;
        if (swap < value) value = swap;
      }
      cur[j] = value;
      if (value < rowMin) rowMin = value;
      bPrevCode = bCode;
    }
    // Row minima never decrease (also under OSA), so once a whole row is past max the answer is too.
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
    aPrevCode = aCode;
  }
  const distance = prev[lb] ?? 0;
  return distance > max ? max + 1 : distance;
}

/** How two YYYY-MM-DD birth dates relate, in the terms the date comparison levels use. */
export interface DateDistance {
  /** Same string. */
  equal: boolean;
  /** Not equal, and one digit substituted or two adjacent digits transposed (Damerau-Levenshtein 1 on the digits). */
  oneDigit: boolean;
  /** Same year with day and month exchanged (03-07 vs 07-03): a common entry error. */
  dayMonthSwap: boolean;
  /** Same year (both parse). */
  sameYear: boolean;
  /** At most 31 days apart, the longest month. */
  withinMonth: boolean;
  /** At most 366 days apart. */
  withinYear: boolean;
  /** Absolute difference in days, or null when either side is not a valid calendar date. */
  days: number | null;
}

// Digit positions of YYYY-MM-DD, skipping the dashes.
const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9] as const;

function digit(s: string, index: number): number {
  const code = s.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** Days since 1970-01-01 for a valid YYYY-MM-DD, else NaN. */
function dayNumber(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  let n = 0;
  for (const index of DIGIT_AT) {
    const d = digit(s, index);
    if (d < 0) return Number.NaN;
    n = n * 10 + d;
  }
  const year = Math.floor(n / 10_000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil: avoids allocating a Date per comparison in the scorer's hot path.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function oneDigitApart(a: string, b: string): boolean {
  let first = -1;
  let second = -1;
  for (let k = 0; k < DIGIT_AT.length; k++) {
    const index = DIGIT_AT[k] ?? 0;
    if (a.charCodeAt(index) === b.charCodeAt(index)) continue;
    if (first < 0) first = index;
    else if (second < 0) second = index;
    else return false;
  }
  if (first < 0) return false;
  if (second < 0) return true;
  // Equal lengths, so distance 1 with two mismatches can only be a transposition of neighbouring digits.
  const neighbours = second - first === 1 || (second - first === 2 && a.charCodeAt(first + 1) === 45);
  return neighbours && a.charCodeAt(first) === b.charCodeAt(second) && a.charCodeAt(second) === b.charCodeAt(first);
}

/** Compares two YYYY-MM-DD dates: equality, one-digit typo, day/month swap, same year, within a month or a year. */
export function dateDistance(a: string, b: string): DateDistance {
  const equal = a === b;
  const da = dayNumber(a);
  const db = dayNumber(b);
  if (Number.isNaN(da) || Number.isNaN(db)) {
    const digitsA = a.replace(/\D/g, '');
    const digitsB = b.replace(/\D/g, '');
    const oneDigit = !equal && digitsA !== digitsB && damerauLevenshtein(digitsA, digitsB, 1) === 1;
    return { equal, oneDigit, dayMonthSwap: false, sameYear: false, withinMonth: false, withinYear: false, days: null };
  }
  const days = Math.abs(da - db);
  const sameYear =
    a.charCodeAt(0) === b.charCodeAt(0) &&
    a.charCodeAt(1) === b.charCodeAt(1) &&
    a.charCodeAt(2) === b.charCodeAt(2) &&
    a.charCodeAt(3) === b.charCodeAt(3);
  const dayMonthSwap =
    !equal &&
    sameYear &&
    a.charCodeAt(5) === b.charCodeAt(8) &&
    a.charCodeAt(6) === b.charCodeAt(9) &&
    a.charCodeAt(8) === b.charCodeAt(5) &&
    a.charCodeAt(9) === b.charCodeAt(6);
  return {
    equal,
    oneDigit: !equal && oneDigitApart(a, b),
    dayMonthSwap,
    sameYear,
    withinMonth: days <= 31,
    withinYear: days <= 366,
    days,
  };
}
