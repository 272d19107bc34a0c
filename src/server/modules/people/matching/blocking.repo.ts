import { sql, type SQL } from 'drizzle-orm';
import { sqlRows, type Db } from '../../../platform/db/database.js';

/**
 * What one record is looked up by: the candidate blocks of the reference design, each an indexed
 * query, united. A batch of probes runs as one query per block (unnest + lateral), so an import
 * of thousands of rows costs a handful of round trips.
 */
export interface Probe {
  /** The caller's index of the probe (the row of a batch). */
  idx: number;
  identifiers: { type: string; value: string }[];
  birthDate: string | null;
  /** The birth date with day and month swapped, when that is a real date. */
  swappedBirthDate: string | null;
  /** A placeholder date (01-01, approximate) finds too many people on its own: then it only narrows other blocks. */
  birthDatePlaceholder: boolean;
  birthYear: number | null;
  sex: 'M' | 'F' | null;
  familyKey: string;
  givenKey: string;
  familyStem: string;
  familySkeleton: string;
}

const PER_BLOCK = 100;

// The initial of a name key, every vowel one initial; in SQL and in TypeScript alike.
const VOWELS = 'eiouy';
const INITIAL = (column: string) => sql.raw(`translate(left(${column}, 1), '${VOWELS}', 'aaaaa')`);
function nameInitial(key: string): string {
  const c = key.charAt(0);
  return VOWELS.includes(c) && c !== '' ? 'a' : c;
}

// Surnames that begin with a compounding prefix share their first letters by the thousand.
const COMPOUND_PREFIXES = ['papa', 'kara', 'xatzi', 'xatz', 'abu', 'abd'];
/** The first letters of a surname key a mistyped one is still expected to share. */
export function surnamePrefix(key: string): string {
  const compound = COMPOUND_PREFIXES.find((p) => key.startsWith(p) && key.length > p.length + 2);
  return key.slice(0, compound ? compound.length + 2 : 3);
}

/**
 * Candidate person rows for each probe (pairs of probe index and person row id), from the
 * identifier, birth-date, surname-and-year, trigram and swapped-name blocks. Row-level security
 * keeps other compartments out; `compartment` keeps the candidates in the probe's own one.
 */
export async function candidateRows(
  db: Db,
  tenantId: string,
  compartment: string | null,
  probes: Probe[],
): Promise<{ idx: number; id: string }[]> {
  if (probes.length === 0) return [];
  const same = compartment === null ? sql`p.compartment_id is null` : sql`p.compartment_id = ${compartment}`;
  const blocks: SQL[] = [];
  const ids = probes.flatMap((p) => p.identifiers.map((i) => ({ idx: p.idx, key: `${i.type}:${i.value}` })));
  if (ids.length > 0) {
    blocks.push(sql`select b.idx, x.id from unnest(${sql.param(ids.map((i) => i.idx))}::int[], ${sql.param(ids.map((i) => i.key))}::text[]) b(idx, key)
      cross join lateral (select p.id from person_identifiers i join persons p on p.tenant_id = i.tenant_id and p.id = i.person_id
        where i.tenant_id = ${tenantId} and i.value = split_part(b.key, ':', 2) and i.type = split_part(b.key, ':', 1) and ${same}
        limit ${PER_BLOCK}) x`);
  }
  // Same birth date (or day and month swapped) and the same initial of the first or the family
  // name: a million people share a date some forty at a time, the initial keeps the few that could
  // be the person (vowels are one initial, as romanisations disagree on them: Omar/Umar, Ismail/Esmail).
  const exactDates = probes.filter((p) => !p.birthDatePlaceholder);
  for (const pick of [(p: Probe) => p.birthDate, (p: Probe) => p.swappedBirthDate]) {
    const kept = exactDates.filter((p) => pick(p));
    if (kept.length === 0) continue;
    blocks.push(sql`select b.idx, x.id from unnest(${sql.param(kept.map((p) => p.idx))}::int[], ${sql.param(kept.map(pick))}::date[],
        ${sql.param(kept.map((p) => nameInitial(p.givenKey)))}::text[], ${sql.param(kept.map((p) => nameInitial(p.familyKey)))}::text[]) b(idx, d, gi, fi)
      cross join lateral (select p.id from persons p where p.tenant_id = ${tenantId} and p.birth_date = b.d and ${same}
        and (${INITIAL('p.given_key')} in (b.gi, b.fi) or ${INITIAL('p.family_key')} in (b.gi, b.fi)) limit ${PER_BLOCK}) x`);
  }
  const withYear = probes.filter((p) => p.birthYear !== null);
  for (const [column, pick] of [
    ['family_stem', (p: Probe) => p.familyStem],
    ['family_skeleton', (p: Probe) => p.familySkeleton],
  ] as const) {
    const kept = withYear.filter((p) => pick(p) !== '');
    if (kept.length === 0) continue;
    blocks.push(sql`select b.idx, x.id from unnest(${sql.param(kept.map((p) => p.idx))}::int[], ${sql.param(kept.map(pick))}::text[],
        ${sql.param(kept.map((p) => p.birthYear))}::smallint[], ${sql.param(kept.map((p) => p.sex ?? ''))}::text[]) b(idx, key, y, sx)
      cross join lateral (select p.id from persons p where p.tenant_id = ${tenantId} and p.${sql.raw(column)} = b.key
        and p.birth_year = b.y and (b.sx = '' or p.sex is null or p.sex = b.sx) and ${same} limit ${PER_BLOCK}) x`);
  }
  const named = probes.filter((p) => p.familyKey.length >= 3);
  if (named.length > 0) {
    // Same surname stem and first-name key, whatever the birth date (missing or mistyped).
    blocks.push(sql`select b.idx, x.id from unnest(${sql.param(named.map((p) => p.idx))}::int[], ${sql.param(named.map((p) => p.familyStem))}::text[],
        ${sql.param(named.map((p) => p.givenKey))}::text[]) b(idx, st, gk)
      cross join lateral (select p.id from persons p where p.tenant_id = ${tenantId} and p.family_stem = b.st and p.given_key = b.gk
        and ${same} limit ${PER_BLOCK}) x`);
    // A mistyped surname (trigram similarity) with the same first-name key and the same first
    // letters (three, more after a common compounding prefix: Παπα-, Καρα-, Χατζη-, Abu): the
    // composite index bounds the rows compared, where a first-name key alone brings thousands of
    // Marias at a million records (typos in the first letters are left to the identifier,
    // birth-date and skeleton blocks).
    blocks.push(sql`select b.idx, x.id from unnest(${sql.param(named.map((p) => p.idx))}::int[], ${sql.param(named.map((p) => p.familyKey))}::text[],
        ${sql.param(named.map((p) => p.givenKey))}::text[], ${sql.param(named.map((p) => surnamePrefix(p.familyKey)))}::text[]) b(idx, fk, gk, pre)
      cross join lateral (select p.id from persons p where p.tenant_id = ${tenantId} and p.given_key = b.gk
        and p.family_key collate "C" >= b.pre collate "C" and p.family_key collate "C" < (b.pre || '~') collate "C"
        and similarity(p.family_key, b.fk) >= 0.5
        and ${same} order by similarity(p.family_key, b.fk) desc limit ${PER_BLOCK}) x`);
    // The two names swapped (a given name recorded as the surname, and back).
    blocks.push(sql`select b.idx, x.id from unnest(${sql.param(named.map((p) => p.idx))}::int[], ${sql.param(named.map((p) => p.familyKey))}::text[],
        ${sql.param(named.map((p) => p.givenKey))}::text[]) b(idx, fk, gk)
      cross join lateral (select p.id from persons p where p.tenant_id = ${tenantId} and p.given_key = b.fk and p.family_key collate "C" = b.gk collate "C"
        and ${same} limit ${PER_BLOCK}) x`);
  }
  if (blocks.length === 0) return [];
  return sqlRows<{ idx: number; id: string }>(db, sql`${sql.join(blocks, sql` union `)}`);
}

