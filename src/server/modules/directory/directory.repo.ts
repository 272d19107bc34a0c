import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { fundingProgrammes, organisations, services, structures } from './directory.tables.js';

/** Filters the repository understands; the text is already turned into search keys. */
export interface DirectoryQuery {
  tokens: string[];
  community?: number | undefined;
  need?: string | undefined;
  language?: string | undefined;
  organisation?: string | undefined;
  limit: number;
  offset: number;
}

export type StructureRow = typeof structures.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type ProgrammeRow = typeof fundingProgrammes.$inferSelect;

/** A structure row with its organisation and the needs its services meet. */
export interface StructureListRow {
  structure: StructureRow;
  organisation: Pick<OrganisationRow, 'id' | 'slug' | 'name'>;
  needs: string[];
}

const structureNeeds = sql<string[]>`coalesce(array(
  select distinct n from ${services} sv, unnest(sv.needs) n where sv.structure_id = ${structures.id} order by n), '{}')`;

function tokenConditions(column: typeof structures.searchText | typeof services.searchText, tokens: string[]): SQL[] {
  return tokens.map((t) => sql`${column} like ${'%' + t + '%'}`);
}

function structureWhere(tenantId: string, q: DirectoryQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    eq(structures.tenantId, tenantId),
    ...tokenConditions(structures.searchText, q.tokens),
  ];
  if (q.community !== undefined) conditions.push(eq(structures.community, q.community));
  if (q.language !== undefined) conditions.push(sql`${q.language} = any(${structures.languages})`);
  if (q.organisation !== undefined) conditions.push(eq(organisations.slug, q.organisation));
  if (q.need !== undefined) {
    conditions.push(
      sql`exists (select 1 from ${services} sv where sv.structure_id = ${structures.id} and ${q.need} = any(sv.needs))`,
    );
  }
  return and(...conditions);
}

/** One page of structures matching the filters, with the total count. */
export async function listStructures(
  db: Db,
  tenantId: string,
  q: DirectoryQuery,
): Promise<{ rows: StructureListRow[]; total: number }> {
  // Structures whose name holds every word come first, then the closest matches.
  const inName = and(...q.tokens.map((t) => sql`${structures.nameSearch} like ${'%' + t + '%'}`));
  const relevance = q.tokens.length
    ? sql`(${inName}) desc, word_similarity(${q.tokens.join(' ')}, ${structures.searchText}) desc,`
    : sql``;
  const rows = await db
    .select({
      structure: structures,
      organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name },
      needs: structureNeeds,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(structures)
    .innerJoin(organisations, eq(organisations.id, structures.organisationId))
    .where(structureWhere(tenantId, q))
    .orderBy(sql`${relevance} ${structures.name}->>'el' asc`)
    .limit(q.limit)
    .offset(q.offset);
  const total = rows[0]?.total ?? (q.offset > 0 ? await countStructures(db, tenantId, q) : 0);
  return { rows, total };
}

async function countStructures(db: Db, tenantId: string, q: DirectoryQuery): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(structures)
    .innerJoin(organisations, eq(organisations.id, structures.organisationId))
    .where(structureWhere(tenantId, q));
  return row?.n ?? 0;
}

/** One structure by id or slug, with organisation, programme and needs; undefined when absent. */
export async function findStructure(
  db: Db,
  tenantId: string,
  idOrSlug: { id: string } | { slug: string },
): Promise<(StructureListRow & { programme: ProgrammeRow | null }) | undefined> {
  const key = 'id' in idOrSlug ? eq(structures.id, idOrSlug.id) : eq(structures.slug, idOrSlug.slug);
  const [row] = await db
    .select({
      structure: structures,
      organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name },
      needs: structureNeeds,
      programme: fundingProgrammes,
    })
    .from(structures)
    .innerJoin(organisations, eq(organisations.id, structures.organisationId))
    .leftJoin(fundingProgrammes, eq(fundingProgrammes.id, structures.fundingProgrammeId))
    .where(and(eq(structures.tenantId, tenantId), key));
  return row;
}

/** A service row with the structure it belongs to. */
export interface ServiceListRow {
  service: ServiceRow;
  structure: Pick<StructureRow, 'id' | 'slug' | 'name'>;
}

/** Services of the given structures, in their catalogue order. */
export async function servicesOfStructures(db: Db, tenantId: string, structureIds: string[]): Promise<ServiceListRow[]> {
  if (structureIds.length === 0) return [];
  return db
    .select({ service: services, structure: { id: structures.id, slug: structures.slug, name: structures.name } })
    .from(services)
    .innerJoin(structures, eq(structures.id, services.structureId))
    .where(and(eq(services.tenantId, tenantId), sql`${services.structureId} = any(${sql.param(structureIds)}::uuid[])`))
    .orderBy(asc(services.structureId), asc(services.position));
}

