import { sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/access.js';
import type { TAidCreate, TAidDecision, TAidPayment, TAidQuery, TAidRequest } from '../../../shared/plans/aid.js';
import { aidMoves, type AidStatus } from '../../../shared/plans/lists.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { structureScope, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, conflict, notFound } from '../../platform/http/problem.js';
import { etagOf } from '../../platform/http/versions.js';
import { Refusal, actAudited, insertEntries, invalidField, type NewEntry } from '../cases/index.js';
import * as repo from './aid.repo.js';
import { caseAudit, caseFor, pastOrToday } from './plans.access.js';
import { structureBySlug } from './tasks.repo.js';

const user = (id: string, username: string | null, displayName: string | null) => ({
  id,
  username: username ?? '',
  displayName: displayName ?? '',
});

function present(r: repo.AidRow): TAidRequest {
  return {
    id: r.id,
    case: r.case_id,
    structure: { slug: r.structure_slug },
    kind: r.kind,
    amountCents: r.amount_cents,
    goods: r.goods,
    budgetLine: { code: r.budget_line, name: r.budget_line_name },
    justification: r.justification,
    status: r.status,
    recommendedBy: user(r.recommended_by, r.recommender_username, r.recommender_display_name),
    recommendedAt: r.recommended_at,
    decision:
      r.decided_by !== null && r.decided_at !== null
        ? { by: user(r.decided_by, r.decider_username, r.decider_display_name), at: r.decided_at, note: r.decision_note }
        : null,
    settlement:
      r.settled_by !== null && r.settled_on !== null
        ? {
            on: r.settled_on,
            reference: r.settlement_reference,
            by: user(r.settled_by, r.settler_username, r.settler_display_name),
          }
        : null,
    version: r.version,
  };
}

const scopeOf = (actor: Actor, permission: Permission, tenantId: string) =>
  structureScope(actor, permission, tenantId, sql`c.structure_id`);

/** The aid request locked for a step with the permission, or a refusal (404, audited). */
async function aidFor(tx: Db, audit: AuditContext, actor: Actor, id: string, permission: Permission): Promise<repo.AidRow> {
  const row = await repo.findAid(tx, audit.tenantId, id, scopeOf(actor, permission, audit.tenantId), true);
  if (!row) throw new Refusal(notFound('problem.aid_request_not_found.detail'), 'aid_request', [id], permission);
  return row;
}

/** 409 naming the current status and the moves open from it. */
const illegal = (r: repo.AidRow) =>
  new ProblemError(409, 'problem.conflict.title', 'problem.aid_illegal_transition.detail', {
    currentStatus: r.status,
    allowed: aidMoves(r.kind, r.status),
  });

/** The `approval` entry of an aid step on the request's case. */
function aidEntry(r: repo.AidRow, actor: Actor, body: Record<string, unknown>): NewEntry {
  return {
    caseId: r.case_id,
    compartmentId: r.compartment_id,
    kind: 'approval',
    body: { subject: 'aid', aidRequest: r.id, ...body },
    sensitivity: null,
    authorUserId: actor.userId,
  };
}

async function reread(tx: Db, audit: AuditContext, id: string): Promise<repo.AidRow> {
  const row = await repo.findAid(tx, audit.tenantId, id, sql`true`);
  if (!row) throw new Error('aid request not found after writing it');
  return row;
}

/**
 * A worker recommends aid on a case they may update (not closed): cash with an amount in euro
 * cents or goods with a description, from an active budget line, with a justification. The
 * request waits for an approver; the recommendation is an `approval` entry on the timeline.
 */
export async function recommendAid(db: Db, audit: AuditContext, actor: Actor, caseId: string, input: TAidCreate) {
  return actAudited(db, audit, actor, async (tx) => {
    const { row: c } = await caseFor(tx, audit, actor, caseId, 'case.update');
    if (c.status === 'closed') throw conflict('problem.case_closed.detail');
    if (!(await repo.budgetLineExists(tx, audit.tenantId, input.budgetLine))) {
      throw invalidField('body.budgetLine', 'unknown_reference', 'problem.budget_line_not_found.detail');
    }
    const id = await repo.insertAid(tx, audit.tenantId, {
      caseId: c.id,
      compartmentId: c.compartment_id,
      kind: input.kind,
      amountCents: input.kind === 'cash' ? input.amountCents : null,
      goods: input.kind === 'in_kind' ? input.goods : null,
      budgetLine: input.budgetLine,
      justification: input.justification,
      userId: actor.userId,
    });
    const row = await reread(tx, audit, id);
    await insertEntries(tx, audit.tenantId, [
      aidEntry(row, actor, {
        step: 'recommended',
        kind: row.kind,
        ...(row.amount_cents !== null ? { amountCents: row.amount_cents } : {}),
        budgetLine: row.budget_line,
      }),
    ]);
    await recordAudit(tx, audit, [caseAudit('aid.recommended', row, 'aid_request', id, { changes: { case: c.id } })]);
    return { item: present(row), etag: etagOf(row.version) };
  });
}

/** The aid requests of a case the actor may read, oldest first; one audit row per request. */
export async function listCaseAid(db: Db, audit: AuditContext, actor: Actor, caseId: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const { row: c } = await caseFor(tx, audit, actor, caseId, 'case.read');
    const rows = await repo.listAid(tx, audit.tenantId, {
      scope: sql`true`,
      caseId: c.id,
      status: null,
      structureId: null,
      limit: 500,
    });
    await recordAudit(
      tx,
      audit,
      rows.map((r) => caseAudit('aid.list', r, 'aid_request', r.id)),
    );
    return { items: rows.map(present) };
  });
}