/** A person row as the matcher reads it. */
export interface MatchRow {
  id: string;
  cluster_id: string;
  given_name: string;
  family_name: string;
  father_name: string | null;
  mother_name: string | null;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  birth_date_approximate: boolean;
  identifiers: { type: string; value: string; valid: boolean }[];
}

/** Person rows with their identifiers, for scoring (two indexed queries, joined here). */
export async function matchRows(db: Db, tenantId: string, ids: string[]): Promise<MatchRow[]> {
  if (ids.length === 0) return [];
  const rows = await sqlRows<Omit<MatchRow, 'identifiers'>>(
    db,
    sql`select p.id, p.cluster_id, p.given_name, p.family_name, p.father_name, p.mother_name, p.sex,
               to_char(p.birth_date, 'YYYY-MM-DD') as birth_date, p.birth_date_approximate
          from persons p where p.tenant_id = ${tenantId} and p.id = any(${sql.param(ids)}::uuid[])`,
  );
  const identifiers = await sqlRows<{ person_id: string; type: string; value: string; valid: boolean }>(
    db,
    sql`select person_id, type, value, valid from person_identifiers
         where tenant_id = ${tenantId} and person_id = any(${sql.param(ids)}::uuid[])`,
  );
  const byPerson = new Map<string, MatchRow['identifiers']>();
  for (const i of identifiers) {
    const list = byPerson.get(i.person_id) ?? [];
    list.push({ type: i.type, value: i.value, valid: i.valid });
    byPerson.set(i.person_id, list);
  }
  return rows.map((r) => ({ ...r, identifiers: byPerson.get(r.id) ?? [] }));
}

/** Pairs of clusters someone marked as different people (cannot-link), among the given clusters. */
export async function cannotLinkPairs(db: Db, tenantId: string, clusterIds: string[]): Promise<Set<string>> {
  if (clusterIds.length === 0) return new Set();
  const rows = await sqlRows<{ a: string; b: string }>(
    db,
    sql`select pa.cluster_id as a, pb.cluster_id as b from person_links l
          join persons pa on pa.tenant_id = l.tenant_id and pa.id = l.a_id
          join persons pb on pb.tenant_id = l.tenant_id and pb.id = l.b_id
         where l.tenant_id = ${tenantId} and l.action = 'cannot_link'
           and (pa.cluster_id = any(${sql.param(clusterIds)}::uuid[]) or pb.cluster_id = any(${sql.param(clusterIds)}::uuid[]))`,
  );
  return new Set(rows.flatMap((r) => [`${r.a}|${r.b}`, `${r.b}|${r.a}`]));
}
