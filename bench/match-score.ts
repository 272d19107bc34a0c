// Throughput of the duplicate scorer on 200k candidate pairs: a third near-duplicates (typos, nicknames,
// swapped names, placeholder dates, re-typed identifiers), the rest pairs that share a block but not a person.
// Usage: npx tsx bench/match-score.ts [pairs=200000] [rounds=5]
import { scorePair, type MatchFeatures } from '../src/shared/people/match-model.js';

const pairCount = Number(process.argv[2] ?? 200_000);
const rounds = Number(process.argv[3] ?? 5);

// Seeded so runs compare like with like.
let seed = 20261201;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const givens = ['yorgo', 'nikola', 'dimitri', 'kosta', 'yani', 'maria', 'eleni', 'katerina', 'sofia', 'vasiliki'];
const arabic = ['mohamad', 'muhamad', 'ahmad', 'hasan', 'husein', 'fatima', 'fatemeh', 'ali', 'zahra', 'mahmud'];
const families = ['papadopulo', 'papadopulu', 'yorgiadi', 'nikolaidi', 'papa', 'alexiu', 'dimitriu', 'karamanli'];
const arabicFamilies = ['karimi', 'ahmadi', 'hoseini', 'rezai', 'mohamadi', 'alizade', 'haidari', 'sultani'];

function typo(s: string): string {
  const i = Math.floor(random() * s.length);
  return s.slice(0, i) + pick(['a', 'e', 'i', 'o', 'u', 'n']) + s.slice(i + 1);
}

function makePerson(i: number): MatchFeatures {
  const greek = random() < 0.75;
  const given = pick(greek ? givens : arabic);
  const family = pick(greek ? families : arabicFamilies);
  const placeholder = !greek && random() < 0.3;
  const year = 1940 + Math.floor(random() * 75);
  const month = placeholder ? '01' : String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = placeholder ? '01' : String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const identifiers: MatchFeatures['identifiers'] = [];
  if (random() < 0.6)
    identifiers.push({ type: greek ? 'amka' : 'paaypa', value: String(10_000_000_000 + i * 7919), valid: true });
  if (random() < 0.3) identifiers.push({ type: greek ? 'id_card' : 'asylum_card', value: `AB${100_000 + i}`, valid: true });
  return {
    givenKey: given,
    familyKey: family,
    givenTokens: [given],
    familyTokens: [family],
    givenCanonical: given.slice(0, 4),
    familyStem: family.slice(0, -1),
    givenSkeleton: given.replace(/[aeiou]/g, '').toUpperCase(),
    familySkeleton: family.replace(/[aeiou]/g, '').toUpperCase(),
    fatherKey: random() < 0.8 ? pick(greek ? givens : arabic) : null,
    motherKey: random() < 0.6 ? pick(greek ? givens : arabic) : null,
    sex: random() < 0.5 ? 'M' : 'F',
    birthDate: random() < 0.95 ? `${year}-${month}-${day}` : null,
    birthDatePlaceholder: placeholder,
    identifiers,
  };
}

function corrupt(p: MatchFeatures): MatchFeatures {
  const c: MatchFeatures = { ...p, identifiers: random() < 0.3 ? [] : p.identifiers };
  const r = random();
  if (r < 0.2 && c.familyKey) c.familyKey = typo(c.familyKey);
  else if (r < 0.3 && c.givenKey) c.givenKey = typo(c.givenKey);
  else if (r < 0.35) [c.givenKey, c.familyKey] = [p.familyKey, p.givenKey];
  else if (r < 0.45 && c.birthDate)
    c.birthDate = `${c.birthDate.slice(0, 8)}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  if (random() < 0.1) c.sex = null;
  return c;
}

const people = Array.from({ length: 50_000 }, (_, i) => makePerson(i));
const left: MatchFeatures[] = [];
const right: MatchFeatures[] = [];
for (let i = 0; i < pairCount; i++) {
  const a = pick(people);
  left.push(a);
  right.push(random() < 1 / 3 ? corrupt(a) : pick(people));
}

const tally = { auto: 0, review: 0, none: 0 };
const rates: number[] = [];
for (let round = 0; round <= rounds; round++) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < pairCount; i++) tally[scorePair(left[i]!, right[i]!).decision]++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Round 0 warms the JIT and is not reported.
  if (round > 0) rates.push(pairCount / seconds);
}
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)] ?? 0;
const best = rates[rates.length - 1] ?? 0;
const perRound = (n: number) => Math.round(n / (rounds + 1));
process.stdout.write(
  `scorePair: ${pairCount} pairs × ${rounds} rounds — median ${Math.round(median).toLocaleString('en')} pairs/s, ` +
    `best ${Math.round(best).toLocaleString('en')} pairs/s\n` +
    `decisions per round: auto ${perRound(tally.auto)}, review ${perRound(tally.review)}, none ${perRound(tally.none)}\n`,
);
