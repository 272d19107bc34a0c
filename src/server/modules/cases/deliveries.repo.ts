import { sql, type SQL } from 'drizzle-orm';
import { bulkInsert, type BulkColumn } from '../../platform/db/bulk.js';
import { sqlRows, type Db } from '../../platform/db/database.js';
import { ISO, POS } from './cases.repo.js';
import type { Position } from './cursor.js';

/** A service delivered, with the names the day screen shows. */
export interface DeliveryRow {
  id: string;
  structure_slug: string;
  service: string;
  person_id: string;
  given_name: string;
  family_name: string;
  case_id: string | null;
  delivered_at: string;
  quantity: number;
  worker_user_id: string | null;
  worker_username: string | null;
  pos: string;
}

const SELECT = sql`select d.id, s.slug as structure_slug, d.service, q.id as person_id, q.given_name, q.family_name,
    d.case_id, ${ISO('d.delivered_at')} as delivered_at, d.quantity, d.worker_user_id, u.username as worker_username,
    ${POS('d.delivered_at')} as pos
  from service_deliveries d
  join structures s on s.tenant_id = d.tenant_id and s.id = d.structure_id
  join persons p on p.tenant_id = d.tenant_id and p.id = d.person_id
  join persons q on q.tenant_id = p.tenant_id and q.id = p.cluster_id
  left join users u on u.tenant_id = d.tenant_id and u.id = d.worker_user_id`;

/** Whether a structure offers a service (by slug) in the directory today. */
export async function structureOffers(db: Db, tenantId: string, structureId: string, service: string): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    db,
    sql`select 1 as one from services where tenant_id = ${tenantId} and structure_id = ${structureId} and slug = ${service}`,
  );
  return rows.length > 0;
}

/**
 * Deliveries in scope (`scope` is a condition on `d.structure_id`), newest first, one more than
 * the limit: of one structure on one day, or of any record of one person's cluster.
 */
export async function listDeliveries(
  db: Db,
  tenantId: string,
  f: {
    scope: SQL;
    structureId: string | null;
    /** A day in Thessaloniki, YYYY-MM-DD. */
    day: string | null;
    personCluster: string | null;
    after: Position | null;
    limit: number;
  },
): Promise<DeliveryRow[]> {
  const where: SQL[] = [sql`d.tenant_id = ${tenantId}`, f.scope];
  if (f.structureId) where.push(sql`d.structure_id = ${f.structureId}`);
  if (f.day) {
    where.push(sql`d.delivered_at >= (${f.day}::date)::timestamp at time zone 'Europe/Athens'
      and d.delivered_at < (${f.day}::date + 1)::timestamp at time zone 'Europe/Athens'`);
  }
  if (f.personCluster) {
    where.push(
      sql`d.person_id in (select r.id from persons r where r.tenant_id = ${tenantId} and r.cluster_id = ${f.personCluster})`,
    );
  }
  if (f.after) where.push(sql`(d.delivered_at, d.id) < (${f.after.at}::timestamptz, ${f.after.id}::uuid)`);
  return sqlRows<DeliveryRow>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)} order by d.delivered_at desc, d.id desc limit ${f.limit + 1}`,
  );
}

/** Deliveries by id, in the order given. */
export async function deliveriesById(db: Db, tenantId: string, ids: string[]): Promise<DeliveryRow[]> {
  if (ids.length === 0) return [];
  const rows = await sqlRows<DeliveryRow>(
    db,
    sql`${SELECT} where d.tenant_id = ${tenantId} and d.id = any(${sql.param(ids)}::uuid[])`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is DeliveryRow => r !== undefined);
}

/** A delivery to record. */
export interface NewDelivery {
  structureId: string;
  compartmentId: string | null;
  service: string;
  personId: string;
  caseId: string | null;
  deliveredAt: string;
  quantity: number;
  workerUserId: string;
}

const COLUMNS: BulkColumn[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'structure_id', type: 'uuid' },
  { name: 'compartment_id', type: 'uuid' },
  { name: 'service', type: 'text' },
  { name: 'person_id', type: 'uuid' },
  { name: 'case_id', type: 'uuid' },
  { name: 'delivered_at', type: 'timestamptz' },
  { name: 'quantity', type: 'integer' },
  { name: 'worker_user_id', type: 'uuid' },
];

/** Records deliveries in one statement; returns their ids in the order given. */
export async function insertDeliveries(tx: Db, tenantId: string, rows: NewDelivery[]): Promise<string[]> {
  const inserted = await sqlRows<{ id: string }>(
    tx,
    sql`${bulkInsert(
      'service_deliveries',
      COLUMNS,
      rows.map((d) => [
        tenantId,
        d.structureId,
        d.compartmentId,
        d.service,
        d.personId,
        d.caseId,
        d.deliveredAt,
        d.quantity,
        d.workerUserId,
      ]),
    )} returning id`,
  );
  return inserted.map((r) => r.id);
}
