import { sql } from 'drizzle-orm';
import { sqlRows, type Db } from '../../platform/db/database.js';

/** A review of the queue, with the rows it is about. */
export interface ReviewRow {
  id: string;
  a_id: string;
  b_id: string;
  a_cluster: string;
  b_cluster: string;
  score: number;
  weight: number;
  status: 'open' | 'linked' | 'rejected' | 'cannot_link';
  created_at: string;
}

/** Queues a pair of rows for a person to decide (once per pair); returns whether it was new. */
export async function queueReview(
  tx: Db,
  tenantId: string,
  r: { compartmentId: string | null; a: string; b: string; score: number; weight: number; modelVersion: string },
): Promise<boolean> {
  const [a, b] = r.a < r.b ? [r.a, r.b] : [r.b, r.a];
  const rows = await sqlRows<{ id: string }>(
    tx,
    sql`insert into match_reviews (tenant_id, compartment_id, a_id, b_id, score, weight, model_version)
        values (${tenantId}, ${r.compartmentId}, ${a}, ${b}, ${r.score}, ${r.weight}, ${r.modelVersion})
        on conflict (tenant_id, a_id, b_id) do nothing returning id`,
  );
  return rows.length > 0;
}

/** Queues many pairs at once; returns how many were new. */
export async function queueReviews(
  tx: Db,
  tenantId: string,
  compartmentId: string | null,
  pairs: { a: string; b: string; score: number; weight: number }[],
  modelVersion: string,
): Promise<number> {
  if (pairs.length === 0) return 0;
  const values = pairs.map((p) => {
    const [a, b] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
    return sql`(${tenantId}, ${compartmentId}, ${a}::uuid, ${b}::uuid, ${p.score}, ${p.weight}, ${modelVersion})`;
  });
  const rows = await sqlRows<{ id: string }>(
    tx,
    sql`insert into match_reviews (tenant_id, compartment_id, a_id, b_id, score, weight, model_version)
        values ${sql.join(values, sql`, `)} on conflict (tenant_id, a_id, b_id) do nothing returning id`,
  );
  return rows.length;
}

const SELECT = sql`select r.id, r.a_id, r.b_id, pa.cluster_id as a_cluster, pb.cluster_id as b_cluster, r.score, r.weight, r.status,
  to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at
  from match_reviews r join persons pa on pa.tenant_id = r.tenant_id and pa.id = r.a_id
  join persons pb on pb.tenant_id = r.tenant_id and pb.id = r.b_id`;

/** Reviews by status, best score first, whose pair is not (yet) one person. */
export async function listReviews(
  db: Db,
  tenantId: string,
  f: { status: ReviewRow['status']; limit: number; offset: number; scope: ReturnType<typeof sql> },
) {
  const where = sql`r.tenant_id = ${tenantId} and r.status = ${f.status} and (${f.status} <> 'open' or pa.cluster_id <> pb.cluster_id) and ${f.scope}`;
  const rows = await sqlRows<ReviewRow>(
    db,
    sql`${SELECT} where ${where} order by r.score desc, r.id limit ${f.limit} offset ${f.offset}`,
  );
  const [count] = await sqlRows<{ n: string }>(
    db,
    sql`select count(*) as n from match_reviews r join persons pa on pa.tenant_id = r.tenant_id and pa.id = r.a_id
        join persons pb on pb.tenant_id = r.tenant_id and pb.id = r.b_id where ${where}`,
  );
  return { rows, total: Number(count?.n ?? 0) };
}

/** One review, locked for a decision. */
export async function findReview(tx: Db, tenantId: string, id: string): Promise<ReviewRow | undefined> {
  const [row] = await sqlRows<ReviewRow>(tx, sql`${SELECT} where r.tenant_id = ${tenantId} and r.id = ${id} for update of r`);
  return row;
}

/** Records a decision. */
export async function decideReview(tx: Db, tenantId: string, id: string, status: ReviewRow['status'], by: string | null) {
  await tx.execute(
    sql`update match_reviews set status = ${status}, decided_by = ${by}, decided_at = now() where tenant_id = ${tenantId} and id = ${id}`,
  );
}
