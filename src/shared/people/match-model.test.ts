import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL,
  explain,
  fitModel,
  matchProbability,
  pairLevels,
  priorWeight,
  scorePair,
  type LabelledPair,
  type MatchFeatures,
} from './match-model.js';

const AMKA = '15088501232';
const OTHER_AMKA = '01013099997';

function person(overrides: Partial<MatchFeatures> = {}): MatchFeatures {
  return {
    givenKey: 'yorgo',
    familyKey: 'papadopulo',
    givenTokens: ['yorgo'],
    familyTokens: ['papadopulo'],
    givenCanonical: 'georgios',
    familyStem: 'papadopul',
    givenSkeleton: 'YRG',
    familySkeleton: 'PPDPL',
    fatherKey: 'nikola',
    motherKey: 'maria',
    sex: 'M',
    birthDate: '1985-08-15',
    birthDatePlaceholder: false,
    identifiers: [],
    ...overrides,
  };
}

const amka = (value: string, valid = true) => ({ type: 'amka', value, valid });

function levelOf(score: ReturnType<typeof scorePair>, comparison: string): string | undefined {
  return score.reasons.find((r) => r.comparison === comparison)?.level;
}

describe('scorePair: decisions', () => {
  it('links an identical pair with a valid AMKA automatically', () => {
    const a = person({ identifiers: [amka(AMKA)] });
    const s = scorePair(a, person({ identifiers: [amka(AMKA)] }));
    expect(s.decision).toBe('auto');
    expect(s.probability).toBeGreaterThanOrEqual(0.999);
    expect(explain(s).agreed).toEqual(expect.arrayContaining(['strongId', 'birthDate', 'familyName', 'givenName']));
  });

  it('links the same person with a typo in the surname key when DOB and AMKA agree', () => {
    const s = scorePair(
      person({ identifiers: [amka(AMKA)] }),
      person({ familyKey: 'papadoplo', familyTokens: ['papadoplo'], identifiers: [amka(AMKA)] }),
    );
    expect(levelOf(s, 'familyName')).toBe('jw');
    expect(s.decision).toBe('auto');
  });

  it('links on names and birth date alone only when the date is not a placeholder', () => {
    const bare = { identifiers: [], fatherKey: null, motherKey: null };
    expect(scorePair(person(bare), person(bare)).decision).toBe('auto');
    const approximate = { ...bare, birthDate: '1985-01-01', birthDatePlaceholder: true };
    const s = scorePair(person(approximate), person(approximate));
    expect(levelOf(s, 'birthDate')).toBe('exact_placeholder');
    expect(s.decision).toBe('review');
    // Even with parents' names pushing the probability past the threshold, a placeholder date is not enough.
    const withParents = scorePair(
      person({ ...approximate, fatherKey: 'nikola', motherKey: 'maria' }),
      person({ ...approximate, fatherKey: 'nikola', motherKey: 'maria' }),
    );
    expect(withParents.probability).toBeGreaterThanOrEqual(DEFAULT_MODEL.autoThreshold);
    expect(withParents.decision).toBe('review');
  });

  it('never links twins automatically (same surname, date and parents; different first name)', () => {
    const s = scorePair(
      person(),
      person({ givenKey: 'nikola', givenTokens: ['nikola'], givenCanonical: 'nikolaos', givenSkeleton: 'NKL' }),
    );
    expect(s.twinGuard).toBe(true);
    expect(s.decision).not.toBe('auto');
    const sister = person({
      givenKey: 'eleni',
      givenTokens: ['eleni'],
      givenCanonical: 'eleni',
      givenSkeleton: 'LN',
      familyKey: 'papadopulu',
      sex: 'F',
    });
    expect(scorePair(person(), sister).twinGuard).toBe(true);
  });

  it('keeps Hassan and Hussein apart as twins even though their skeletons meet', () => {
    const hassan = person({ givenKey: 'hasan', givenTokens: ['hasan'], givenCanonical: 'hasan', givenSkeleton: 'HSN' });
    const hussein = person({ givenKey: 'husein', givenTokens: ['husein'], givenCanonical: 'husein', givenSkeleton: 'HSN' });
    const s = scorePair(hassan, hussein);
    expect(levelOf(s, 'givenName')).toBe('skeleton');
    expect(s.twinGuard).toBe(true);
    expect(s.decision).not.toBe('auto');
  });

  it('does not link a father and son with the same names born 30 years apart', () => {
    const father = person({ birthDate: '1956-04-02', fatherKey: 'kostantino', motherKey: 'eleni' });
    const son = person({ birthDate: '1986-09-17' });
    const s = scorePair(father, son);
    expect(levelOf(s, 'birthDate')).toBe('else');
    expect(s.decision).not.toBe('auto');
    // A son registered under his father's AMKA is a data error to review, not a link to make.
    const shared = scorePair({ ...father, identifiers: [amka(AMKA)] }, { ...son, identifiers: [amka(AMKA)] });
    expect(shared.decision).not.toBe('auto');
  });

  it('routes two different valid AMKAs with identical names and date to review as a hard conflict', () => {
    const s = scorePair(person({ identifiers: [amka(AMKA)] }), person({ identifiers: [amka(OTHER_AMKA)] }));
    expect(levelOf(s, 'strongId')).toBe('conflict');
    expect(s.hardConflict).toBe(true);
    expect(s.decision).toBe('review');
    const bare = { fatherKey: null, motherKey: null, sex: null };
    const low = scorePair(person({ ...bare, identifiers: [amka(AMKA)] }), person({ ...bare, identifiers: [amka(OTHER_AMKA)] }));
    expect(low.hardConflict).toBe(true);
    expect(low.decision).toBe('review');
  });

  it('does not link automatically when one identifier agrees and another of the same person conflicts', () => {
    const afm = (value: string) => ({ type: 'afm', value, valid: true });
    const s = scorePair(
      person({ identifiers: [amka(AMKA), afm('090000045')] }),
      person({ identifiers: [amka(AMKA), afm('123456783')] }),
    );
    expect(levelOf(s, 'strongId')).toBe('exact');
    expect(s.hardConflict).toBe(true);
    expect(s.decision).toBe('review');
  });

  it('does not treat a ΠΑΑΥΠΑ on one side and an AMKA on the other as a conflict', () => {
    const s = scorePair(
      person({ identifiers: [{ type: 'paaypa', value: '70012345678', valid: true }] }),
      person({ identifiers: [amka(AMKA)] }),
    );
    expect(levelOf(s, 'strongId')).toBe('missing');
    expect(s.hardConflict).toBe(false);
  });

  it('scores a one-digit AMKA typo as partial evidence and an equal invalid AMKA below a valid one', () => {
    const typo = scorePair(person({ identifiers: [amka(AMKA)] }), person({ identifiers: [amka('15088501233', false)] }));
    expect(levelOf(typo, 'strongId')).toBe('dl1');
    const invalid = scorePair(
      person({ identifiers: [amka('00000000000', false)] }),
      person({ identifiers: [amka('00000000000', false)] }),
    );
    expect(levelOf(invalid, 'strongId')).toBe('exact_unverified');
  });
});

