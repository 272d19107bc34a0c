/**
 * Throughput of personNameKeys on 100k synthetic names (Greek, greeklish, Arabic in Latin letters and
 * in Arabic script), to check the ≥ 100 names/ms the intake path budgets for.
 * Run: npx tsx bench/name-keys.ts
 */
import { ARABIC_GIVEN_NAMES, GREEK_GIVEN_NAMES } from '../src/shared/people/given-names.js';
import { elot743, personNameKeys, type PersonNames } from '../src/shared/people/names.js';

const COUNT = 100_000;
// Surnames are built from random syllables, so that most of them are distinct as in a real register.
const ONSETS = ['Π', 'Κ', 'Τ', 'Μ', 'Ν', 'Λ', 'Ρ', 'Σ', 'Γ', 'Δ', 'Β', 'Χ', 'Θ', 'Ζ', 'Μπ', 'Ντ', 'Τσ', 'Στ', 'Κρ', 'Τρ'];
const NUCLEI = ['α', 'ε', 'ο', 'ι', 'ου', 'η', 'αι', 'ει', 'υ', 'ω'];
const CODAS = ['ν', 'λ', 'ρ', 'κ', 'τ', 'π', 'δ', 'γ', 'μ', 'σ', 'χ', 'θ'];
const MASCULINE = ['όπουλος', 'άκης', 'ίδης', 'άς', 'ος'];
const FEMININE = ['οπούλου', 'άκη', 'ίδου', 'ά', 'ου'];

// mulberry32: a seeded generator, so every run measures the same names.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(42);
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function root(): string {
  let r = '';
  const syllables = 1 + Math.floor(next() * 3);
  for (let i = 0; i < syllables; i++) r += (i === 0 ? pick(ONSETS) : pick(ONSETS).toLowerCase()) + pick(NUCLEI);
  return r + pick(CODAS);
}

function greekName(): PersonNames {
  const female = next() < 0.5;
  const ending = Math.floor(next() * MASCULINE.length);
  const family = root() + (female ? FEMININE[ending]! : MASCULINE[ending]!);
  const given = pick(pick(GREEK_GIVEN_NAMES));
  const father = pick(pick(GREEK_GIVEN_NAMES));
  // A third of the Greek records arrive transliterated, as from a passport or typed in greeklish.
  return next() < 0.33 ? { given: elot743(given), family: elot743(family), father } : { given, family, father };
}

function arabicName(): PersonNames {
  const given = pick(pick(ARABIC_GIVEN_NAMES));
  const familyBase = pick(pick(ARABIC_GIVEN_NAMES));
  // Half the families carry a surname the dictionary cannot know.
  const family = next() < 0.5 ? `${familyBase}i` : elot743(root()).replace(/^./u, (c) => c.toUpperCase());
  return { given, family, father: pick(pick(ARABIC_GIVEN_NAMES)), mother: pick(pick(ARABIC_GIVEN_NAMES)) };
}

const names: PersonNames[] = Array.from({ length: COUNT }, () => (next() < 0.75 ? greekName() : arabicName()));

// Warm up the JIT on a slice, then time five rounds: the machine is shared, so the median and the best
// round say more than one run.
for (const n of names.slice(0, 10_000)) personNameKeys(n);

const rates: number[] = [];
let checksum = 0;
for (let round = 0; round < 5; round++) {
  const start = performance.now();
  for (const n of names) checksum += personNameKeys(n).givenKey.length;
  rates.push(COUNT / (performance.now() - start));
}
rates.sort((a, b) => a - b);

const distinct = new Set(names.map((n) => n.family)).size;
console.log(`${COUNT} names (${distinct} distinct family names), 5 rounds (checksum ${checksum})`);
console.log(
  `median ${rates[2]!.toFixed(0)} names/ms, best ${rates[4]!.toFixed(0)} names/ms, worst ${rates[0]!.toFixed(0)} names/ms`,
);
