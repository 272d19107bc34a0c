import { sql, type SQL } from 'drizzle-orm';
import type { BenefitStatus, BenefitType } from '../../../shared/benefits/lists.js';
import type { TLocalizedText } from '../../../shared/localized.js';
import { sqlRows, type Db } from '../../platform/db/database.js';

/** Timestamps as the API shows them (UTC, milliseconds). */
export const ISO = (col: string): SQL => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
/** A date column as YYYY-MM-DD. */
export const DAY = (col: string): SQL => sql.raw(`to_char(${col}, 'YYYY-MM-DD')`);
/** A keyset position (microseconds, as the cursor wants it). */
const POS = (col: string): SQL => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** An application with the names the API shows. */
export interface BenefitRow {
  id: string;
  person_id: string;
  /** The current record of the person (the survivor of the cluster). */
  current_person_id: string;
  given_name: string | null;
  family_name: string | null;
  case_id: string | null;
  structure_id: string;
  structure_slug: string;
  compartment_id: string | null;
  benefit_type: BenefitType;
  description: string | null;
  status: BenefitStatus;
  submitted_on: string | null;
  reference_number: string | null;
  decided_on: string | null;
  monthly_amount_cents: number | null;
  renewal_on: string | null;
  note: string | null;
  created_by: string;
  creator_username: string;
  creator_display_name: string;
  created_at: string;
  updated_at: string;
  version: number;
  pos: string;
}

const SELECT = sql`select b.id, b.person_id, coalesce(p.cluster_id, b.person_id) as current_person_id,
    q.given_name, q.family_name, b.case_id, b.structure_id, s.slug as structure_slug, b.compartment_id, b.benefit_type,
    b.description, b.status, ${DAY('b.submitted_on')} as submitted_on, b.reference_number,
    ${DAY('b.decided_on')} as decided_on, b.monthly_amount_cents, ${DAY('b.renewal_on')} as renewal_on, b.note,
    b.created_by, u.username as creator_username, u.display_name as creator_display_name,
    ${ISO('b.created_at')} as created_at, ${ISO('b.updated_at')} as updated_at, b.version, ${POS('b.created_at')} as pos
  from benefit_applications b
  join structures s on s.tenant_id = b.tenant_id and s.id = b.structure_id
  join users u on u.tenant_id = b.tenant_id and u.id = b.created_by
  left join persons p on p.tenant_id = b.tenant_id and p.id = b.person_id
  left join persons q on q.tenant_id = b.tenant_id and q.id = p.cluster_id`;

/** One application if its structure is in scope (`scope` is a condition on `b.structure_id`); `lock` holds it. */
export async function findBenefit(
  db: Db,
  tenantId: string,
  id: string,
  scope: SQL,
  lock = false,
): Promise<BenefitRow | undefined> {
  const [row] = await sqlRows<BenefitRow>(
    db,
    sql`${SELECT} where b.tenant_id = ${tenantId} and b.id = ${id} and ${scope}${lock ? sql` for update of b` : sql``}`,
  );
  return row;
}

/** Filters of a list of applications. */
export interface BenefitFilter {
  scope: SQL;
  status: BenefitStatus | null;
  personId: string | null;
  structureId: string | null;
  /** Approved benefits to renew by this day (or overdue), soonest first. */
  renewalBy: string | null;
  after: { at: string; id: string } | null;
  limit: number;
}