describe('scorePair: name comparisons', () => {
  it('places a nickname (same canonical, different key) between exact and disagreement', () => {
    const formal = person({ givenKey: 'georgio', givenTokens: ['georgio'], givenSkeleton: 'GRG' });
    const stranger = person({
      givenKey: 'dimitri',
      givenTokens: ['dimitri'],
      givenCanonical: 'dimitrios',
      givenSkeleton: 'DMTR',
    });
    const exact = scorePair(person(), person()).weight;
    const nickname = scorePair(person(), formal);
    expect(levelOf(nickname, 'givenName')).toBe('canonical');
    expect(nickname.weight).toBeLessThan(exact);
    expect(nickname.weight).toBeGreaterThan(scorePair(person(), stranger).weight);
  });

  it('detects given and family names recorded in swapped order', () => {
    const a = person({ givenKey: 'ahmad', familyKey: 'karimi', givenCanonical: null, familyStem: null });
    const b = person({ givenKey: 'karimi', familyKey: 'ahmad', givenCanonical: null, familyStem: null });
    const s = scorePair(a, b);
    expect(levelOf(s, 'familyName')).toBe('name_swap');
    expect(levelOf(s, 'givenName')).toBe('name_swap');
    const jwWeights = DEFAULT_MODEL.comparisons.familyName.jw.weight + DEFAULT_MODEL.comparisons.givenName.jw.weight;
    const nameWeight = s.reasons.filter((r) => r.level === 'name_swap').reduce((sum, r) => sum + r.weight, 0);
    expect(nameWeight).toBeCloseTo(jwWeights, 10);
    expect(pairLevels(a, b).nameSwap).toBe(true);
  });

  it('does not hold a surname against a record that wrote the father’s name in its place, and never links on it alone', () => {
    const arabic = { givenCanonical: null, givenSkeleton: 'AHMD', fatherKey: 'hasan', motherKey: null } as const;
    const a = person({
      ...arabic,
      givenKey: 'ahmad',
      givenTokens: ['ahmad'],
      familyKey: 'karimi',
      familyTokens: ['karimi'],
      familyStem: 'karimi',
      familySkeleton: 'KRM',
    });
    const b = person({
      ...arabic,
      givenKey: 'ahmad',
      givenTokens: ['ahmad'],
      familyKey: 'hasan',
      familyTokens: ['hasan'],
      familyStem: 'hasan',
      familySkeleton: 'HSN',
    });
    const s = scorePair(a, b);
    expect(levelOf(s, 'familyName')).toBe('father_as_surname');
    expect(s.reasons.find((r) => r.comparison === 'familyName')?.weight).toBe(0);
    expect(scorePair(b, a).weight).toBeCloseTo(s.weight, 10);
    expect(s.decision).not.toBe('auto');
    // A different surname that is not the father's name still counts against.
    const other = scorePair(a, {
      ...b,
      familyKey: 'rahimi',
      familyTokens: ['rahimi'],
      familyStem: 'rahimi',
      familySkeleton: 'RHM',
    });
    expect(levelOf(other, 'familyName')).toBe('else');
    expect(other.weight).toBeLessThan(s.weight);
  });

  it('adds 0 for missing fields', () => {
    const full = scorePair(person({ sex: null, motherKey: null }), person());
    const reason = full.reasons.find((r) => r.comparison === 'sex');
    expect(reason).toEqual({ comparison: 'sex', level: 'missing', weight: 0, agreement: 'missing' });
    const total = full.reasons.reduce((sum, r) => sum + r.weight, priorWeight(DEFAULT_MODEL.lambda));
    expect(full.weight).toBeCloseTo(total, 10);
    expect(explain(full).agreed).not.toContain('sex');
  });

  it('lets a common surname count for less than a rare one, with a floor on u', () => {
    const base = scorePair(person(), person()).weight;
    const common = scorePair(person(), person(), DEFAULT_MODEL, { frequency: () => 0.01 }).weight;
    const rare = scorePair(person(), person(), DEFAULT_MODEL, { frequency: () => 1e-9 }).weight;
    const floored = scorePair(person(), person(), DEFAULT_MODEL, { frequency: () => DEFAULT_MODEL.tfMinimumU }).weight;
    expect(common).toBeLessThan(base);
    expect(rare).toBeGreaterThan(base);
    expect(rare).toBe(floored);
    expect(scorePair(person(), person(), DEFAULT_MODEL, { frequency: () => undefined }).weight).toBe(base);
  });
});

