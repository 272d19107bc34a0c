import { sql, type SQL } from 'drizzle-orm';
import type { TLocalizedText } from '../../../shared/localized.js';
import type { BulkColumn } from '../../platform/db/bulk.js';
import { sqlRows, type Db } from '../../platform/db/database.js';

/** The fields of a person's record, as stored. */
export interface PersonFields {
  given_name: string;
  family_name: string;
  given_name_latin: string;
  family_name_latin: string;
  aliases: { givenName: string; familyName: string }[];
  father_name: string | null;
  mother_name: string | null;
  sex: 'M' | 'F' | null;
  birth_date: string | null;
  birth_date_approximate: boolean;
  nationality: string | null;
  languages: string[];
  legal_status: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  community: number | null;
  disability_percent: number | null;
  disability_notes: string | null;
  health_notes: string | null;
  gbv_notes: string | null;
  minority: string | null;
}

/** A person row as stored (one registration's record; the cluster's survivor holds the golden record). */
export interface PersonRow extends PersonFields {
  id: string;
  cluster_id: string;
  compartment_id: string | null;
  version: number;
  search_text: string;
  created_at: string;
  updated_at: string;
}

/** The columns a write sets: the record's fields and the name keys computed from them. */
export interface PersonValues extends PersonFields {
  given_key: string;
  family_key: string;
  given_canonical: string | null;
  family_stem: string;
  given_skeleton: string;
  family_skeleton: string;
  father_key: string | null;
  mother_key: string | null;
  name_tokens: string[];
  search_text: string;
}

/** A stored identifier. */
export interface IdentifierRow {
  person_id: string;
  type: string;
  value: string;
  valid: boolean;
  problem: string | null;
}

/** A registration with its structure's public names. */
export interface RegistrationRow {
  id: string;
  person_id: string;
  structure_id: string;
  slug: string;
  name: TLocalizedText;
  registered_at: string;
  source_id: string | null;
}

const ISO = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

const COLUMNS = sql`p.id, p.cluster_id, p.compartment_id, p.given_name, p.family_name, p.given_name_latin, p.family_name_latin,
  p.aliases, p.father_name, p.mother_name, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date, p.birth_date_approximate,
  p.nationality, p.languages, p.legal_status, p.phone, p.email, p.address, p.community, p.disability_percent,
  p.disability_notes, p.health_notes, p.gbv_notes, p.minority, p.version, p.search_text,
  ${ISO('p.created_at')} as created_at, ${ISO('p.updated_at')} as updated_at`;

/**
 * The condition "the cluster of person row p is registered somewhere in scope": scope is a
 * condition on `r.structure_id` (platform/auth structureScope).
 */
export function clusterInScope(tenantId: string, scope: SQL): SQL {
  return sql`exists (select 1 from persons q join registrations r on r.tenant_id = q.tenant_id and r.person_id = q.id
    where q.tenant_id = ${tenantId} and q.cluster_id = p.id and ${scope})`;
}

/** One person row by id (row-level security hides other compartments). */
export async function findPerson(db: Db, tenantId: string, id: string, lock = false): Promise<PersonRow | undefined> {
  const [row] = await sqlRows<PersonRow>(
    db,
    sql`select ${COLUMNS} from persons p where p.tenant_id = ${tenantId} and p.id = ${id}${lock ? sql` for update` : sql``}`,
  );
  return row;
}

/** Person rows by id (row-level security hides other compartments). */
export async function findPersons(db: Db, tenantId: string, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return sqlRows<PersonRow>(
    db,
    sql`select ${COLUMNS} from persons p where p.tenant_id = ${tenantId} and p.id = any(${sql.param(ids)}::uuid[])`,
  );
}

/** Whether the cluster of a survivor row is in scope. */
export async function isInScope(db: Db, tenantId: string, id: string, scope: SQL): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    db,
    sql`select 1 as one from persons p where p.tenant_id = ${tenantId} and p.id = ${id} and ${clusterInScope(tenantId, scope)}`,
  );
  return rows.length > 0;
}

