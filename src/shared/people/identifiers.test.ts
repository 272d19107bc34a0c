import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IDENTIFIER_TYPES,
  afmCheckDigit,
  amkaBirthDates,
  luhnCheckDigit,
  luhnValid,
  normaliseIdentifier,
  type IdentifierType,
} from './identifiers.js';

const YEAR = 2026;
const amka = (raw: string) => normaliseIdentifier('amka', raw, { currentYear: YEAR });
const afm = (raw: string) => normaliseIdentifier('afm', raw);

const two = (n: number) => String(n).padStart(2, '0');
/** An AMKA for a date and serial, with its Luhn digit. */
function makeAmka(date: Date, serial: number): string {
  const first10 = `${two(date.getUTCDate())}${two(date.getUTCMonth() + 1)}${two(date.getUTCFullYear() % 100)}${String(serial).padStart(4, '0')}`;
  return `${first10}${luhnCheckDigit(first10)}`;
}
/** The AFM weighted sum mod 11, before the final mod 10 that merges 10 with 0. */
function afmRemainder(first8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * 2 ** (8 - i);
  return sum % 11;
}

const realDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true });
const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...Array.from('0123456789')), minLength: length, maxLength: length });

describe('IDENTIFIER_TYPES', () => {
  it('lists the eight types of the reference design', () => {
    expect(IDENTIFIER_TYPES).toEqual([
      'amka',
      'paaypa',
      'temp_amka',
      'afm',
      'id_card',
      'passport',
      'asylum_card',
      'residence_permit',
    ]);
  });
});

describe('AMKA', () => {
  it.each([
    ['01013099997', '1930-01-01', 'M'],
    ['15088501232', '1985-08-15', 'M'],
    ['31129904566', '1999-12-31', 'F'],
    ['29020000013', '2000-02-29', 'M'],
    ['01017000009', '1970-01-01', 'F'],
  ])('accepts the reference vector %s (born %s, %s)', (value, birthDate, sexHint) => {
    expect(amka(value)).toMatchObject({ value, valid: true, problem: null, birthDate, sexHint });
  });

  it('rejects the reference vector 01013099999 on its checksum, keeping the value', () => {
    expect(amka('01013099999')).toEqual({ value: '01013099999', valid: false, problem: 'checksum' });
  });

  it('shows the Luhn arithmetic of the worked example', () => {
    expect(luhnValid('15088501232')).toBe(true);
    expect(luhnCheckDigit('1508850123')).toBe(2);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('12a')).toBe(false);
  });

  it('prefers 20YY unless it is after the current year, and offers the other century', () => {
    const child = makeAmka(new Date(Date.UTC(2015, 7, 15)), 1234);
    expect(amka(child)).toMatchObject({ valid: true, birthDate: '2015-08-15', birthDateAlternative: '1915-08-15' });
    expect(normaliseIdentifier('amka', child, { currentYear: 2014 })).toMatchObject({ birthDate: '1915-08-15' });
    expect(normaliseIdentifier('amka', child, { currentYear: 2014 }).birthDateAlternative).toBeUndefined();
    // 29 Feb 00 is only a real date in 2000.
    expect(amkaBirthDates('290200', YEAR)).toEqual(['2000-02-29']);
    expect(amkaBirthDates('310400', YEAR)).toEqual([]);
  });

  it('strips spaces and dashes, and names what is wrong', () => {
    expect(amka(' 010130-9999 7 ')).toMatchObject({ value: '01013099997', valid: true });
    expect(amka('')).toMatchObject({ valid: false, problem: 'empty' });
    expect(amka('0101309999')).toMatchObject({ valid: false, problem: 'length' });
    expect(amka('0101309999Α')).toMatchObject({ valid: false, problem: 'characters' });
    const month13 = `0113301234`;
    expect(amka(`${month13}${luhnCheckDigit(month13)}`)).toMatchObject({ valid: false, problem: 'date' });
  });

  it('validates every AMKA built from a real date, a serial and its Luhn digit', () => {
    fc.assert(
      fc.property(realDate, fc.integer({ min: 0, max: 9999 }), (date, serial) => {
        const result = amka(makeAmka(date, serial));
        expect(result.valid).toBe(true);
        expect(result.birthDate?.slice(5)).toBe(date.toISOString().slice(5, 10));
        expect([result.birthDate, result.birthDateAlternative]).toContain(date.toISOString().slice(0, 10));
      }),
    );
  });

  it('detects every single-digit change', () => {
    fc.assert(
      fc.property(
        realDate,
        fc.integer({ min: 0, max: 9999 }),
        fc.nat(10),
        fc.integer({ min: 1, max: 9 }),
        (date, serial, at, delta) => {
          const valid = makeAmka(date, serial);
          const changed = valid.slice(0, at) + String((Number(valid[at]) + delta) % 10) + valid.slice(at + 1);
          expect(amka(changed).valid).toBe(false);
        },
      ),
    );
  });

  it('detects every adjacent transposition except 09 ↔ 90', () => {
    fc.assert(
      fc.property(realDate, fc.integer({ min: 0, max: 9999 }), fc.nat(9), (date, serial, at) => {
        const valid = makeAmka(date, serial);
        const [a, b] = [valid[at]!, valid[at + 1]!];
        fc.pre(a !== b && !((a === '0' && b === '9') || (a === '9' && b === '0')));
        expect(amka(valid.slice(0, at) + b + a + valid.slice(at + 2)).valid).toBe(false);
      }),
    );
  });
});

