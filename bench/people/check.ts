// Self-check of the generator: npx tsx bench/people/check.ts. Throws on the first failed assertion and
// prints "ok" with a few figures otherwise.
import { createHash } from 'node:crypto';
import { csvField, RECORD_HEADER } from './csv.js';
import { CORRUPTION_CODES, generatePopulation, STRUCTURES, type SyntheticRecord } from './generate.js';
import { afmValid, amkaValid, luhnValid, parseDate } from './identifiers.js';
import { elot } from './translit.js';

const PERSONS = 20_000;
const SEED = 1;

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`check failed: ${message}`);
}

function digest(records: Iterable<SyntheticRecord>): string {
  const hash = createHash('sha256');
  for (const r of records) hash.update(JSON.stringify(r) + '\n');
  return hash.digest('hex');
}

// Known vectors from the reference notes, so a broken validator cannot pass the checks below vacuously.
function checkVectors(): void {
  for (const ok of ['01013099997', '15088501232', '31129904566', '29020000013', '01017000009'])
    assert(amkaValid(ok), `AMKA ${ok}`);
  assert(!amkaValid('01013099999'), 'AMKA 01013099999 must fail');
  for (const ok of ['090000045', '094259216', '123456783']) assert(afmValid(ok), `AFM ${ok}`);
  for (const bad of ['123456789', '123456781', '000000000']) assert(!afmValid(bad), `AFM ${bad} must fail`);
  const vectors: [string, string][] = [
    ['Γιώργος Παπαδόπουλος', 'giorgos papadopoulos'],
    ['Ευάγγελος', 'evangelos'],
    ['Ευθύμιος', 'efthymios'],
    ['Αυγερινός', 'avgerinos'],
    ['Μωυσής', 'moysis'],
    ['Μπακογιάννης', 'mpakogiannis'],
    ['Ψυχάρης', 'psycharis'],
    ['Θεσσαλονίκη', 'thessaloniki'],
  ];
  for (const [greek, latin] of vectors) assert(elot(greek) === latin, `ELOT ${greek} → ${elot(greek)}, expected ${latin}`);
  assert(csvField('a,b') === '"a,b"' && csvField('Sa"ad') === '"Sa""ad"' && csvField('x\ny') === '"x\ny"', 'CSV quoting');
  assert(csvField('Εγνατία 12') === 'Εγνατία 12', 'CSV quotes only when needed');
  assert(RECORD_HEADER.split(',').length === 15, 'records header has 15 columns');
}