/** One page of services matching the filters. */
export async function listServices(
  db: Db,
  tenantId: string,
  q: DirectoryQuery,
): Promise<{ rows: ServiceListRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [eq(services.tenantId, tenantId)];
  for (const t of q.tokens) {
    conditions.push(or(sql`${services.searchText} like ${'%' + t + '%'}`, sql`${structures.searchText} like ${'%' + t + '%'}`));
  }
  if (q.community !== undefined) conditions.push(eq(structures.community, q.community));
  if (q.need !== undefined) conditions.push(sql`${q.need} = any(${services.needs})`);
  if (q.language !== undefined) conditions.push(sql`${q.language} = any(${services.languages} || ${structures.languages})`);
  if (q.organisation !== undefined) conditions.push(eq(organisations.slug, q.organisation));
  const rows = await db
    .select({
      service: services,
      structure: { id: structures.id, slug: structures.slug, name: structures.name },
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(services)
    .innerJoin(structures, eq(structures.id, services.structureId))
    .innerJoin(organisations, eq(organisations.id, structures.organisationId))
    .where(and(...conditions))
    .orderBy(sql`${structures.name}->>'el' asc`, asc(services.position))
    .limit(q.limit)
    .offset(q.offset);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** One page of organisations, optionally searched. */
export async function listOrganisations(
  db: Db,
  tenantId: string,
  q: Pick<DirectoryQuery, 'tokens' | 'limit' | 'offset'>,
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const conditions = [
    eq(organisations.tenantId, tenantId),
    ...q.tokens.map((t) => sql`${organisations.searchText} like ${'%' + t + '%'}`),
  ];
  const rows = await db
    .select({ org: organisations, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(organisations)
    .where(and(...conditions))
    .orderBy(sql`${organisations.name}->>'el' asc`)
    .limit(q.limit)
    .offset(q.offset);
  return { rows: rows.map((r) => r.org), total: rows[0]?.total ?? 0 };
}

/** One organisation by id or slug. */
export async function findOrganisation(
  db: Db,
  tenantId: string,
  key: { id: string } | { slug: string },
): Promise<OrganisationRow | undefined> {
  const where = 'id' in key ? eq(organisations.id, key.id) : eq(organisations.slug, key.slug);
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), where));
  return row;
}

/** One programme by code. */
export async function findProgramme(db: Db, tenantId: string, code: string): Promise<ProgrammeRow | undefined> {
  const [row] = await db
    .select()
    .from(fundingProgrammes)
    .where(and(eq(fundingProgrammes.tenantId, tenantId), eq(fundingProgrammes.code, code)));
  return row;
}

export type NewOrganisation = typeof organisations.$inferInsert;
export type NewProgramme = typeof fundingProgrammes.$inferInsert;
export type NewStructure = typeof structures.$inferInsert;
export type NewService = typeof services.$inferInsert;

/** Inserts or updates an organisation by (tenant, slug); returns its id. */
export async function upsertOrganisation(db: Db, row: NewOrganisation): Promise<string> {
  const [r] = await db
    .insert(organisations)
    .values(row)
    .onConflictDoUpdate({ target: [organisations.tenantId, organisations.slug], set: { ...row, updatedAt: sql`now()` } })
    .returning({ id: organisations.id });
  if (!r) throw new Error('upsert returned no row');
  return r.id;
}

/** Inserts or updates a programme by (tenant, code); returns its id. */
export async function upsertProgramme(db: Db, row: NewProgramme): Promise<string> {
  const [r] = await db
    .insert(fundingProgrammes)
    .values(row)
    .onConflictDoUpdate({ target: [fundingProgrammes.tenantId, fundingProgrammes.code], set: row })
    .returning({ id: fundingProgrammes.id });
  if (!r) throw new Error('upsert returned no row');
  return r.id;
}

/** Inserts or updates a structure by (tenant, slug); returns its id. */
export async function upsertStructure(db: Db, row: NewStructure): Promise<string> {
  const [r] = await db
    .insert(structures)
    .values(row)
    .onConflictDoUpdate({ target: [structures.tenantId, structures.slug], set: { ...row, updatedAt: sql`now()` } })
    .returning({ id: structures.id });
  if (!r) throw new Error('upsert returned no row');
  return r.id;
}

/** Replaces the services of a structure with the given list (catalogue load, structure write). */
export async function replaceServices(db: Db, tenantId: string, structureId: string, rows: NewService[]): Promise<void> {
  await db.delete(services).where(and(eq(services.tenantId, tenantId), eq(services.structureId, structureId)));
  if (rows.length) await db.insert(services).values(rows);
}

/** Whether a structure slug is taken by another structure. */
export async function structureSlugTaken(db: Db, tenantId: string, slug: string): Promise<boolean> {
  const [r] = await db
    .select({ id: structures.id })
    .from(structures)
    .where(and(eq(structures.tenantId, tenantId), eq(structures.slug, slug)));
  return r !== undefined;
}

/** Counts rows per directory table (seeding reports, readiness of the demo). */
export async function countDirectory(
  db: Db,
  tenantId: string,
): Promise<{ organisations: number; structures: number; services: number }> {
  const n = (t: typeof organisations | typeof structures | typeof services) =>
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(t)
      .where(eq(t.tenantId, tenantId));
  const [[o], [s], [v]] = await Promise.all([n(organisations), n(structures), n(services)]);
  return { organisations: o?.n ?? 0, structures: s?.n ?? 0, services: v?.n ?? 0 };
}
