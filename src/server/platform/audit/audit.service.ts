import { sql, type SQL } from 'drizzle-orm';
import type { TAuditEvent } from '../../../shared/auth.js';
import { sqlRows, type Db } from '../db/database.js';
import { recordAudit, type AuditContext } from './audit.js';

/** Filters of the DPO's search. */
export interface AuditSearch {
  person?: string | undefined;
  user?: string | undefined;
  action?: string | undefined;
  structure?: string | undefined;
  outcome?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

const COLUMNS = sql`id::text, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor_user_id as "actorUserId",
  actor_label as "actorLabel", action, entity_type as "entityType", entity_id as "entityId", person_id as "personId",
  structure_id as "structureId", changes, request_id as "requestId", ip, outcome, reason`;

/** "Who accessed this person", "what did this user access": the trail filtered, newest first. Searching is itself audited. */
export async function searchAudit(db: Db, audit: AuditContext, f: AuditSearch) {
  const where: SQL[] = [sql`tenant_id = ${audit.tenantId}`];
  if (f.person) where.push(sql`person_id = ${f.person}::uuid`);
  if (f.user) where.push(sql`actor_user_id = ${f.user}::uuid`);
  if (f.action) where.push(sql`action = ${f.action}`);
  if (f.structure) where.push(sql`structure_id = ${f.structure}::uuid`);
  if (f.outcome) where.push(sql`outcome = ${f.outcome}`);
  if (f.from) where.push(sql`at >= ${f.from}::timestamptz`);
  if (f.to) where.push(sql`at < ${f.to}::timestamptz`);
  const rows = await sqlRows<TAuditEvent>(
    db,
    sql`select ${COLUMNS} from audit_event where ${sql.join(where, sql` and `)}
        order by audit_event.id desc limit ${f.limit} offset ${f.offset}`,
  );
  const totals = await sqlRows<{ n: string }>(
    db,
    sql`select count(*) as n from audit_event where ${sql.join(where, sql` and `)}`,
  );
  await db.transaction((tx) =>
    recordAudit(tx, audit, [
      {
        action: 'audit.searched',
        entityType: 'audit',
        personId: f.person,
        changes: Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)),
      },
    ]),
  );
  return {
    items: rows,
    total: Number(totals[0]?.n ?? 0),
    limit: f.limit,
    offset: f.offset,
  };
}

/** Users who read more than `threshold` distinct persons within `hours` up to now. */
export async function readAlerts(db: Db, tenantId: string, threshold: number, hours: number) {
  const rows = await sqlRows<{ userId: string; username: string; distinctPersons: string; from: string; to: string }>(
    db,
    sql`select actor_user_id as "userId", max(actor_label) as username, count(distinct person_id) as "distinctPersons",
               to_char(min(at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "from",
               to_char(max(at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "to"
          from audit_event
         where tenant_id = ${tenantId} and person_id is not null and actor_user_id is not null
           and at > now() - ${hours} * interval '1 hour'
         group by actor_user_id having count(distinct person_id) > ${threshold}
         order by count(distinct person_id) desc`,
  );
  return { items: rows.map((r) => ({ ...r, distinctPersons: Number(r.distinctPersons) })) };
}