/** Survivor rows in scope, by name, with the total; `text` holds name keys that must all match a word start. */
export async function listPersons(
  db: Db,
  tenantId: string,
  f: { scope: SQL; tokens: string[]; structureId: string | null; limit: number; offset: number },
): Promise<{ rows: PersonRow[]; total: number }> {
  const where: SQL[] = [sql`p.tenant_id = ${tenantId}`, sql`p.id = p.cluster_id`, clusterInScope(tenantId, f.scope)];
  for (const token of f.tokens) where.push(sql`p.search_text like ${`% ${token}%`}`);
  if (f.structureId) {
    where.push(sql`exists (select 1 from persons q join registrations r on r.tenant_id = q.tenant_id and r.person_id = q.id
      where q.tenant_id = ${tenantId} and q.cluster_id = p.id and r.structure_id = ${f.structureId})`);
  }
  const condition = sql.join(where, sql` and `);
  const rows = await sqlRows<PersonRow>(
    db,
    sql`select ${COLUMNS} from persons p where ${condition}
        order by p.family_key, p.given_key, p.id limit ${f.limit} offset ${f.offset}`,
  );
  const [count] = await sqlRows<{ n: string }>(db, sql`select count(*) as n from persons p where ${condition}`);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Identifiers of every row of the given clusters. */
export async function identifiersOfClusters(db: Db, tenantId: string, clusterIds: string[]): Promise<IdentifierRow[]> {
  if (clusterIds.length === 0) return [];
  return sqlRows<IdentifierRow>(
    db,
    sql`select q.cluster_id as person_id, i.type, i.value, i.valid, i.problem
          from person_identifiers i join persons q on q.tenant_id = i.tenant_id and q.id = i.person_id
         where i.tenant_id = ${tenantId} and q.cluster_id = any(${sql.param(clusterIds)}::uuid[])
         order by i.created_at, i.type, i.value`,
  );
}

/** Registrations of every row of the given clusters (person_id is the cluster), oldest first. */
export async function registrationsOfClusters(db: Db, tenantId: string, clusterIds: string[]): Promise<RegistrationRow[]> {
  if (clusterIds.length === 0) return [];
  return sqlRows<RegistrationRow>(
    db,
    sql`select r.id, q.cluster_id as person_id, r.structure_id, s.slug, s.name, ${ISO('r.registered_at')} as registered_at,
               r.source_id
          from registrations r join persons q on q.tenant_id = r.tenant_id and q.id = r.person_id
          join structures s on s.tenant_id = r.tenant_id and s.id = r.structure_id
         where r.tenant_id = ${tenantId} and q.cluster_id = any(${sql.param(clusterIds)}::uuid[])
         order by r.registered_at, r.id`,
  );
}

/** A structure by slug or id, with what decides where its records live. */
export async function findStructure(
  db: Db,
  tenantId: string,
  idOrSlug: string,
): Promise<{ id: string; organisationId: string; confidential: boolean } | undefined> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const [row] = await sqlRows<{ id: string; organisationId: string; confidential: boolean }>(
    db,
    sql`select id, organisation_id as "organisationId", confidential from structures
         where tenant_id = ${tenantId} and ${byId ? sql`id = ${idOrSlug}::uuid` : sql`slug = ${idOrSlug}`}`,
  );
  return row;
}

/** The value columns of a person row, in a fixed order. */
export const VALUE_COLUMNS = [
  'given_name',
  'family_name',
  'given_name_latin',
  'family_name_latin',
  'aliases',
  'father_name',
  'mother_name',
  'sex',
  'birth_date',
  'birth_date_approximate',
  'nationality',
  'languages',
  'legal_status',
  'phone',
  'email',
  'address',
  'community',
  'disability_percent',
  'disability_notes',
  'health_notes',
  'gbv_notes',
  'minority',
  'given_key',
  'family_key',
  'given_canonical',
  'family_stem',
  'given_skeleton',
  'family_skeleton',
  'father_key',
  'mother_key',
  'name_tokens',
  'search_text',
] as const satisfies readonly (keyof PersonValues)[];

/** The column types of a person row's values, for bulk statements. */
export const VALUE_TYPES: Record<keyof PersonValues, BulkColumn['type']> = Object.fromEntries(
  VALUE_COLUMNS.map((c) => [
    c,
    c === 'aliases'
      ? 'jsonb'
      : c === 'languages' || c === 'name_tokens'
        ? 'text[]'
        : c === 'birth_date'
          ? 'date'
          : c === 'birth_date_approximate'
            ? 'boolean'
            : c === 'community' || c === 'disability_percent'
              ? 'smallint'
              : 'text',
  ]),
) as Record<keyof PersonValues, BulkColumn['type']>;