describe('AFM', () => {
  it.each(['090000045', '094259216', '123456783'])('accepts the reference vector %s', (value) => {
    expect(afm(value)).toEqual({ value, valid: true, problem: null });
  });

  it.each(['123456789', '123456781'])('rejects the reference vector %s on its checksum', (value) => {
    expect(afm(value)).toEqual({ value, valid: false, problem: 'checksum' });
  });

  it('computes the worked check digit (1004 mod 11 = 3) and refuses a bad argument', () => {
    expect(afmCheckDigit('12345678')).toBe(3);
    expect(() => afmCheckDigit('1234567')).toThrow(RangeError);
  });

  it('rejects 000000000, which passes the arithmetic', () => {
    expect(afmCheckDigit('00000000')).toBe(0);
    expect(afm('000000000')).toMatchObject({ valid: false, problem: 'zero' });
  });

  it('strips an EL/GR prefix (also typed in Greek) and pads an old 8-digit number', () => {
    expect(afm('EL 094259216')).toMatchObject({ value: '094259216', valid: true });
    expect(afm('gr094259216')).toMatchObject({ value: '094259216', valid: true });
    expect(afm('ΕΛ094259216')).toMatchObject({ value: '094259216', valid: true });
    expect(afm('90000045')).toMatchObject({ value: '090000045', valid: true });
    expect(afm('12345')).toMatchObject({ valid: false, problem: 'length' });
    expect(afm('12345678A')).toMatchObject({ valid: false, problem: 'characters' });
  });

  it('validates every AFM built with afmCheckDigit', () => {
    fc.assert(
      fc.property(digits(8), (first8) => {
        fc.pre(first8 !== '00000000');
        expect(afm(`${first8}${afmCheckDigit(first8)}`).valid).toBe(true);
      }),
    );
  });

  it('detects a single-digit change, except where mod 10 merges the remainders 0 and 10', () => {
    fc.assert(
      fc.property(digits(8), fc.nat(8), fc.integer({ min: 1, max: 9 }), (first8, at, delta) => {
        const valid = `${first8}${afmCheckDigit(first8)}`;
        const changed = valid.slice(0, at) + String((Number(valid[at]) + delta) % 10) + valid.slice(at + 1);
        fc.pre(changed !== '000000000');
        const merged =
          at < 8 &&
          new Set([afmRemainder(first8), afmRemainder(changed.slice(0, 8))]).size === 2 &&
          [0, 10].includes(afmRemainder(first8)) &&
          [0, 10].includes(afmRemainder(changed.slice(0, 8)));
        expect(afm(changed).valid).toBe(merged);
      }),
    );
  });
});

describe('ID card (ΑΔΤ)', () => {
  it('folds Latin look-alikes to Greek capitals and accepts the old format', () => {
    expect(normaliseIdentifier('id_card', 'AB 123456')).toEqual({ value: 'ΑΒ123456', valid: true, problem: null });
    expect(normaliseIdentifier('id_card', 'αβ-123456').value).toBe('ΑΒ123456');
    expect(normaliseIdentifier('id_card', 'Χ123456')).toMatchObject({ value: 'Χ123456', valid: true });
    expect(normaliseIdentifier('id_card', 'ΠΣ 123456')).toMatchObject({ valid: true });
  });

  it('keeps other shapes, flagged, since the 2023+ card format is unverified', () => {
    expect(normaliseIdentifier('id_card', 'AB1234567')).toEqual({ value: 'ΑΒ1234567', valid: false, problem: 'format' });
    expect(normaliseIdentifier('id_card', 'AD123456')).toMatchObject({ valid: false, problem: 'characters' });
  });
});

describe('travel and residence documents', () => {
  it.each(['passport', 'asylum_card', 'residence_permit'] as const)('%s: upper-case alphanumerics of 5–20 characters', (type) => {
    expect(normaliseIdentifier(type, 'ab 123-4567')).toEqual({ value: 'AB1234567', valid: true, problem: null });
    expect(normaliseIdentifier(type, 'ΑΒ1234567').value).toBe('AB1234567');
    expect(normaliseIdentifier(type, '1234')).toMatchObject({ valid: false, problem: 'length' });
    expect(normaliseIdentifier(type, 'A'.repeat(21))).toMatchObject({ valid: false, problem: 'length' });
    expect(normaliseIdentifier(type, 'AB#1234')).toMatchObject({ valid: false, problem: 'characters' });
  });
});

describe('ΠΑΑΥΠΑ and temporary AMKA', () => {
  it.each(['paaypa', 'temp_amka'] as const)('%s: stored compacted, valid when not empty', (type) => {
    expect(normaliseIdentifier(type, ' 0123 456-789 ')).toEqual({ value: '0123456789', valid: true, problem: null });
    expect(normaliseIdentifier(type, '   ')).toEqual({ value: '', valid: false, problem: 'empty' });
  });
});

describe('normaliseIdentifier', () => {
  const noisy = fc.string({
    unit: fc.constantFrom(...Array.from('0123456789ABXYΑΒαβelgrΕΛ -–.#'), 'ά', '\u00a0'),
    maxLength: 16,
  });
  it('is idempotent for every type', () => {
    fc.assert(
      fc.property(fc.constantFrom<IdentifierType>(...IDENTIFIER_TYPES), fc.oneof(noisy, fc.string()), (type, raw) => {
        const once = normaliseIdentifier(type, raw, { currentYear: YEAR });
        const twice = normaliseIdentifier(type, once.value, { currentYear: YEAR });
        expect(twice).toEqual(once);
      }),
    );
  });
});
