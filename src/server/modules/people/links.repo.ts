import { sql } from 'drizzle-orm';
import { sqlRows, type Db } from '../../platform/db/database.js';

/** A row of the link log. */
export interface LinkRow {
  id: string;
  action: 'link' | 'unlink' | 'cannot_link';
  a_id: string;
  b_id: string;
  score: number | null;
  model_version: string | null;
  actor_label: string;
  reason: string | null;
  moved_rows: string[];
  changed: Record<string, [unknown, unknown]>;
  undoes: string | null;
  at: string;
  undone: boolean;
}

const SELECT = sql`select l.id, l.action, l.a_id, l.b_id, l.score, l.model_version, l.actor_label, l.reason, l.moved_rows,
  l.changed, l.undoes, to_char(l.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at,
  exists (select 1 from person_links u where u.tenant_id = l.tenant_id and u.undoes = l.id) as undone
  from person_links l`;

/** Appends an event to the link log; returns its id. */
export async function insertLink(
  tx: Db,
  tenantId: string,
  e: {
    compartmentId: string | null;
    action: LinkRow['action'];
    a: string;
    b: string;
    score: number | null;
    modelVersion: string | null;
    actorUserId: string | null;
    actorLabel: string;
    reason: string | null;
    movedRows?: string[];
    changed?: Record<string, [unknown, unknown]>;
    undoes?: string | null;
  },
): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into person_links (tenant_id, compartment_id, action, a_id, b_id, score, model_version, actor_user_id, actor_label,
          reason, moved_rows, changed, undoes)
        values (${tenantId}, ${e.compartmentId}, ${e.action}, ${e.a}, ${e.b}, ${e.score}, ${e.modelVersion}, ${e.actorUserId},
          ${e.actorLabel}, ${e.reason}, ${sql.param(e.movedRows ?? [])}::uuid[], ${JSON.stringify(e.changed ?? {})}::jsonb,
          ${e.undoes ?? null}) returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** One event of the log. */
export async function findLink(db: Db, tenantId: string, id: string): Promise<LinkRow | undefined> {
  const [row] = await sqlRows<LinkRow>(db, sql`${SELECT} where l.tenant_id = ${tenantId} and l.id = ${id}`);
  return row;
}

/** The events about any row of a cluster, newest first. */
export async function linksOfCluster(db: Db, tenantId: string, clusterId: string): Promise<LinkRow[]> {
  return sqlRows<LinkRow>(
    db,
    sql`${SELECT} where l.tenant_id = ${tenantId} and (l.a_id in (select id from persons where tenant_id = ${tenantId} and cluster_id = ${clusterId})
          or l.b_id in (select id from persons where tenant_id = ${tenantId} and cluster_id = ${clusterId}))
        order by l.at desc, l.id`,
  );
}

/** Moves rows into a cluster; returns the ids moved. */
export async function moveRows(tx: Db, tenantId: string, fromCluster: string, toCluster: string): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    tx,
    sql`update persons set cluster_id = ${toCluster} where tenant_id = ${tenantId} and cluster_id = ${fromCluster} returning id`,
  );
  return rows.map((r) => r.id);
}

/** Puts rows back into the cluster they were moved out of (those still in `currentCluster`). */
export async function restoreRows(tx: Db, tenantId: string, rows: string[], currentCluster: string, toCluster: string) {
  await tx.execute(
    sql`update persons set cluster_id = ${toCluster}
         where tenant_id = ${tenantId} and cluster_id = ${currentCluster} and id = any(${sql.param(rows)}::uuid[])`,
  );
}

/** Recomputes a survivor's search text from every spelling in its cluster (each row's names and aliases). */
export async function refreshClusterSearch(tx: Db, tenantId: string, clusterId: string, searchText: (names: string[]) => string) {
  const rows = await sqlRows<{ names: string[] }>(
    tx,
    sql`select array[given_name, family_name, given_name_latin, family_name_latin]
               || coalesce((select array_agg(x) from jsonb_array_elements(aliases) a, lateral (values (a->>'givenName'), (a->>'familyName')) v(x)), '{}')
               as names
          from persons where tenant_id = ${tenantId} and cluster_id = ${clusterId}`,
  );
  await tx.execute(
    sql`update persons set search_text = ${searchText(rows.flatMap((r) => r.names))} where tenant_id = ${tenantId} and id = ${clusterId}`,
  );
}

/** Closes the open reviews whose two rows are now in one cluster. */
export async function closeReviewsWithin(tx: Db, tenantId: string, clusterId: string, by: string | null) {
  await tx.execute(
    sql`update match_reviews r set status = 'linked', decided_by = ${by}, decided_at = now()
         where r.tenant_id = ${tenantId} and r.status = 'open'
           and r.a_id in (select id from persons where tenant_id = ${tenantId} and cluster_id = ${clusterId})
           and r.b_id in (select id from persons where tenant_id = ${tenantId} and cluster_id = ${clusterId})`,
  );
}

/** Whether two clusters were marked as different people. */
export async function cannotLink(db: Db, tenantId: string, a: string, b: string): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    db,
    sql`select 1 as one from person_links l join persons pa on pa.tenant_id = l.tenant_id and pa.id = l.a_id
          join persons pb on pb.tenant_id = l.tenant_id and pb.id = l.b_id
         where l.tenant_id = ${tenantId} and l.action = 'cannot_link'
           and ((pa.cluster_id = ${a} and pb.cluster_id = ${b}) or (pa.cluster_id = ${b} and pb.cluster_id = ${a})) limit 1`,
  );
  return rows.length > 0;
}
