import { sql, type SQL } from 'drizzle-orm';
import type { TLocalizedText } from '../../../shared/localized.js';
import type { AidKind, AidStatus } from '../../../shared/plans/lists.js';
import { sqlRows, type Db } from '../../platform/db/database.js';
import { DAY, ISO } from './plans.access.js';

/** An aid request with its case's structure and person and the names the API shows. */
export interface AidRow {
  id: string;
  case_id: string;
  compartment_id: string | null;
  structure_id: string;
  structure_slug: string;
  /** The current record of the case's person (for audit rows), or null for a household's case. */
  current_person_id: string | null;
  kind: AidKind;
  amount_cents: number | null;
  goods: string | null;
  budget_line: string;
  budget_line_name: TLocalizedText;
  justification: string;
  status: AidStatus;
  recommended_by: string;
  recommender_username: string;
  recommender_display_name: string;
  recommended_at: string;
  decided_by: string | null;
  decider_username: string | null;
  decider_display_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
  settled_on: string | null;
  settlement_reference: string | null;
  settled_by: string | null;
  settler_username: string | null;
  settler_display_name: string | null;
  version: number;
}

const SELECT = sql`select a.id, a.case_id, a.compartment_id, c.structure_id, s.slug as structure_slug,
    q.cluster_id as current_person_id, a.kind, a.amount_cents, a.goods, a.budget_line, b.name as budget_line_name,
    a.justification, a.status, a.recommended_by, r.username as recommender_username, r.display_name as recommender_display_name,
    ${ISO('a.recommended_at')} as recommended_at, a.decided_by, d.username as decider_username,
    d.display_name as decider_display_name, ${ISO('a.decided_at')} as decided_at, a.decision_note,
    ${DAY('a.settled_on')} as settled_on, a.settlement_reference, a.settled_by, t.username as settler_username,
    t.display_name as settler_display_name, a.version
  from aid_requests a
  join cases c on c.tenant_id = a.tenant_id and c.id = a.case_id
  join structures s on s.tenant_id = c.tenant_id and s.id = c.structure_id
  join aid_budget_lines b on b.tenant_id = a.tenant_id and b.code = a.budget_line
  join users r on r.tenant_id = a.tenant_id and r.id = a.recommended_by
  left join users d on d.tenant_id = a.tenant_id and d.id = a.decided_by
  left join users t on t.tenant_id = a.tenant_id and t.id = a.settled_by
  left join persons q on q.tenant_id = c.tenant_id and q.id = c.person_id`;

/** One aid request if its case is in scope (`scope` is a condition on `c.structure_id`); `lock` holds it. */
export async function findAid(db: Db, tenantId: string, id: string, scope: SQL, lock = false): Promise<AidRow | undefined> {
  const [row] = await sqlRows<AidRow>(
    db,
    sql`${SELECT} where a.tenant_id = ${tenantId} and a.id = ${id} and ${scope}${lock ? sql` for update of a` : sql``}`,
  );
  return row;
}

/** Aid requests in scope, of one case or by status and structure, oldest first. */
export async function listAid(
  db: Db,
  tenantId: string,
  f: { scope: SQL; caseId: string | null; status: AidStatus | null; structureId: string | null; limit: number },
): Promise<AidRow[]> {
  const where: SQL[] = [sql`a.tenant_id = ${tenantId}`, f.scope];
  if (f.caseId) where.push(sql`a.case_id = ${f.caseId}`);
  if (f.status) where.push(sql`a.status = ${f.status}`);
  if (f.structureId) where.push(sql`c.structure_id = ${f.structureId}`);
  return sqlRows<AidRow>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)} order by a.recommended_at, a.id limit ${f.limit}`,
  );
}

/** Whether an active budget line has this code. */
export async function budgetLineExists(db: Db, tenantId: string, code: string): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    db,
    sql`select 1 as one from aid_budget_lines where tenant_id = ${tenantId} and code = ${code} and active`,
  );
  return rows.length > 0;
}

/** Records a recommendation; returns its id. */
export async function insertAid(
  tx: Db,
  tenantId: string,
  a: {
    caseId: string;
    compartmentId: string | null;
    kind: AidKind;
    amountCents: number | null;
    goods: string | null;
    budgetLine: string;
    justification: string;
    userId: string;
  },
): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into aid_requests (tenant_id, case_id, compartment_id, kind, amount_cents, goods, budget_line, justification,
          recommended_by)
        values (${tenantId}, ${a.caseId}, ${a.compartmentId}, ${a.kind}, ${a.amountCents}, ${a.goods}, ${a.budgetLine},
          ${a.justification}, ${a.userId})
        returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Records an approver's decision and takes the version one up. */
export async function decideAid(
  tx: Db,
  tenantId: string,
  id: string,
  d: { status: 'approved' | 'rejected'; userId: string; note: string | null },
) {
  await tx.execute(
    sql`update aid_requests set status = ${d.status}, decided_by = ${d.userId}, decided_at = now(), decision_note = ${d.note},
          version = version + 1
         where tenant_id = ${tenantId} and id = ${id}`,
  );
}

/** Records the payment or handover and takes the version one up. */
export async function settleAid(
  tx: Db,
  tenantId: string,
  id: string,
  s: { status: 'paid' | 'handed_over'; on: string; reference: string | null; userId: string },
) {
  await tx.execute(
    sql`update aid_requests set status = ${s.status}, settled_on = ${s.on}::date, settlement_reference = ${s.reference},
          settled_by = ${s.userId}, settled_at = now(), version = version + 1
         where tenant_id = ${tenantId} and id = ${id}`,
  );
}