/** Aid requests of the cases in the reader's scope, by status (the approver's queue: recommended) and structure. */
export async function listAid(db: Db, audit: AuditContext, actor: Actor, q: TAidQuery) {
  return actAudited(db, audit, actor, async (tx) => {
    let structureId: string | null = null;
    if (q.structure !== undefined) {
      const s = await structureBySlug(tx, audit.tenantId, q.structure);
      if (!s) throw invalidField('query.structure', 'unknown_reference', 'problem.structure_not_found.detail');
      structureId = s.id;
    }
    const rows = await repo.listAid(tx, audit.tenantId, {
      scope: scopeOf(actor, 'case.read', audit.tenantId),
      caseId: null,
      status: q.status ?? null,
      structureId,
      limit: q.limit,
    });
    await recordAudit(
      tx,
      audit,
      rows.map((r) => caseAudit('aid.list', r, 'aid_request', r.id)),
    );
    return { items: rows.map(present) };
  });
}

/**
 * An approver (case.approve at the case's structure) approves or rejects a recommendation; never
 * their own (403). Any other status answers 409 with the moves open. An `approval` entry records it.
 */
export async function decideAid(db: Db, audit: AuditContext, actor: Actor, id: string, input: TAidDecision) {
  return actAudited(db, audit, actor, async (tx) => {
    const r = await aidFor(tx, audit, actor, id, 'case.approve');
    if (r.recommended_by === actor.userId) {
      throw new ProblemError(403, 'problem.forbidden.title', 'problem.aid_own_recommendation.detail');
    }
    if (!aidMoves(r.kind, r.status).includes(input.decision)) throw illegal(r);
    await repo.decideAid(tx, audit.tenantId, id, { status: input.decision, userId: actor.userId, note: input.note ?? null });
    await insertEntries(tx, audit.tenantId, [
      aidEntry(r, actor, { step: input.decision, decision: input.decision, ...(input.note ? { text: input.note } : {}) }),
    ]);
    const row = await reread(tx, audit, id);
    await recordAudit(tx, audit, [
      caseAudit('aid.decided', row, 'aid_request', id, { changes: { from: r.status, to: input.decision } }),
    ]);
    return { item: present(row), etag: etagOf(row.version) };
  });
}

/**
 * Records the payment of approved cash or the handover of approved goods (the worker, case.update
 * at the case's structure), with its day and reference; anything but an approved request is 409.
 */
export async function settleAid(db: Db, audit: AuditContext, actor: Actor, id: string, input: TAidPayment) {
  return actAudited(db, audit, actor, async (tx) => {
    const r = await aidFor(tx, audit, actor, id, 'case.update');
    const to: AidStatus & ('paid' | 'handed_over') = r.kind === 'cash' ? 'paid' : 'handed_over';
    if (!aidMoves(r.kind, r.status).includes(to)) throw illegal(r);
    const on = pastOrToday(input.on, 'body.on');
    await repo.settleAid(tx, audit.tenantId, id, { status: to, on, reference: input.reference ?? null, userId: actor.userId });
    await insertEntries(tx, audit.tenantId, [
      aidEntry(r, actor, { step: to, on, ...(input.reference ? { reference: input.reference } : {}) }),
    ]);
    const row = await reread(tx, audit, id);
    await recordAudit(tx, audit, [caseAudit('aid.settled', row, 'aid_request', id, { changes: { from: r.status, to } })]);
    return { item: present(row), etag: etagOf(row.version) };
  });
}
