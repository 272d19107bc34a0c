import { sql } from 'drizzle-orm';
import type { TOverdue, TOverdueQuery } from '../../../shared/plans/plan.js';
import { recordAudit, type AuditContext, type AuditEvent } from '../../platform/audit/audit.js';
import { structureScope, structuresWith, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError } from '../../platform/http/problem.js';
import { actAudited, invalidField } from '../cases/index.js';
import { today } from './plans.access.js';
import { ownerOf } from './plans.service.js';
import * as repo from './tasks.repo.js';

/** Whether the actor manages the structure: holds case.assign there (structure managers, the director). */
function manages(actor: Actor, s: { id: string; organisationId: string; confidential: boolean }): boolean {
  const where = structuresWith(actor, 'case.assign');
  return where === 'all'
    ? s.organisationId === actor.organisationId && (!s.confidential || actor.compartments.includes(s.id))
    : where.includes(s.id);
}

/**
 * The overdue list: open actions past their due date and plans past their review date, on active
 * cases in the reader's scope. By default the reader's own (`assigned=me`); with a structure every
 * one there, for those who manage it (403 otherwise). One audit row per task and per plan listed.
 */
export async function overdue(db: Db, audit: AuditContext, actor: Actor, q: TOverdueQuery): Promise<TOverdue> {
  return actAudited(db, audit, actor, async (tx) => {
    let structureId: string | null = null;
    if (q.structure !== undefined) {
      const s = await repo.structureBySlug(tx, audit.tenantId, q.structure);
      if (!s) throw invalidField('query.structure', 'unknown_reference', 'problem.structure_not_found.detail');
      if (!manages(actor, s)) throw new ProblemError(403, 'problem.forbidden.title', 'problem.tasks_structure_not_yours.detail');
      structureId = s.id;
    }
    const filters: repo.OverdueFilters = {
      scope: structureScope(actor, 'case.read', audit.tenantId, sql`c.structure_id`),
      mine: q.assigned === 'me' || structureId === null ? actor.userId : null,
      structureId,
      today: today(),
      limit: q.limit,
    };
    const tasks = await repo.overdueTasks(tx, audit.tenantId, filters);
    const reviews = await repo.reviewsDue(tx, audit.tenantId, filters);
    const events: AuditEvent[] = [
      ...tasks.map((t) => rowEvent('plan_action', t.id, t)),
      ...reviews.map((r) => rowEvent('case', r.case_id, r)),
    ];
    await recordAudit(tx, audit, events);
    return {
      tasks: tasks.map((t) => ({
        action: t.id,
        case: t.case_id,
        structure: { slug: t.structure_slug },
        goalDomain: t.goal_domain,
        text: t.text,
        owner: ownerOf(t),
        dueOn: t.due_on ?? '',
        daysOverdue: t.days_overdue,
      })),
      reviews: reviews.map((r) => ({
        case: r.case_id,
        structure: { slug: r.structure_slug },
        nextReviewOn: r.next_review_on,
        daysOverdue: r.days_overdue,
      })),
    };
  });
}

function rowEvent(entityType: string, entityId: string, r: { structure_id: string; person_id: string | null }): AuditEvent {
  return {
    action: 'task.list',
    entityType,
    entityId,
    structureId: r.structure_id,
    ...(r.person_id ? { personId: r.person_id } : {}),
  };
}