describe('matchProbability', () => {
  it('is finite and within [0, 1] for extreme weights', () => {
    expect(matchProbability(5000)).toBe(1);
    expect(matchProbability(-5000)).toBe(0);
    expect(matchProbability(0)).toBe(0.5);
    expect(priorWeight(4e-7)).toBeCloseTo(-21.25, 2);
  });

  it('is monotonic in the weight', () => {
    const w = fc.double({ min: -200, max: 200, noNaN: true });
    fc.assert(fc.property(w, w, (x, y) => (x <= y ? matchProbability(x) <= matchProbability(y) : true)));
  });
});

const key = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: null });
const features: fc.Arbitrary<MatchFeatures> = fc.record({
  givenKey: key(['yorgo', 'yorgi', 'georgio', 'nikola', 'karimi', 'ahmad']),
  familyKey: key(['papadopulo', 'papadopulu', 'papadoplo', 'karimi', 'ahmad']),
  givenTokens: fc.uniqueArray(fc.constantFrom('yorgo', 'nikola', 'ahmad'), { maxLength: 2 }).map((t) => t.sort()),
  familyTokens: fc.uniqueArray(fc.constantFrom('papadopulo', 'karimi', 'ahmad'), { maxLength: 2 }).map((t) => t.sort()),
  givenCanonical: key(['georgios', 'nikolaos']),
  familyStem: key(['papadopul', 'karim']),
  givenSkeleton: key(['YRG', 'NKL']),
  familySkeleton: key(['PPDPL', 'KRM']),
  fatherKey: key(['nikola', 'nikolas', 'yorgo']),
  motherKey: key(['maria', 'marina']),
  sex: fc.constantFrom('M' as const, 'F' as const, null),
  birthDate: key([
    '1985-08-15',
    '1985-08-16',
    '1985-15-08',
    '1985-05-08',
    '1985-08-05',
    '1958-08-15',
    '1985-01-01',
    '2016-01-01',
  ]),
  birthDatePlaceholder: fc.boolean(),
  identifiers: fc.array(
    fc.record({
      type: fc.constantFrom('amka', 'paaypa', 'afm', 'passport', 'id_card'),
      value: fc.constantFrom(AMKA, OTHER_AMKA, '15088501223', 'AB123456'),
      valid: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});

describe('scorePair: properties', () => {
  it('is symmetric', () => {
    fc.assert(
      fc.property(features, features, (a, b) => {
        expect(scorePair(b, a)).toEqual(scorePair(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('never loses weight when a comparison is made to agree', () => {
    const agreeing: ((a: MatchFeatures, b: MatchFeatures) => [MatchFeatures, MatchFeatures])[] = [
      (a, b) => [
        { ...a, sex: 'F' },
        { ...b, sex: 'F' },
      ],
      (a, b) => [
        { ...a, fatherKey: 'nikola' },
        { ...b, fatherKey: 'nikola' },
      ],
      (a, b) => [
        { ...a, motherKey: 'eleni' },
        { ...b, motherKey: 'eleni' },
      ],
      (a, b) => [
        { ...a, birthDate: b.birthDate ?? '1990-06-30' },
        { ...b, birthDate: b.birthDate ?? '1990-06-30' },
      ],
      (a, b) => [
        { ...a, identifiers: [...a.identifiers, amka('31129904566')] },
        { ...b, identifiers: [...b.identifiers, amka('31129904566')] },
      ],
      (a, b) => [
        { ...a, identifiers: [...a.identifiers, { type: 'passport', value: 'P999', valid: true }] },
        { ...b, identifiers: [...b.identifiers, { type: 'passport', value: 'P999', valid: true }] },
      ],
    ];
    fc.assert(
      fc.property(features, features, fc.nat(agreeing.length - 1), (a, b, which) => {
        const [a2, b2] = agreeing[which]!(a, b);
        expect(scorePair(a2, b2).weight).toBeGreaterThanOrEqual(scorePair(a, b).weight - 1e-9);
      }),
      { numRuns: 2000 },
    );
  });

  it('links automatically only above the threshold and without a twin guard or conflict', () => {
    fc.assert(
      fc.property(features, features, (a, b) => {
        const s = scorePair(a, b);
        if (s.decision === 'auto') {
          expect(s.probability).toBeGreaterThanOrEqual(DEFAULT_MODEL.autoThreshold);
          expect(s.twinGuard).toBe(false);
          expect(s.hardConflict).toBe(false);
        }
        if (s.probability < DEFAULT_MODEL.reviewThreshold && !s.hardConflict) expect(s.decision).toBe('none');
      }),
      { numRuns: 2000 },
    );
  });
});

// A tiny seeded generator: the test must not depend on Math.random.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fitModel', () => {
  it('recovers positive agreement and negative disagreement weights from labelled pairs', () => {
    const random = rng(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const givens = ['yorgo', 'nikola', 'dimitri', 'maria', 'eleni', 'ahmad', 'fatima', 'hasan', 'kosta', 'sofia'];
    const families = ['papadopulo', 'karimi', 'ahmadi', 'yorgiadi', 'nikolaidi', 'hoseini', 'rezai', 'alexiu'];
    const makePerson = (i: number): MatchFeatures => {
      const given = pick(givens);
      const family = pick(families);
      const year = 1940 + Math.floor(random() * 70);
      const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
      return person({
        givenKey: given,
        givenTokens: [given],
        givenCanonical: given,
        givenSkeleton: given.toUpperCase(),
        familyKey: family,
        familyTokens: [family],
        familyStem: family,
        familySkeleton: family.toUpperCase(),
        fatherKey: pick(givens),
        motherKey: pick(givens),
        sex: random() < 0.5 ? 'M' : 'F',
        birthDate: `${year}-${month}-${day}`,
        identifiers: random() < 0.6 ? [amka(String(10_000_000_000 + i))] : [],
      });
    };
    const people = Array.from({ length: 800 }, (_, i) => makePerson(i));
    const pairs: LabelledPair[] = [];
    for (const p of people) {
      const copy: MatchFeatures = { ...p };
      if (random() < 0.1) copy.birthDate = '1900-01-01';
      if (random() < 0.05) copy.familyKey = 'zzz';
      if (random() < 0.05) copy.sex = copy.sex === 'M' ? 'F' : 'M';
      pairs.push({ a: p, b: copy, match: true });
      pairs.push({ a: p, b: pick(people), match: false });
      pairs.push({ a: pick(people), b: pick(people), match: false });
    }
    const fitted = fitModel(pairs, DEFAULT_MODEL, { version: 'test-fit' });
    const c = fitted.comparisons;
    expect(fitted.version).toBe('test-fit');
    expect(fitted.lambda).toBe(DEFAULT_MODEL.lambda);
    for (const positive of [c.birthDate.exact, c.familyName.exact, c.givenName.exact, c.strongId.exact, c.sex.agree]) {
      expect(positive.weight).toBeGreaterThan(0);
    }
    for (const negative of [c.birthDate.else, c.familyName.else, c.givenName.else, c.sex.differ, c.fatherName.else]) {
      expect(negative.weight).toBeLessThan(0);
    }
    // No medium identifiers in the data: the base model's belief is kept.
    expect(c.mediumId).toEqual(DEFAULT_MODEL.comparisons.mediumId);
    const m = Object.values(c.birthDate).reduce((sum, level) => sum + level.m, 0);
    expect(m).toBeCloseTo(1, 10);
  });
});
