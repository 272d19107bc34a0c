import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { TAction, TOwner, TPlan, TPlanPut, TReviewCreate, ZActionPatch } from '../../../shared/plans/plan.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import { etagOf, requiredVersion, stale } from '../../platform/http/versions.js';
import { Refusal, actAudited, caseForActor, insertEntries, invalidField } from '../cases/index.js';
import { caseAudit, caseFor, entryOf, pastOrToday, type CaseRow } from './plans.access.js';
import { resolveGoals } from './plans.resolve.js';
import * as repo from './plans.repo.js';

/** An action's owner as the API shows it. */
export function ownerOf(a: repo.ActionRow): TOwner {
  if (a.owner_kind === 'worker') {
    return {
      kind: 'worker',
      user: { id: a.owner_user_id ?? '', username: a.owner_username ?? '', displayName: a.owner_display_name ?? '' },
    };
  }
  if (a.owner_kind === 'person') return { kind: 'person', person: { id: a.owner_person_id ?? '' } };
  return {
    kind: 'structure',
    structure: { slug: a.owner_structure_slug ?? '', name: a.owner_structure_name ?? { el: '', en: '' } },
  };
}

function presentAction(a: repo.ActionRow): TAction {
  return { id: a.id, text: a.text, owner: ownerOf(a), dueOn: a.due_on, status: a.status };
}

/** The plan of a case as the API shows it: version 0 and no goals before one is written. */
async function planOf(tx: Db, tenantId: string, caseId: string): Promise<TPlan> {
  const plan = await repo.findPlan(tx, tenantId, caseId);
  if (!plan) return { case: caseId, version: 0, goals: [], nextReviewOn: null, reviews: [], updatedAt: null, updatedBy: null };
  const { goals, actions } = await repo.goalsOf(tx, tenantId, plan.id);
  const reviews = await repo.reviewsOf(tx, tenantId, plan.id);
  return {
    case: caseId,
    version: plan.version,
    goals: goals.map((g) => ({ ...g, actions: actions.filter((a) => a.goal_id === g.id).map(presentAction) })),
    nextReviewOn: plan.next_review_on,
    reviews: reviews.map((r) => ({
      id: r.id,
      reviewedOn: r.reviewed_on,
      note: r.note,
      nextReviewOn: r.next_review_on,
      reviewer:
        r.reviewer_user_id !== null
          ? { id: r.reviewer_user_id, username: r.reviewer_username ?? '', displayName: r.reviewer_display_name ?? '' }
          : null,
      createdAt: r.created_at,
    })),
    updatedAt: plan.updated_at,
    updatedBy: plan.updated_by,
  };
}

/** The current plan of a case the actor may read, with its ETag; the read is audited. */
export async function getPlan(db: Db, audit: AuditContext, actor: Actor, caseId: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const { row: c, breakGlass } = await caseFor(tx, audit, actor, caseId, 'case.read');
    const item = await planOf(tx, audit.tenantId, c.id);
    await recordAudit(tx, audit, [caseAudit('plan.read', c, 'case', c.id, breakGlass ? { reason: 'break-glass' } : {})]);
    return { item, etag: etagOf(item.version) };
  });
}

/** The case locked for a change of its plan: in scope for case.update and not closed. */
async function caseToPlan(tx: Db, audit: AuditContext, actor: Actor, caseId: string): Promise<CaseRow> {
  const { row: c } = await caseFor(tx, audit, actor, caseId, 'case.update', { lock: true });
  if (c.status === 'closed') throw conflict('problem.case_closed.detail');
  return c;
}

/**
 * Writes the plan of a case: its goals and actions replace the current ones as a whole, and the
 * version goes one up. The caller sends the ETag it read (If-Match; "v0" for a first plan, 428
 * without); a plan changed in the meantime answers 409 with the current version. The case row is
 * locked first, so two first plans cannot both be written. Each version is a `plan_change` entry
 * on the timeline with the whole plan.
 */
