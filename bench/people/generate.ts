// A seeded population of synthetic persons and their registrations at the municipality's structures, with
// the ground truth (which registrations are one person) and a log of how each copy was corrupted.
// Independent of the matcher in src/shared/people by design: nothing here is imported from src.
import { corruptRecord, type CorruptionCode } from './corrupt.js';
import { truthFields, type RecordFields } from './fields.js';
import { IdentifierIssuer } from './identifiers.js';
import { PersonFactory, type Group, type HardNegativeKind, type Person } from './person.js';
import { hashString, Permutation, Rng } from './rng.js';
import { STRUCTURE_WEIGHTS, STRUCTURES, type StructureSlug } from './vocab-places.js';

export { CORRUPTION_CODES, type CorruptionCode } from './corrupt.js';
export type { RecordFields } from './fields.js';
export type { Group, HardNegativeKind } from './person.js';
export { STRUCTURES, type StructureSlug } from './vocab-places.js';

/** One registration: the CSV fields plus the ground truth about it. */
export interface SyntheticRecord extends RecordFields {
  /** Unique, opaque id of the registration (reveals neither the person nor the order). */
  sourceId: string;
  /** The ground-truth person; registrations with the same value are the same human. */
  truthPersonId: string;
  /** Where the registration was made. */
  structure: StructureSlug;
  /** The person's population. */
  group: Group;
  /** Set on every registration of both members of a look-alike pair of distinct persons. */
  hardNegative?: HardNegativeKind;
  /** The truthPersonId of the other member of that pair. */
  hardNegativeOf?: string;
  /** Corruptions applied to this registration relative to the person's true values ([] for the first). */
  corruptions: CorruptionCode[];
}

/** Options of generatePopulation. */
export interface GenerateOptions {
  /** Number of distinct persons (hard-negative partners included). */
  persons: number;
  /** Seed: the same options always give the same records, byte for byte. */
  seed: number;
  /** Share of persons with at least one extra registration (default 0.25). */
  duplicateRate?: number;
}

// Extra registrations per duplicated person: 1 most often, 5 rarely (mean ≈ 1.3).
const EXTRA_REGISTRATIONS: readonly (readonly [number, number])[] = [
  [1, 80],
  [2, 12],
  [3, 5],
  [4, 2],
  [5, 1],
];

const SOURCE_ID_SPACE = 1_000_000_000;

function pickStructure(person: Person, used: ReadonlySet<StructureSlug>, rng: Rng): StructureSlug {
  const weights = STRUCTURE_WEIGHTS[person.profile];
  const fresh = STRUCTURES.filter((s) => !used.has(s) && weights[s] > 0).map((s) => [s, weights[s]] as const);
  // A person with more registrations than plausible structures registers twice somewhere.
  if (fresh.length > 0) return rng.weighted(fresh);
  return rng.weighted(STRUCTURES.map((s) => [s, weights[s]] as const));
}

/** Streams the registrations of a synthetic population; the records of one person come out together. */
export function* generatePopulation(options: GenerateOptions): Generator<SyntheticRecord> {
  const { persons, seed } = options;
  const duplicateRate = options.duplicateRate ?? 0.25;
  if (!Number.isInteger(persons) || persons < 0) throw new Error(`persons must be a non-negative integer, got ${persons}`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a number, got ${seed}`);
  if (!(duplicateRate >= 0 && duplicateRate <= 1)) throw new Error(`duplicateRate must be in [0, 1], got ${duplicateRate}`);

  // Separate streams: changing duplicateRate leaves the persons themselves unchanged.
  const root = new Rng(seed);
  const personRng = root.fork('persons');
  const registrationRng = root.fork('registrations');
  const issuer = new IdentifierIssuer(hashString('issuer', seed >>> 0) ^ Math.floor(seed / 4294967296));
  const factory = new PersonFactory(personRng, issuer);
  const sourceIds = new Permutation(SOURCE_ID_SPACE, hashString('source', seed >>> 0));
  let recordIndex = 0;

  const record = (
    person: Person,
    structure: StructureSlug,
    fields: RecordFields,
    corruptions: CorruptionCode[],
  ): SyntheticRecord => {
    if (recordIndex >= SOURCE_ID_SPACE) throw new Error('too many records for the source id space');
    // Spelled out rather than spread: this runs once per row and spreads are slow in V8.
    const out: SyntheticRecord = {
      sourceId: `R${String(sourceIds.apply(recordIndex++)).padStart(9, '0')}`,
      truthPersonId: person.id,
      structure,
      group: person.group,
      corruptions,
      given_name: fields.given_name,
      family_name: fields.family_name,
      father_name: fields.father_name,
      mother_name: fields.mother_name,
      sex: fields.sex,
      birth_date: fields.birth_date,
      nationality: fields.nationality,
      amka: fields.amka,
      afm: fields.afm,
      paaypa: fields.paaypa,
      id_card: fields.id_card,
      passport: fields.passport,
      phone: fields.phone,
      address: fields.address,
    };
    if (person.hardNegative) {
      out.hardNegative = person.hardNegative;
      if (person.hardNegativeOf) out.hardNegativeOf = person.hardNegativeOf;
    }
    return out;
  };

  let made = 0;
  while (made < persons) {
    for (const person of factory.next(persons - made)) {
      made++;
      const used = new Set<StructureSlug>();
      const first = pickStructure(person, used, registrationRng);
      used.add(first);
      yield record(person, first, truthFields(person), []);
      const extras = registrationRng.chance(duplicateRate) ? registrationRng.weighted(EXTRA_REGISTRATIONS) : 0;
      for (let k = 0; k < extras; k++) {
        const structure = pickStructure(person, used, registrationRng);
        used.add(structure);
        const { fields, codes } = corruptRecord(person, registrationRng, issuer);
        yield record(person, structure, fields, codes);
      }
    }
  }
}
