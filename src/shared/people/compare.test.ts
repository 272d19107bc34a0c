import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, dateDistance, jaro, jaroWinkler } from './compare.js';

// Small alphabets make collisions, transpositions and shared prefixes common enough to exercise every branch.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'm', 'o'), maxLength: 12 });
const anyText = fc.string({ maxLength: 20 });

// Textbook Jaro with flag arrays, to check the bit-set fast path (≤ 32 characters) and the long path agree with it.
function referenceJaro(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const usedA: boolean[] = Array.from({ length: a.length }, () => false);
  const usedB: boolean[] = Array.from({ length: b.length }, () => false);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j <= Math.min(b.length - 1, i + window); j++) {
      if (!usedB[j] && a[i] === b[j]) {
        usedA[i] = usedB[j] = true;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  const inOrder = (s: string, used: boolean[]) =>
    Array.from({ length: s.length }, (_, i) => s.charAt(i)).filter((_, i) => used[i]);
  const matchedB = inOrder(b, usedB);
  const t = inOrder(a, usedA).filter((c, k) => c !== matchedB[k]).length;
  return (m / a.length + m / b.length + (m - t / 2) / m) / 3;
}

describe('jaroWinkler', () => {
  it.each([
    ['mohammad', 'muhammad', 0.925],
    ['mohammad', 'mohamed', 0.921],
    ['muhammad', 'mahmoud', 0.742],
    ['hossein', 'hussein', 0.914],
    ['fatima', 'fatemeh', 0.822],
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
  ])('%s – %s ≈ %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 2);
    expect(Math.abs(jaroWinkler(a, b) - expected)).toBeLessThanOrEqual(0.005);
  });

  it('keeps Mahmoud apart from Muhammad although their consonant skeletons meet', () => {
    expect(jaroWinkler('muhammad', 'mahmoud')).toBeLessThan(0.88);
    expect(jaroWinkler('mohammad', 'muhammad')).toBeGreaterThan(0.92);
  });

  it('handles empty and single-character strings', () => {
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('', 'a')).toBe(0);
    expect(jaroWinkler('a', '')).toBe(0);
    expect(jaroWinkler('a', 'a')).toBe(1);
    expect(jaroWinkler('a', 'b')).toBe(0);
  });

  it('adds no prefix bonus below the Winkler threshold or with a zero scale', () => {
    expect(jaroWinkler('abcxyz', 'abcpqr')).toBe(jaro('abcxyz', 'abcpqr'));
    expect(jaroWinkler('martha', 'marhta', 0)).toBe(jaro('martha', 'marhta'));
  });

  it('rejects a prefix scale that could exceed 1', () => {
    expect(() => jaroWinkler('a', 'b', 0.3)).toThrow(RangeError);
  });

  it('reuses its buffers correctly across long and short strings', () => {
    const long = 'ab'.repeat(100);
    expect(jaroWinkler(long, long + 'c')).toBeGreaterThan(0.99);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });

  it('agrees with a textbook Jaro on short and long strings', () => {
    const longish = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 45 });
    fc.assert(
      fc.property(longish, longish, (a, b) => {
        expect(jaro(a, b)).toBeCloseTo(referenceJaro(a, b), 12);
      }),
      { numRuns: 2000 },
    );
  });

  it('is symmetric, within [0, 1] and 1 on identical strings', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const ab = jaroWinkler(a, b);
        expect(ab).toBe(jaroWinkler(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        expect(jaroWinkler(a, a)).toBe(1);
        expect(ab).toBeGreaterThanOrEqual(jaro(a, b));
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(anyText, anyText, (a, b) => jaroWinkler(a, b) === jaroWinkler(b, a)));
  });
});