export async function putPlan(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  caseId: string,
  ifMatch: string | undefined,
  input: TPlanPut,
) {
  return actAudited(db, audit, actor, async (tx) => {
    const c = await caseToPlan(tx, audit, actor, caseId);
    const expected = requiredVersion(ifMatch);
    const plan = await repo.findPlan(tx, audit.tenantId, c.id, true);
    const current = plan?.version ?? 0;
    if (expected !== current) throw stale(current);
    const stored = plan ? await repo.goalsOf(tx, audit.tenantId, plan.id) : { goals: [], actions: [] };
    const goals = await resolveGoals(tx, audit, actor, input, stored, randomUUID);
    const planId = plan ? plan.id : await repo.insertPlan(tx, audit.tenantId, c.id, c.compartment_id, actor.userId);
    const version = plan ? await repo.bumpPlan(tx, audit.tenantId, plan.id, actor.userId) : 1;
    await repo.replaceGoals(tx, audit.tenantId, planId, c.compartment_id, goals);
    const item = await planOf(tx, audit.tenantId, c.id);
    await insertEntries(tx, audit.tenantId, [
      entryOf(c, actor, 'plan_change', {
        change: plan ? 'updated' : 'created',
        version,
        goals: item.goals.map((g) => ({
          id: g.id,
          domain: g.domain,
          text: g.text,
          status: g.status,
          actions: g.actions.map((a) => ({ id: a.id, text: a.text, owner: a.owner.kind, dueOn: a.dueOn, status: a.status })),
        })),
      }),
    ]);
    const actionCount = goals.reduce((n, g) => n + g.actions.length, 0);
    await recordAudit(tx, audit, [
      caseAudit('plan.updated', c, 'action_plan', planId, { changes: { version, goals: goals.length, actions: actionCount } }),
    ]);
    return { item, etag: etagOf(item.version) };
  });
}

/**
 * Records a periodic review of a case's plan and the date of the next one (none when left out);
 * the plan takes the next version, and the review is a `plan_change` entry on the timeline.
 */
export async function addReview(db: Db, audit: AuditContext, actor: Actor, caseId: string, input: TReviewCreate) {
  return actAudited(db, audit, actor, async (tx) => {
    const c = await caseToPlan(tx, audit, actor, caseId);
    const plan = await repo.findPlan(tx, audit.tenantId, c.id, true);
    if (!plan) throw conflict('problem.no_plan.detail');
    const reviewedOn = pastOrToday(input.reviewedOn, 'body.reviewedOn');
    const next = input.nextReviewOn ?? null;
    if (next !== null && next <= reviewedOn) throw invalidField('body.nextReviewOn', 'not_after_review');
    const id = await repo.insertReview(tx, audit.tenantId, {
      planId: plan.id,
      compartmentId: c.compartment_id,
      reviewedOn,
      note: input.note,
      nextReviewOn: next,
      userId: actor.userId,
    });
    const version = await repo.bumpPlan(tx, audit.tenantId, plan.id, actor.userId, next);
    await insertEntries(tx, audit.tenantId, [
      entryOf(c, actor, 'plan_change', {
        change: 'review',
        version,
        review: id,
        reviewedOn,
        nextReviewOn: next,
        text: input.note,
      }),
    ]);
    await recordAudit(tx, audit, [caseAudit('plan.reviewed', c, 'action_plan', plan.id, { changes: { version, review: id } })]);
    const item = await planOf(tx, audit.tenantId, c.id);
    return { item, etag: etagOf(item.version) };
  });
}

const actionRefused = (id: string) =>
  new Refusal(notFound('problem.plan_action_not_found.detail'), 'plan_action', [id], 'case.update');

/**
 * Changes the status of one action (a task done or cancelled, or open again), without the plan's
 * version: a task list is not a plan editor. The plan still takes the next version, so an editor
 * holding the old one gets 409 rather than overwrite the change. A `plan_change` entry records it.
 */
export async function patchAction(db: Db, audit: AuditContext, actor: Actor, id: string, input: z.infer<typeof ZActionPatch>) {
  return actAudited(db, audit, actor, async (tx) => {
    const found = await repo.findAction(tx, audit.tenantId, id);
    if (!found) throw actionRefused(id);
    const c = await caseForActor(tx, audit, actor, found.case_id, 'case.update', { lock: true });
    if (!c) throw actionRefused(id);
    if (c.row.status === 'closed') throw conflict('problem.case_closed.detail');
    const plan = await repo.findPlan(tx, audit.tenantId, found.case_id, true);
    if (!plan) throw new Error('plan of an action not found');
    let version = plan.version;
    const before = (await repo.actionById(tx, audit.tenantId, id))?.status ?? found.status;
    if (before !== input.status) {
      await repo.setActionStatus(tx, audit.tenantId, id, input.status);
      version = await repo.bumpPlan(tx, audit.tenantId, plan.id, actor.userId);
      await insertEntries(tx, audit.tenantId, [
        entryOf(c.row, actor, 'plan_change', { change: 'action_status', version, action: id, from: before, to: input.status }),
      ]);
    }
    await recordAudit(tx, audit, [
      caseAudit('plan.action_updated', c.row, 'plan_action', id, { changes: { from: before, to: input.status } }),
    ]);
    const action = await repo.actionById(tx, audit.tenantId, id);
    if (!action) throw new Error('action not found after writing it');
    return { item: { ...presentAction(action), case: found.case_id, planVersion: version }, etag: etagOf(version) };
  });
}
