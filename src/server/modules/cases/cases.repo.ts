import { sql, type SQL } from 'drizzle-orm';
import type { TLocalizedText } from '../../../shared/localized.js';
import type { CaseStatus, ClosureOutcome, ClosureReason, EntryKind } from '../../../shared/cases/lists.js';
import { sqlRows, type Db } from '../../platform/db/database.js';
import type { Position } from './cursor.js';

/** Timestamps as the API shows them, and with microseconds for the keyset cursors. */
export const ISO = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
export const POS = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** A case with the names the API shows beside it. */
export interface CaseRow {
  id: string;
  structure_id: string;
  compartment_id: string | null;
  person_id: string | null;
  household_id: string | null;
  /** The current record of the case's person (the survivor of the cluster) and its names. */
  current_person_id: string | null;
  given_name: string | null;
  family_name: string | null;
  structure_slug: string;
  structure_name: TLocalizedText;
  case_type_id: string;
  type_slug: string;
  type_name: TLocalizedText;
  closure_needs_approval: boolean;
  assigned_user_id: string | null;
  assigned_username: string | null;
  assigned_display_name: string | null;
  summary: string | null;
  status: CaseStatus;
  closure_reason: ClosureReason | null;
  closure_outcome: ClosureOutcome | null;
  approver: string | null;
  approved_at: string | null;
  version: number;
  opened_at: string;
  closed_at: string | null;
  updated_at: string;
  pos: string;
}

// The person's names come from the registry's table in the same query: a caseload of 500 is one
// statement. Row-level security applies to both tables, so a compartment never leaks through it.
const SELECT = sql`select c.id, c.structure_id, c.compartment_id, c.person_id, c.household_id,
    q.id as current_person_id, q.given_name, q.family_name, s.slug as structure_slug, s.name as structure_name,
    c.case_type_id, t.slug as type_slug, t.name as type_name, t.closure_needs_approval,
    c.assigned_user_id, u.username as assigned_username, u.display_name as assigned_display_name,
    c.summary, c.status, c.closure_reason, c.closure_outcome, a.username as approver,
    ${ISO('c.closure_approved_at')} as approved_at, c.version, ${ISO('c.opened_at')} as opened_at,
    ${ISO('c.closed_at')} as closed_at, ${ISO('c.updated_at')} as updated_at, ${POS('c.opened_at')} as pos
  from cases c
  join structures s on s.tenant_id = c.tenant_id and s.id = c.structure_id
  join case_types t on t.tenant_id = c.tenant_id and t.id = c.case_type_id
  left join persons p on p.tenant_id = c.tenant_id and p.id = c.person_id
  left join persons q on q.tenant_id = p.tenant_id and q.id = p.cluster_id
  left join users u on u.tenant_id = c.tenant_id and u.id = c.assigned_user_id
  left join users a on a.tenant_id = c.tenant_id and a.id = c.closure_approved_by`;

/** One case by id if it is in scope (`scope` is a condition on `c.structure_id`); `lock` holds it until the transaction ends. */
export async function findCase(db: Db, tenantId: string, id: string, scope: SQL, lock = false): Promise<CaseRow | undefined> {
  const [row] = await sqlRows<CaseRow>(
    db,
    sql`${SELECT} where c.tenant_id = ${tenantId} and c.id = ${id} and ${scope}${lock ? sql` for update of c` : sql``}`,
  );
  return row;
}

/** Filters of a case list, already resolved to ids. */
export interface CaseFilters {
  scope: SQL;
  structureId: string | null;
  /** One status, every status but closed (active), or null for any. */
  status: CaseStatus | 'active' | null;
  /** A user id, 'nobody', or null for anyone. */
  assigned: string | null;
  /** The cluster id of a person: cases of any record of theirs. */
  personCluster: string | null;
  after: Position | null;
  limit: number;
}