function main(): void {
  const started = performance.now();
  checkVectors();
  const first = digest(generatePopulation({ persons: PERSONS, seed: SEED }));
  const second = digest(generatePopulation({ persons: PERSONS, seed: SEED }));
  assert(first === second, 'two runs with the same options differ');
  assert(first !== digest(generatePopulation({ persons: PERSONS, seed: SEED + 1 })), 'another seed gives the same output');

  const sourceIds = new Set<string>();
  const recordsPerPerson = new Map<string, number>();
  const groupOf = new Map<string, string>();
  const codes = new Map<string, number>();
  const clean = new Map<string, SyntheticRecord>();
  const hardNegatives = new Map<string, Set<string>>();
  const amkaOwner = new Map<string, string>();
  let rows = 0;
  let lastPerson = '';

  for (const r of generatePopulation({ persons: PERSONS, seed: SEED })) {
    rows++;
    assert(!sourceIds.has(r.sourceId), `duplicate source id ${r.sourceId}`);
    sourceIds.add(r.sourceId);
    assert(r.given_name !== '' || r.family_name !== '', `${r.sourceId} has neither given nor family name`);
    assert((STRUCTURES as readonly string[]).includes(r.structure), `${r.sourceId} structure ${r.structure}`);
    assert(r.sex === 'M' || r.sex === 'F' || r.sex === '', `${r.sourceId} sex ${r.sex}`);
    assert(r.birth_date === '' || parseDate(r.birth_date) !== null, `${r.sourceId} birth date ${r.birth_date}`);
    assert(r.phone === '' || /^69\d{8}$/.test(r.phone), `${r.sourceId} phone ${r.phone}`);
    assert(r.nationality === '' || /^[A-Z]{2}$/.test(r.nationality), `${r.sourceId} nationality ${r.nationality}`);
    const seen = recordsPerPerson.get(r.truthPersonId) ?? 0;
    assert(
      seen === 0 ? r.truthPersonId !== lastPerson : r.truthPersonId === lastPerson,
      `${r.truthPersonId}: records not together`,
    );
    lastPerson = r.truthPersonId;
    recordsPerPerson.set(r.truthPersonId, seen + 1);
    groupOf.set(r.truthPersonId, r.group);
    for (const c of r.corruptions) codes.set(c, (codes.get(c) ?? 0) + 1);
    if (r.hardNegative) {
      const kinds = hardNegatives.get(r.hardNegative) ?? new Set<string>();
      kinds.add(r.truthPersonId);
      hardNegatives.set(r.hardNegative, kinds);
    }

    if (seen === 0) {
      assert(r.corruptions.length === 0, `${r.sourceId}: first record carries corruptions`);
      clean.set(r.truthPersonId, r);
      if (r.amka) {
        assert(luhnValid(r.amka) && amkaValid(r.amka), `${r.sourceId}: AMKA ${r.amka} fails Luhn or has no date`);
        const [y, m, d] = r.birth_date.split('-');
        assert(r.amka.slice(0, 6) === `${d}${m}${(y ?? '').slice(2)}`, `${r.sourceId}: AMKA ${r.amka} vs ${r.birth_date}`);
        const digit10 = Number(r.amka.charAt(9));
        assert((digit10 % 2 === 1) === (r.sex === 'M'), `${r.sourceId}: AMKA ${r.amka} parity vs sex ${r.sex}`);
        assert(!amkaOwner.has(r.amka), `AMKA ${r.amka} given to two persons`);
        amkaOwner.set(r.amka, r.truthPersonId);
      }
      if (r.afm) assert(afmValid(r.afm), `${r.sourceId}: AFM ${r.afm} fails its check digit`);
      if (r.id_card) assert(/^[ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]{1,2} \d{6}$/.test(r.id_card), `${r.sourceId}: ID card ${r.id_card}`);
      if (r.paaypa) assert(/^\d{11}$/.test(r.paaypa), `${r.sourceId}: ΠΑΑΥΠΑ ${r.paaypa}`);
    } else {
      assert(r.corruptions.length >= 1 && r.corruptions.length <= 4, `${r.sourceId}: ${r.corruptions.length} corruptions`);
    }
  }

  const persons = recordsPerPerson.size;
  assert(persons === PERSONS, `expected ${PERSONS} persons, got ${persons}`);
  const duplicated = [...recordsPerPerson.values()].filter((n) => n > 1).length;
  const duplicateRate = duplicated / persons;
  assert(duplicateRate >= 0.2 && duplicateRate <= 0.3, `duplicate rate ${duplicateRate}`);
  const greekShare = [...groupOf.values()].filter((g) => g === 'greek').length / persons;
  assert(Math.abs(greekShare - 0.75) <= 0.02, `Greek share ${greekShare}`);
  for (const code of CORRUPTION_CODES) assert((codes.get(code) ?? 0) > 0, `corruption ${code} never applied`);

  // Each hard negative pair: distinct persons that agree on what makes them look alike.
  for (const kind of ['twin', 'father_son', 'namesake'] as const) {
    const members = hardNegatives.get(kind);
    assert(members !== undefined && members.size >= 2, `no ${kind} hard negatives`);
  }
  let pairsChecked = 0;
  for (const r of clean.values()) {
    if (!r.hardNegative || !r.hardNegativeOf) continue;
    const other = clean.get(r.hardNegativeOf);
    assert(other !== undefined && other.truthPersonId !== r.truthPersonId, `${r.truthPersonId}: partner missing`);
    assert(
      other.hardNegative === r.hardNegative && other.hardNegativeOf === r.truthPersonId,
      `${r.truthPersonId}: pair not mutual`,
    );
    if (r.hardNegative === 'twin') {
      assert(r.birth_date === other.birth_date && r.given_name !== other.given_name, `twins ${r.truthPersonId}`);
    } else {
      assert(r.given_name === other.given_name && r.birth_date !== other.birth_date, `${r.hardNegative} ${r.truthPersonId}`);
    }
    if (r.hardNegative === 'father_son') {
      const years = Math.abs(Number(r.birth_date.slice(0, 4)) - Number(other.birth_date.slice(0, 4)));
      assert(years >= 25 && years <= 35, `father and son ${r.truthPersonId} ${years} years apart`);
    }
    pairsChecked++;
  }

  const pairs = [...recordsPerPerson.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  const hn = ['twin', 'father_son', 'namesake'].map((k) => `${k}=${hardNegatives.get(k)?.size ?? 0}`).join(' ');
  const codeFigures = CORRUPTION_CODES.map((c) => `${c}=${codes.get(c) ?? 0}`).join(' ');
  process.stdout.write(
    `ok: ${rows} rows, ${persons} persons, ${(100 * duplicateRate).toFixed(1)}% duplicated, ${pairs} duplicate pairs, ` +
      `${(100 * greekShare).toFixed(1)}% Greek, hard-negative persons ${hn} (${pairsChecked / 2} pairs checked)\n` +
      `corruptions: ${codeFigures}\n` +
      `digest ${first.slice(0, 16)}, ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

main();
