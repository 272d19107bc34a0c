import { sql } from 'drizzle-orm';
import type { TBreakGlass } from '../../../shared/auth.js';
import { recordAudit, type AuditContext } from '../audit/audit.js';
import { sqlRows, type Db } from '../db/database.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { Actor } from './actor.js';

interface Row {
  id: string;
  user_id: string;
  username: string;
  display_name: string;
  entity_type: string;
  entity_id: string;
  reason: string;
  opened_at: string;
  expires_at: string;
  reviewer: string | null;
  reviewed_at: string | null;
  review_outcome: 'justified' | 'not_justified' | null;
  review_note: string | null;
}

const ISO = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

function present(r: Row): TBreakGlass {
  return {
    id: r.id,
    user: { id: r.user_id, username: r.username, displayName: r.display_name },
    entityType: r.entity_type,
    entityId: r.entity_id,
    reason: r.reason,
    openedAt: r.opened_at,
    expiresAt: r.expires_at,
    review:
      r.reviewed_at && r.review_outcome && r.reviewer
        ? { by: r.reviewer, at: r.reviewed_at, outcome: r.review_outcome, note: r.review_note }
        : null,
  };
}

const SELECT = sql`select b.id, b.user_id, u.username, u.display_name, b.entity_type, b.entity_id, b.reason,
  ${ISO('b.opened_at')} as opened_at, ${ISO('b.expires_at')} as expires_at, r.username as reviewer,
  ${ISO('b.reviewed_at')} as reviewed_at, b.review_outcome, b.review_note
  from break_glass b join users u on u.id = b.user_id left join users r on r.id = b.reviewed_by`;

/**
 * Opens an out-of-scope record for a stated reason, for a short time (default 30 minutes).
 * The opening is audited and lands in the review queue. Modules ask `hasBreakGlass` before they
 * answer 404 for a record outside the actor's scope.
 */
export async function openBreakGlass(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  input: { entityType: string; entityId: string; reason: string; minutes: number },
): Promise<TBreakGlass> {
  const id = await db.transaction(async (tx) => {
    const [row] = await sqlRows<{ id: string }>(
      tx,
      sql`insert into break_glass (tenant_id, user_id, entity_type, entity_id, reason, expires_at)
          values (${audit.tenantId}, ${actor.userId}, ${input.entityType}, ${input.entityId}, ${input.reason},
                  now() + ${input.minutes} * interval '1 minute') returning id`,
    );
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, audit, [
      {
        action: 'breakglass.opened',
        entityType: input.entityType,
        entityId: input.entityId,
        ...(input.entityType === 'person' ? { personId: input.entityId } : {}),
        reason: input.reason,
        changes: { breakGlassId: row.id, minutes: input.minutes },
      },
    ]);
    return row.id;
  });
  const [row] = await sqlRows<Row>(db, sql`${SELECT} where b.id = ${id}`);
  if (!row) throw new Error('opening vanished');
  return present(row);
}

/** Whether the actor holds an unexpired opening of this record. */
export async function hasBreakGlass(
  db: Db,
  tenantId: string,
  actor: Actor,
  entityType: string,
  entityId: string,
): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    db,
    sql`select 1 as one from break_glass where tenant_id = ${tenantId} and user_id = ${actor.userId}
          and entity_type = ${entityType} and entity_id = ${entityId} and expires_at > now() limit 1`,
  );
  return rows.length > 0;
}

/** The review queue: unreviewed openings first, newest first. */
export async function listBreakGlass(db: Db, audit: AuditContext, q: { pending: boolean; limit: number; offset: number }) {
  const tenantId = audit.tenantId;
  const where = q.pending ? sql`b.tenant_id = ${tenantId} and b.reviewed_at is null` : sql`b.tenant_id = ${tenantId}`;
  const rows = await sqlRows<Row>(
    db,
    sql`${SELECT} where ${where} order by b.opened_at desc limit ${q.limit} offset ${q.offset}`,
  );
  const [count] = await sqlRows<{ n: string }>(db, sql`select count(*) as n from break_glass b where ${where}`);
  // The queue shows who opened what and why (a reason may describe a person): every opening shown is a read.
  await db.transaction((tx) =>
    recordAudit(
      tx,
      audit,
      rows.map((r) => ({
        action: 'breakglass.listed' as const,
        entityType: r.entity_type,
        entityId: r.entity_id,
        ...(r.entity_type === 'person' ? { personId: r.entity_id } : {}),
        changes: { breakGlassId: r.id },
      })),
    ),
  );
  return { items: rows.map(present), total: Number(count?.n ?? 0), limit: q.limit, offset: q.offset };
}

/** A supervisor reviews an opening (once; nobody reviews their own). */
export async function reviewBreakGlass(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  review: { outcome: 'justified' | 'not_justified'; note: string | null },
): Promise<TBreakGlass> {
  await db.transaction(async (tx) => {
    const [current] = await sqlRows<{ user_id: string; reviewed_at: string | null; entity_type: string; entity_id: string }>(
      tx,
      sql`select user_id, reviewed_at, entity_type, entity_id from break_glass where tenant_id = ${audit.tenantId} and id = ${id} for update`,
    );
    if (!current) throw notFound();
    if (current.user_id === actor.userId) throw new ProblemError(403, 'problem.forbidden.title', 'problem.own_review.detail');
    if (current.reviewed_at) throw new ProblemError(409, 'problem.conflict.title', 'problem.already_reviewed.detail');
    await tx.execute(
      sql`update break_glass set reviewed_by = ${actor.userId}, reviewed_at = now(), review_outcome = ${review.outcome},
            review_note = ${review.note} where id = ${id}`,
    );
    await recordAudit(tx, audit, [
      {
        action: 'breakglass.reviewed',
        entityType: current.entity_type,
        entityId: current.entity_id,
        reason: review.outcome,
        changes: { breakGlassId: id },
      },
    ]);
  });
  const [row] = await sqlRows<Row>(db, sql`${SELECT} where b.id = ${id}`);
  if (!row) throw notFound();
  return present(row);
}