/** Cases in scope matching the filters, newest first, one more than the limit (to know whether a next page exists). */
export async function listCases(db: Db, tenantId: string, f: CaseFilters): Promise<CaseRow[]> {
  const where: SQL[] = [sql`c.tenant_id = ${tenantId}`, f.scope];
  if (f.structureId) where.push(sql`c.structure_id = ${f.structureId}`);
  if (f.status === 'active') where.push(sql`c.status <> 'closed'`);
  else if (f.status) where.push(sql`c.status = ${f.status}`);
  if (f.assigned === 'nobody') where.push(sql`c.assigned_user_id is null`);
  else if (f.assigned) where.push(sql`c.assigned_user_id = ${f.assigned}`);
  if (f.personCluster) {
    where.push(
      sql`c.person_id in (select r.id from persons r where r.tenant_id = ${tenantId} and r.cluster_id = ${f.personCluster})`,
    );
  }
  if (f.after) where.push(sql`(c.opened_at, c.id) < (${f.after.at}::timestamptz, ${f.after.id}::uuid)`);
  return sqlRows<CaseRow>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)} order by c.opened_at desc, c.id desc limit ${f.limit + 1}`,
  );
}

/** A structure by slug or id, with what decides where its cases live and which types it offers. */
export async function findStructure(
  db: Db,
  tenantId: string,
  idOrSlug: string,
): Promise<{ id: string; organisationId: string; confidential: boolean; type: string } | undefined> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const [row] = await sqlRows<{ id: string; organisationId: string; confidential: boolean; type: string }>(
    db,
    sql`select id, organisation_id as "organisationId", confidential, type from structures
         where tenant_id = ${tenantId} and ${byId ? sql`id = ${idOrSlug}::uuid` : sql`slug = ${idOrSlug}`}`,
  );
  return row;
}

/** An active case type by slug if the structure offers it (its type is listed, or the type is the structure's own). */
export async function findCaseType(
  db: Db,
  tenantId: string,
  slug: string,
  structure: { id: string; type: string },
): Promise<{ id: string } | undefined> {
  const [row] = await sqlRows<{ id: string }>(
    db,
    sql`select id from case_types
         where tenant_id = ${tenantId} and slug = ${slug} and active
           and (structure_id is null or structure_id = ${structure.id})
           and (cardinality(structure_types) = 0 or ${structure.type} = any(structure_types))`,
  );
  return row;
}

/** The active case types a structure offers (the rule of findCaseType), by their Greek name. */
export async function offeredCaseTypes(
  db: Db,
  tenantId: string,
  structure: { id: string; type: string },
): Promise<{ slug: string; name: TLocalizedText; closure_needs_approval: boolean }[]> {
  return sqlRows(
    db,
    sql`select slug, name, closure_needs_approval from case_types
         where tenant_id = ${tenantId} and active
           and (structure_id is null or structure_id = ${structure.id})
           and (cardinality(structure_types) = 0 or ${structure.type} = any(structure_types))
         order by name->>'el', slug`,
  );
}

/**
 * Whether a user may take on cases at a structure: not disabled, and holding one of `roles`
 * (those with case.update) at that structure, or at all structures of its organisation.
 */
export async function assigneeEligible(
  db: Db,
  tenantId: string,
  userId: string,
  structure: { id: string; organisationId: string },
  roles: readonly string[],
): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    db,
    sql`select 1 as one from users u join memberships m on m.tenant_id = u.tenant_id and m.user_id = u.id
         where u.tenant_id = ${tenantId} and u.id = ${userId} and u.disabled_at is null
           and m.role = any(${sql.param([...roles])}::text[])
           and (m.structure_id = ${structure.id} or (m.structure_id is null and u.organisation_id = ${structure.organisationId}))
         limit 1`,
  );
  return rows.length > 0;
}

/** Opens a case; returns its id. */
export async function insertCase(
  tx: Db,
  tenantId: string,
  c: {
    personId: string | null;
    householdId: string | null;
    structureId: string;
    compartmentId: string | null;
    caseTypeId: string;
    assignedUserId: string | null;
    summary: string | null;
    openedBy: string;
  },
): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into cases (tenant_id, person_id, household_id, structure_id, compartment_id, case_type_id, assigned_user_id,
          summary, opened_by)
        values (${tenantId}, ${c.personId}, ${c.householdId}, ${c.structureId}, ${c.compartmentId}, ${c.caseTypeId},
          ${c.assignedUserId}, ${c.summary}, ${c.openedBy})
        returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** What a change of a case sets; every change takes the next version. */
export interface CaseChange {
  caseTypeId?: string;
  assignedUserId?: string | null;
  summary?: string | null;
  status?: CaseStatus;
  closure?: { reason: ClosureReason; outcome: ClosureOutcome } | null;
  approvedBy?: string | null;
}

/** Changes a case and takes its version one up. */
export async function updateCase(tx: Db, tenantId: string, id: string, change: CaseChange): Promise<void> {
  const set: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
  if (change.caseTypeId !== undefined) set.push(sql`case_type_id = ${change.caseTypeId}`);
  if (change.assignedUserId !== undefined) set.push(sql`assigned_user_id = ${change.assignedUserId}`);
  if (change.summary !== undefined) set.push(sql`summary = ${change.summary}`);
  if (change.status !== undefined) set.push(sql`status = ${change.status}`);
  if (change.closure !== undefined) {
    const c = change.closure;
    set.push(
      sql`closure_reason = ${c?.reason ?? null}, closure_outcome = ${c?.outcome ?? null}`,
      c ? sql`closed_at = now()` : sql`closed_at = null`,
    );
  }
  if (change.approvedBy !== undefined) {
    set.push(
      sql`closure_approved_by = ${change.approvedBy}`,
      change.approvedBy ? sql`closure_approved_at = now()` : sql`closure_approved_at = null`,
    );
  }
  await tx.execute(sql`update cases set ${sql.join(set, sql`, `)} where tenant_id = ${tenantId} and id = ${id}`);
}

/** Moves the active cases of a worker at a structure to another worker; returns the ids moved (locked rows). */
export async function reassignCases(
  tx: Db,
  tenantId: string,
  structureId: string,
  from: string,
  to: string,
): Promise<CaseRowLite[]> {
  return sqlRows<CaseRowLite>(
    tx,
    sql`update cases set assigned_user_id = ${to}, version = version + 1, updated_at = now()
         where tenant_id = ${tenantId} and structure_id = ${structureId} and assigned_user_id = ${from} and status <> 'closed'
         returning id, person_id`,
  );
}

/** A case's id and person, for audit rows. */
export interface CaseRowLite {
  id: string;
  person_id: string | null;
}

/** How many entries of each kind a case has that the reader may see, and how many it may not. */
export async function entryCounts(
  db: Db,
  tenantId: string,
  caseId: string,
  cleared: readonly string[],
): Promise<{ kind: EntryKind; visible: number; hidden: number }[]> {
  const rows = await sqlRows<{ kind: EntryKind; visible: string; hidden: string }>(
    db,
    sql`select kind,
               count(*) filter (where sensitivity is null or sensitivity = any(${sql.param([...cleared])}::text[])) as visible,
               count(*) filter (where sensitivity is not null and sensitivity <> all(${sql.param([...cleared])}::text[])) as hidden
          from case_entries where tenant_id = ${tenantId} and case_id = ${caseId} group by kind`,
  );
  return rows.map((r) => ({ kind: r.kind, visible: Number(r.visible), hidden: Number(r.hidden) }));
}