/** One value of a person row as an SQL parameter of the right type. */
export function sqlValue(column: keyof PersonValues, v: PersonValues): SQL {
  const value = v[column];
  if (column === 'aliases') return sql`${JSON.stringify(value)}::jsonb`;
  if (column === 'languages' || column === 'name_tokens') return sql`${sql.param(value)}::text[]`;
  if (column === 'birth_date') return sql`${value}::date`;
  // Typed also inside a VALUES list, where PostgreSQL cannot infer the column.
  if (column === 'birth_date_approximate') return sql`${value}::boolean`;
  if (column === 'community' || column === 'disability_percent') return sql`${value}::smallint`;
  return sql`${value}::text`;
}

/** Inserts a person row as its own cluster; returns its id. */
export async function insertPerson(
  tx: Db,
  tenantId: string,
  v: PersonValues,
  meta: { compartmentId: string | null; createdBy: string | null },
): Promise<string> {
  const columns = sql.raw(VALUE_COLUMNS.join(', '));
  const values = sql.join(
    VALUE_COLUMNS.map((c) => sqlValue(c, v)),
    sql`, `,
  );
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`with new_id as (select gen_random_uuid() as id)
        insert into persons (tenant_id, id, cluster_id, compartment_id, created_by, ${columns})
        select ${tenantId}, new_id.id, new_id.id, ${meta.compartmentId}, ${meta.createdBy}, ${values} from new_id
        returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Overwrites a person row's values and bumps its version. */
export async function updatePerson(tx: Db, tenantId: string, id: string, v: PersonValues): Promise<void> {
  const sets = sql.join(
    VALUE_COLUMNS.map((c) => sql`${sql.raw(c)} = ${sqlValue(c, v)}`),
    sql`, `,
  );
  await tx.execute(
    sql`update persons set ${sets}, version = version + 1, updated_at = now() where tenant_id = ${tenantId} and id = ${id}`,
  );
}

/** Replaces the identifiers of a person row. */
export async function replaceIdentifiers(
  tx: Db,
  tenantId: string,
  personId: string,
  compartmentId: string | null,
  ids: { type: string; value: string; valid: boolean; problem: string | null }[],
): Promise<void> {
  await tx.execute(sql`delete from person_identifiers where tenant_id = ${tenantId} and person_id = ${personId}`);
  if (ids.length === 0) return;
  const rows = ids.map((i) => sql`(${tenantId}, ${personId}, ${compartmentId}, ${i.type}, ${i.value}, ${i.valid}, ${i.problem})`);
  await tx.execute(sql`insert into person_identifiers (tenant_id, person_id, compartment_id, type, value, valid, problem)
    values ${sql.join(rows, sql`, `)} on conflict (tenant_id, person_id, type, value) do nothing`);
}

/** Registers a person row at a structure; returns the registration id, or null when already registered there. */
export async function insertRegistration(
  tx: Db,
  tenantId: string,
  r: { personId: string; structureId: string; compartmentId: string | null; sourceId: string | null; by: string | null },
): Promise<string | null> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into registrations (tenant_id, person_id, structure_id, compartment_id, source_id, registered_by)
        values (${tenantId}, ${r.personId}, ${r.structureId}, ${r.compartmentId}, ${r.sourceId}, ${r.by})
        on conflict (tenant_id, person_id, structure_id) do nothing returning id`,
  );
  return row?.id ?? null;
}

/** The households a cluster's rows belong to (now and before), newest first. */
export async function householdsOfCluster(db: Db, tenantId: string, clusterId: string) {
  return sqlRows<{ id: string; relationship: 'head' | 'spouse' | 'child' | 'other'; from: string; to: string | null }>(
    db,
    sql`select m.household_id as id, m.relationship, to_char(m.from_date, 'YYYY-MM-DD') as "from",
               to_char(m.to_date, 'YYYY-MM-DD') as "to"
          from household_members m join persons q on q.tenant_id = m.tenant_id and q.id = m.person_id
         where m.tenant_id = ${tenantId} and q.cluster_id = ${clusterId}
         order by m.to_date is null desc, m.from_date desc`,
  );
}

/** The ids of every row of a cluster (the survivor first). */
export async function rowsInCluster(db: Db, tenantId: string, clusterId: string): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    db,
    sql`select id from persons where tenant_id = ${tenantId} and cluster_id = ${clusterId} order by id = ${clusterId} desc, created_at, id`,
  );
  return rows.map((r) => r.id);
}

/** Identifiers of one row (not its cluster). */
export async function identifiersOfRow(db: Db, tenantId: string, personId: string): Promise<IdentifierRow[]> {
  return sqlRows<IdentifierRow>(
    db,
    sql`select person_id, type, value, valid, problem from person_identifiers
         where tenant_id = ${tenantId} and person_id = ${personId} order by created_at, type, value`,
  );
}
