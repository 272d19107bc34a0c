import type { z } from 'zod';
import type { TStatusChange, ZClosureApproval, ZReassign } from '../../../shared/cases/case.js';
import { CASE_TRANSITIONS, canTransition } from '../../../shared/cases/lists.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { structuresWith, type Actor } from '../../platform/auth/index.js';
import { ProblemError, conflict } from '../../platform/http/problem.js';
import type { Db } from '../../platform/db/database.js';
import { CASEWORKER_ROLES, actAudited, inStructures, invalidField } from './cases.access.js';
import * as repo from './cases.repo.js';
import { etagOf } from '../../platform/http/versions.js';
import { caseEvent, caseToChange, presentCase, reread } from './cases.service.js';
import { insertEntries } from './timeline.repo.js';

/**
 * Moves a case to another status: only the legal moves (409 with the allowed ones otherwise).
 * Closing needs a reason and an outcome, the case.close permission, and, for case types that
 * require it, an approval first; reopening needs case.close too. Every change is a
 * status_change entry on the timeline.
 */
export async function changeStatus(db: Db, audit: AuditContext, actor: Actor, id: string, input: TStatusChange) {
  const closing = input.status === 'closed';
  if (closing && input.reason === undefined) throw invalidField('body.reason', 'required');
  if (closing && input.outcome === undefined) throw invalidField('body.outcome', 'required');
  if (!closing && input.reason !== undefined) throw invalidField('body.reason', 'closing_only');
  if (!closing && input.outcome !== undefined) throw invalidField('body.outcome', 'closing_only');
  return actAudited(db, audit, actor, async (tx) => {
    const row = await caseToChange(tx, audit, actor, id, 'case.update');
    if (!canTransition(row.status, input.status)) {
      throw new ProblemError(409, 'problem.conflict.title', 'problem.illegal_transition.detail', {
        currentStatus: row.status,
        allowed: CASE_TRANSITIONS[row.status],
      });
    }
    const reopening = row.status === 'closed';
    if ((closing || reopening) && !structuresHold(actor, 'case.close', row)) {
      throw new ProblemError(403, 'problem.forbidden.title', 'problem.cannot_close.detail');
    }
    if (closing && row.closure_needs_approval && row.approved_at === null)
      throw conflict('problem.closure_needs_approval.detail');
    await repo.updateCase(tx, audit.tenantId, id, {
      status: input.status,
      ...(closing && input.reason && input.outcome ? { closure: { reason: input.reason, outcome: input.outcome } } : {}),
      // A reopened case that closes again needs a new approval.
      ...(reopening ? { closure: null, approvedBy: null } : {}),
    });
    await insertEntries(tx, audit.tenantId, [
      {
        caseId: id,
        compartmentId: row.compartment_id,
        kind: 'status_change',
        body: {
          from: row.status,
          to: input.status,
          ...(input.reason ? { reason: input.reason } : {}),
          ...(input.outcome ? { outcome: input.outcome } : {}),
          ...(input.note ? { text: input.note } : {}),
        },
        sensitivity: null,
        authorUserId: actor.userId,
      },
    ]);
    const updated = await reread(tx, audit, actor, id);
    await recordAudit(tx, audit, [
      caseEvent('case.status_changed', updated, { changes: { from: row.status, to: input.status } }),
    ]);
    return { item: presentCase(updated), etag: etagOf(updated.version) };
  });
}

function structuresHold(actor: Actor, permission: 'case.close' | 'case.assign', row: { structure_id: string }): boolean {
  const where = structuresWith(actor, permission);
  return where === 'all' || where.includes(row.structure_id);
}

/**
 * An approver (case.approve) approves the closure of an active case whose type needs it; the
 * approval is an entry on the timeline and holds until the case closes or is reopened.
 */
export async function approveClosure(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZClosureApproval>,
) {
  return actAudited(db, audit, actor, async (tx) => {
    const row = await caseToChange(tx, audit, actor, id, 'case.approve');
    if (row.status === 'closed') throw conflict('problem.case_closed.detail');
    if (!row.closure_needs_approval) throw conflict('problem.approval_not_needed.detail');
    if (row.approved_at !== null) throw conflict('problem.already_approved.detail');
    await repo.updateCase(tx, audit.tenantId, id, { approvedBy: actor.userId });
    await insertEntries(tx, audit.tenantId, [
      {
        caseId: id,
        compartmentId: row.compartment_id,
        kind: 'approval',
        body: { subject: 'closure', decision: 'approved', ...(input.note ? { text: input.note } : {}) },
        sensitivity: null,
        authorUserId: actor.userId,
      },
    ]);
    const updated = await reread(tx, audit, actor, id);
    await recordAudit(tx, audit, [caseEvent('case.closure_approved', updated)]);
    return { item: presentCase(updated), etag: etagOf(updated.version) };
  });
}

/**
 * Moves every active case of one worker at a structure to another (a worker leaves): only where
 * the actor holds case.assign (a manager), to a worker who may carry cases there. All or nothing;
 * one audit row per case moved.
 */
export async function reassignCases(db: Db, audit: AuditContext, actor: Actor, input: z.infer<typeof ZReassign>) {
  if (input.from === input.to) throw invalidField('body.to', 'same_as_from');
  return actAudited(db, audit, actor, async (tx) => {
    const structure = await repo.findStructure(tx, audit.tenantId, input.structure);
    if (!structure) throw invalidField('body.structure', 'unknown_reference', 'problem.structure_not_found.detail');
    if (!inStructures(actor, structuresWith(actor, 'case.assign'), structure)) {
      throw new ProblemError(403, 'problem.forbidden.title', 'problem.case_structure_not_yours.detail');
    }
    if (!(await repo.assigneeEligible(tx, audit.tenantId, input.to, structure, CASEWORKER_ROLES))) {
      throw invalidField('body.to', 'not_eligible', 'problem.assignee_not_eligible.detail');
    }
    const moved = await repo.reassignCases(tx, audit.tenantId, structure.id, input.from, input.to);
    await recordAudit(
      tx,
      audit,
      moved.map((c) => ({
        action: 'case.reassigned' as const,
        entityType: 'case',
        entityId: c.id,
        structureId: structure.id,
        ...(c.person_id ? { personId: c.person_id } : {}),
        changes: { from: input.from, to: input.to },
      })),
    );
    return { reassigned: moved.length, cases: moved.map((c) => c.id) };
  });
}