/** Applications in scope, newest first (or by renewal day for the reminders); one more than the limit. */
export async function listBenefits(db: Db, tenantId: string, f: BenefitFilter): Promise<BenefitRow[]> {
  const where: SQL[] = [sql`b.tenant_id = ${tenantId}`, f.scope];
  if (f.status) where.push(sql`b.status = ${f.status}`);
  if (f.structureId) where.push(sql`b.structure_id = ${f.structureId}`);
  if (f.personId) {
    where.push(sql`b.person_id in (select m.id from persons m where m.tenant_id = ${tenantId}
      and m.cluster_id = (select o.cluster_id from persons o where o.tenant_id = ${tenantId} and o.id = ${f.personId}))`);
  }
  if (f.renewalBy) {
    where.push(sql`b.status = 'approved' and b.renewal_on is not null and b.renewal_on <= ${f.renewalBy}::date`);
    return sqlRows<BenefitRow>(
      db,
      sql`${SELECT} where ${sql.join(where, sql` and `)} order by b.renewal_on, b.id limit ${f.limit + 1}`,
    );
  }
  if (f.after) where.push(sql`(b.created_at, b.id) < (${f.after.at}::timestamptz, ${f.after.id}::uuid)`);
  return sqlRows<BenefitRow>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)} order by b.created_at desc, b.id desc limit ${f.limit + 1}`,
  );
}

/** An item of a type's checklist, and its mark on one application. */
export interface ChecklistRow {
  key: string;
  label: TLocalizedText;
  done: boolean;
  note: string | null;
  marked_at: string | null;
}

/** The checklist of an application: every active item of its type, in order, with its mark. */
export async function checklist(db: Db, tenantId: string, applicationId: string, type: BenefitType): Promise<ChecklistRow[]> {
  return sqlRows<ChecklistRow>(
    db,
    sql`select i.key, i.label, coalesce(m.done, false) as done, m.note, ${ISO('m.marked_at')} as marked_at
          from benefit_checklist_items i
          left join benefit_checklist_marks m on m.tenant_id = i.tenant_id and m.application_id = ${applicationId}
           and m.item_key = i.key
         where i.tenant_id = ${tenantId} and i.benefit_type = ${type} and i.active
         order by i.position, i.key`,
  );
}

/** Whether a type's checklist has an active item with this key. */
export async function checklistItemExists(db: Db, tenantId: string, type: BenefitType, key: string): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    db,
    sql`select 1 as one from benefit_checklist_items
         where tenant_id = ${tenantId} and benefit_type = ${type} and key = ${key} and active`,
  );
  return rows.length > 0;
}

/** Records a new application (preparing); returns its id. */
export async function insertBenefit(
  tx: Db,
  tenantId: string,
  b: {
    personId: string;
    caseId: string | null;
    structureId: string;
    compartmentId: string | null;
    type: BenefitType;
    description: string | null;
    note: string | null;
    userId: string;
  },
): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into benefit_applications (tenant_id, person_id, case_id, structure_id, compartment_id, benefit_type,
          description, note, created_by, updated_by)
        values (${tenantId}, ${b.personId}, ${b.caseId}, ${b.structureId}, ${b.compartmentId}, ${b.type},
          ${b.description}, ${b.note}, ${b.userId}, ${b.userId})
        returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** The columns a change may set (each present key is set, null included). */
export interface BenefitChange {
  status?: BenefitStatus;
  description?: string | null;
  submitted_on?: string | null;
  reference_number?: string | null;
  decided_on?: string | null;
  monthly_amount_cents?: number | null;
  renewal_on?: string | null;
  note?: string | null;
}

/** Sets the given columns and takes the version one up. */
export async function updateBenefit(tx: Db, tenantId: string, id: string, change: BenefitChange, userId: string): Promise<void> {
  const sets = Object.entries(change).map(([column, value]) => sql`${sql.identifier(column)} = ${value ?? null}`);
  await tx.execute(
    sql`update benefit_applications set ${sql.join([...sets, sql`updated_by = ${userId}`], sql`, `)},
          updated_at = now(), version = version + 1
         where tenant_id = ${tenantId} and id = ${id}`,
  );
}

/** Ticks or unticks one item of an application's checklist. */
export async function markItem(
  tx: Db,
  tenantId: string,
  m: { applicationId: string; compartmentId: string | null; key: string; done: boolean; note: string | null; userId: string },
): Promise<void> {
  await tx.execute(
    sql`insert into benefit_checklist_marks (tenant_id, application_id, item_key, compartment_id, done, note, marked_by)
        values (${tenantId}, ${m.applicationId}, ${m.key}, ${m.compartmentId}, ${m.done}, ${m.note}, ${m.userId})
        on conflict (tenant_id, application_id, item_key)
        do update set done = excluded.done, note = excluded.note, marked_by = excluded.marked_by, marked_at = now()`,
  );
}

/** A structure by slug or id. */
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