describe('damerauLevenshtein', () => {
  it.each([
    ['ca', 'abc', 3], // optimal string alignment: no edit after a transposition (true Damerau gives 2)
    ['kitten', 'sitting', 3],
    ['09876', '09867', 1],
    ['abc', 'abc', 0],
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['a', 'b', 1],
    ['ab', 'ba', 1],
  ])('%s – %s = %i', (a, b, expected) => {
    expect(damerauLevenshtein(a, b)).toBe(expected);
  });

  it('exits early with max + 1 once the distance exceeds max', () => {
    expect(damerauLevenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(damerauLevenshtein('a', 'abcdef', 2)).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting', 3)).toBe(3);
    expect(damerauLevenshtein('0123456789', '9876543210', 0)).toBe(1);
  });

  it('handles strings longer than its initial buffers', () => {
    const a = 'x'.repeat(300);
    expect(damerauLevenshtein(a, a + 'yz')).toBe(2);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
  });

  it('is symmetric, 0 on identical strings and at most the longer length', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = damerauLevenshtein(a, b);
        expect(damerauLevenshtein(b, a)).toBe(d);
        expect(damerauLevenshtein(a, a)).toBe(0);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(d === 0).toBe(a === b);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives 1 for one adjacent transposition of different characters', () => {
    fc.assert(
      fc.property(
        word.filter((s) => s.length >= 2),
        fc.nat(),
        (s, n) => {
          const i = n % (s.length - 1);
          fc.pre(s[i] !== s[i + 1]);
          const swapped = s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
          expect(damerauLevenshtein(s, swapped)).toBe(1);
        },
      ),
    );
  });

  it('returns the full distance under max and max + 1 above it', () => {
    fc.assert(
      fc.property(word, word, fc.nat(6), (a, b, max) => {
        const full = damerauLevenshtein(a, b);
        expect(damerauLevenshtein(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dateDistance', () => {
  it('recognises equal dates', () => {
    expect(dateDistance('1985-08-15', '1985-08-15')).toEqual({
      equal: true,
      oneDigit: false,
      dayMonthSwap: false,
      sameYear: true,
      withinMonth: true,
      withinYear: true,
      days: 0,
    });
  });

  it('recognises a one-digit typo and a transposition, including across the dash', () => {
    expect(dateDistance('1985-08-15', '1985-08-16').oneDigit).toBe(true);
    expect(dateDistance('1985-08-15', '1958-08-15').oneDigit).toBe(true);
    expect(dateDistance('1990-12-05', '1991-02-05').oneDigit).toBe(true); // digits 19901205 vs 19910205
    expect(dateDistance('1985-08-15', '1986-08-16').oneDigit).toBe(false);
    expect(dateDistance('1985-08-15', '1985-08-51').oneDigit).toBe(true); // not a valid date, still one digit
  });

  it('recognises a day/month swap within the same year', () => {
    const d = dateDistance('1990-03-07', '1990-07-03');
    expect(d.dayMonthSwap).toBe(true);
    expect(d.sameYear).toBe(true);
    expect(dateDistance('1990-03-07', '1991-07-03').dayMonthSwap).toBe(false);
    expect(dateDistance('1990-03-03', '1990-03-03').dayMonthSwap).toBe(false);
  });

  it('measures the gap in days across month and year ends', () => {
    const d = dateDistance('1999-12-20', '2000-01-10');
    expect(d.days).toBe(21);
    expect(d.withinMonth).toBe(true);
    expect(d.sameYear).toBe(false);
    expect(dateDistance('2000-01-01', '2000-12-31').withinYear).toBe(true);
    expect(dateDistance('1956-04-02', '1986-04-02').withinYear).toBe(false);
    expect(dateDistance('1956-04-02', '1986-04-02').days).toBe(10_957);
  });

  it('treats impossible or malformed dates as incomparable except for equality and digits', () => {
    const d = dateDistance('2001-02-29', '2001-02-28');
    expect(d.days).toBeNull();
    expect(d.sameYear).toBe(false);
    expect(d.oneDigit).toBe(true);
    expect(dateDistance('garbage', 'garbage').equal).toBe(true);
    expect(dateDistance('2000-02-29', '2000-03-01').days).toBe(1);
  });

  it('is symmetric', () => {
    const date = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(dateDistance(a, b)).toEqual(dateDistance(b, a));
      }),
    );
  });
});
