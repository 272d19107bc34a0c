import { sql, type SQL } from 'drizzle-orm';
import { sqlRows, type Db } from '../../platform/db/database.js';

/** Relationship of a member to the head, as stored. */
export type Relationship = 'head' | 'spouse' | 'child' | 'other';

/** A household as stored. */
export interface HouseholdRow {
  id: string;
  compartment_id: string | null;
  created_at: string;
}

/** One membership period, with the member's survivor row (the person as the registry knows them now). */
export interface MemberRow {
  id: string;
  household_id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  relationship: Relationship;
  from: string;
  to: string | null;
}

const CREATED_AT = sql.raw(`to_char(h.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);
const RANK = sql.raw(`case m.relationship when 'head' then 0 when 'spouse' then 1 when 'child' then 2 else 3 end`);

/** A household by id (row-level security hides other compartments); `lock` holds it until the transaction ends. */
export async function findHousehold(db: Db, tenantId: string, id: string, lock = false): Promise<HouseholdRow | undefined> {
  const [row] = await sqlRows<HouseholdRow>(
    db,
    sql`select h.id, h.compartment_id, ${CREATED_AT} as created_at from households h
         where h.tenant_id = ${tenantId} and h.id = ${id}${lock ? sql` for update` : sql``}`,
  );
  return row;
}

/**
 * Whether some member of the household, now or before, is registered in scope: `scope` is a
 * condition on `r.structure_id` (people.policy personScope), tried on every row of the member's cluster.
 */
export async function householdInScope(db: Db, tenantId: string, id: string, scope: SQL): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    db,
    sql`select 1 as one from household_members m
          join persons q on q.tenant_id = m.tenant_id and q.id = m.person_id
          join persons c on c.tenant_id = q.tenant_id and c.cluster_id = q.cluster_id
          join registrations r on r.tenant_id = c.tenant_id and r.person_id = c.id
         where m.tenant_id = ${tenantId} and m.household_id = ${id} and ${scope}
         limit 1`,
  );
  return rows.length > 0;
}

/** The households any row of a cluster is or was a member of: current memberships first, then by latest joining. */
export async function householdsOfCluster(db: Db, tenantId: string, clusterId: string): Promise<HouseholdRow[]> {
  return sqlRows<HouseholdRow>(
    db,
    sql`select h.id, h.compartment_id, ${CREATED_AT} as created_at
          from households h
          join household_members m on m.tenant_id = h.tenant_id and m.household_id = h.id
          join persons q on q.tenant_id = m.tenant_id and q.id = m.person_id
         where h.tenant_id = ${tenantId} and q.cluster_id = ${clusterId}
         group by h.id, h.compartment_id, h.created_at
         order by bool_or(m.to_date is null) desc, max(m.from_date) desc, h.created_at desc, h.id`,
  );
}

/**
 * Every membership period of the households, each with its member's survivor row: current
 * members first (head, spouse, children, other; the eldest first), then former members (the
 * latest to leave first).
 */
export async function membersOf(db: Db, tenantId: string, householdIds: string[]): Promise<MemberRow[]> {
  if (householdIds.length === 0) return [];
  return sqlRows<MemberRow>(
    db,
    sql`select m.id, m.household_id, p.id as person_id, p.given_name, p.family_name,
               to_char(p.birth_date, 'YYYY-MM-DD') as birth_date, m.relationship,
               to_char(m.from_date, 'YYYY-MM-DD') as "from", to_char(m.to_date, 'YYYY-MM-DD') as "to"
          from household_members m
          join persons q on q.tenant_id = m.tenant_id and q.id = m.person_id
          join persons p on p.tenant_id = q.tenant_id and p.id = q.cluster_id
         where m.tenant_id = ${tenantId} and m.household_id = any(${sql.param(householdIds)}::uuid[])
         order by m.household_id, m.to_date is not null, m.to_date desc, ${RANK}, p.birth_date nulls last, m.from_date, m.id`,
  );
}

/** The periods of a cluster in a household (current or not), the latest first. */
export async function membershipsOfCluster(
  db: Db,
  tenantId: string,
  householdId: string,
  clusterId: string,
): Promise<{ id: string; relationship: Relationship; from: string; to: string | null }[]> {
  return sqlRows(
    db,
    sql`select m.id, m.relationship, to_char(m.from_date, 'YYYY-MM-DD') as "from", to_char(m.to_date, 'YYYY-MM-DD') as "to"
          from household_members m join persons q on q.tenant_id = m.tenant_id and q.id = m.person_id
         where m.tenant_id = ${tenantId} and m.household_id = ${householdId} and q.cluster_id = ${clusterId}
         order by m.to_date is null desc, m.to_date desc, m.from_date desc`,
  );
}

/** Whether the household has a current head. */
export async function hasCurrentHead(db: Db, tenantId: string, householdId: string): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    db,
    sql`select 1 as one from household_members
         where tenant_id = ${tenantId} and household_id = ${householdId} and to_date is null and relationship = 'head'`,
  );
  return rows.length > 0;
}

/** Creates an empty household in a compartment (null = none); returns it. */
export async function insertHousehold(
  tx: Db,
  tenantId: string,
  compartmentId: string | null,
  createdBy: string,
): Promise<HouseholdRow> {
  const [row] = await sqlRows<HouseholdRow>(
    tx,
    sql`insert into households as h (tenant_id, compartment_id, created_by) values (${tenantId}, ${compartmentId}, ${createdBy})
        returning h.id, h.compartment_id, ${CREATED_AT} as created_at`,
  );
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Adds membership periods that start on `from` and are open. */
export async function insertMembers(
  tx: Db,
  tenantId: string,
  householdId: string,
  compartmentId: string | null,
  members: { personId: string; relationship: Relationship; from: string }[],
): Promise<void> {
  if (members.length === 0) return;
  const rows = members.map(
    (m) => sql`(${tenantId}, ${householdId}, ${m.personId}, ${compartmentId}, ${m.relationship}, ${m.from}::date)`,
  );
  await tx.execute(sql`insert into household_members (tenant_id, household_id, person_id, compartment_id, relationship, from_date)
    values ${sql.join(rows, sql`, `)}`);
}

/** Closes membership periods on `to` (they stay, dated). */
export async function endMemberships(tx: Db, tenantId: string, memberIds: string[], to: string): Promise<void> {
  if (memberIds.length === 0) return;
  await tx.execute(
    sql`update household_members set to_date = ${to}::date
         where tenant_id = ${tenantId} and id = any(${sql.param(memberIds)}::uuid[]) and to_date is null`,
  );
}
