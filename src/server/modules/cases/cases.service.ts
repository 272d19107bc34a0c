import type { TCase, TCaseCreate, TCaseDetail, TCasePatch, TCaseQuery, TCaseType } from '../../../shared/cases/case.js';
import { ENTRY_KINDS, type EntryKind } from '../../../shared/cases/lists.js';
import { recordAudit, type AuditContext, type AuditEvent } from '../../platform/audit/audit.js';
import { withActor, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError } from '../../platform/http/problem.js';
import { etagOf, requiredVersion, stale } from '../../platform/http/versions.js';
import { householdForActor, personForActor } from '../people/index.js';
import {
  CASEWORKER_ROLES,
  actAudited,
  caseForActor,
  caseRefused,
  caseScope,
  invalidField,
  personRefused,
  structureFor,
  type FoundCase,
} from './cases.access.js';
import * as repo from './cases.repo.js';
import { decodeCursor, pageOf } from './cursor.js';

/** A case as the API shows it. */
export function presentCase(r: repo.CaseRow): TCase {
  return {
    id: r.id,
    person:
      r.current_person_id !== null
        ? { id: r.current_person_id, givenName: r.given_name ?? '', familyName: r.family_name ?? '' }
        : null,
    household: r.household_id !== null ? { id: r.household_id } : null,
    structure: { slug: r.structure_slug, name: r.structure_name },
    type: { slug: r.type_slug, name: r.type_name, closureNeedsApproval: r.closure_needs_approval },
    assignedTo:
      r.assigned_user_id !== null
        ? { id: r.assigned_user_id, username: r.assigned_username ?? '', displayName: r.assigned_display_name ?? '' }
        : null,
    summary: r.summary,
    status: r.status,
    closureReason: r.closure_reason,
    closureOutcome: r.closure_outcome,
    closureApproval: r.approver !== null && r.approved_at !== null ? { by: r.approver, at: r.approved_at } : null,
    version: r.version,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    updatedAt: r.updated_at,
  };
}

/** The audit event of an action on a case: the case, its person and its structure. */
export function caseEvent(action: AuditEvent['action'], r: repo.CaseRow, extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    action,
    entityType: 'case',
    entityId: r.id,
    structureId: r.structure_id,
    ...(r.current_person_id ? { personId: r.current_person_id } : {}),
    ...extra,
  };
}

/** The case re-read after a change, in the caller's transaction. */
export async function reread(tx: Db, audit: AuditContext, actor: Actor, id: string): Promise<repo.CaseRow> {
  const found = await caseForActor(tx, audit, actor, id, 'case.read');
  if (!found) throw new Error('case not found after writing it');
  return found.row;
}

/**
 * Cases in the reader's scope, newest first. Without filters, the reader's own caseload; with a
 * structure or a person, every case there unless `assigned` says whose. One audit row per case listed.
 */
export async function listCases(db: Db, audit: AuditContext, actor: Actor, q: TCaseQuery) {
  const after = decodeCursor(q.cursor);
  return actAudited(db, audit, actor, async (tx) => {
    let structureId: string | null = null;
    if (q.structure) {
      const s = await repo.findStructure(tx, audit.tenantId, q.structure);
      if (!s) throw invalidField('query.structure', 'unknown_reference', 'problem.structure_not_found.detail');
      structureId = s.id;
    }
    let personCluster: string | null = null;
    if (q.person) {
      const found = await personForActor(tx, audit, actor, q.person, 'person.read');
      if (!found) throw personRefused(q.person, 'person.read');
      personCluster = found.row.id;
    }
    const assigned = q.assigned ?? (structureId || personCluster ? 'any' : 'me');
    const rows = await repo.listCases(tx, audit.tenantId, {
      scope: caseScope(actor, 'case.read', audit.tenantId),
      structureId,
      status: q.status ?? null,
      assigned: assigned === 'any' ? null : assigned === 'me' ? actor.userId : assigned,
      personCluster,
      after,
      limit: q.limit,
    });
    const { page, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.pos, id: r.id }));
    await recordAudit(
      tx,
      audit,
      page.map((r) => caseEvent('case.list', r)),
    );
    return { items: page.map(presentCase), nextCursor };
  });
}

/**
 * The case types offered at a structure, for the form that opens a case. Configuration rather than
 * personal data, so not audited; an unknown structure is 422 naming the query field.
 */
export async function listCaseTypes(db: Db, tenantId: string, actor: Actor, structure: string): Promise<{ items: TCaseType[] }> {
  return withActor(db, actor, async (tx) => {
    const s = await repo.findStructure(tx, tenantId, structure);
    if (!s) throw invalidField('query.structure', 'unknown_reference', 'problem.structure_not_found.detail');
    const rows = await repo.offeredCaseTypes(tx, tenantId, s);
    return { items: rows.map((r) => ({ slug: r.slug, name: r.name, closureNeedsApproval: r.closure_needs_approval })) };
  });
}

/** The case with its entry counts by kind (those the reader may see) and how many are hidden; the read is audited. */
export async function getCase(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
): Promise<{ item: TCaseDetail; etag: string }> {
  return actAudited(db, audit, actor, async (tx) => {
    const found = await caseForActor(tx, audit, actor, id, 'case.read');
    if (!found) throw caseRefused(id, 'case.read');
    const counts = await repo.entryCounts(tx, audit.tenantId, id, [...actor.clearances]);
    const entryCounts = Object.fromEntries(ENTRY_KINDS.map((k) => [k, 0])) as Record<EntryKind, number>;
    let hiddenEntries = 0;
    for (const c of counts) {
      entryCounts[c.kind] = c.visible;
      hiddenEntries += c.hidden;
    }
    await recordAudit(tx, audit, [
      caseEvent('case.read', found.row, found.access === 'break-glass' ? { reason: 'break-glass' } : {}),
    ]);
    return { item: { ...presentCase(found.row), entryCounts, hiddenEntries }, etag: etagOf(found.row.version) };
  });
}

/** The worker a case goes to: one who may carry cases at its structure (422 otherwise). */
async function checkAssignee(
  tx: Db,
  tenantId: string,
  userId: string,
  structure: { id: string; organisationId: string },
  field: string,
) {
  if (!(await repo.assigneeEligible(tx, tenantId, userId, structure, CASEWORKER_ROLES))) {
    throw invalidField(field, 'not_eligible', 'problem.assignee_not_eligible.detail');
  }
}

/**
 * Opens a case for a person or a household the actor may update, at a structure where the actor
 * may open cases, of a type the structure offers. A case at a confidential structure lies in its
 * compartment; its person or household must be of that compartment or of none.
 */
export async function createCase(db: Db, audit: AuditContext, actor: Actor, input: TCaseCreate) {
  return actAudited(db, audit, actor, async (tx) => {
    const structure = await structureFor(tx, audit, actor, input.structure, 'case.create');
    const compartmentId = structure.confidential ? structure.id : null;
    let personId: string | null = null;
    let householdId: string | null = null;
    if (input.person !== undefined) {
      const found = await personForActor(tx, audit, actor, input.person, 'person.update');
      if (!found || (found.row.compartment_id !== null && found.row.compartment_id !== compartmentId)) {
        throw personRefused(input.person, 'person.update');
      }
      personId = found.row.id;
    } else if (input.household !== undefined) {
      const found = await householdForActor(tx, audit, actor, input.household, 'person.update');
      if (!found || (found.compartmentId !== null && found.compartmentId !== compartmentId)) {
        throw new ProblemError(404, 'problem.not_found.title', 'problem.household_not_found.detail');
      }
      householdId = found.id;
    }
    const type = await repo.findCaseType(tx, audit.tenantId, input.type, structure);
    if (!type) throw invalidField('body.type', 'unknown_reference', 'problem.case_type_not_found.detail');
    const assignedUserId = input.assignedTo === undefined ? actor.userId : input.assignedTo;
    if (assignedUserId !== null) await checkAssignee(tx, audit.tenantId, assignedUserId, structure, 'body.assignedTo');
    const id = await repo.insertCase(tx, audit.tenantId, {
      personId,
      householdId,
      structureId: structure.id,
      compartmentId,
      caseTypeId: type.id,
      assignedUserId,
      summary: input.summary ?? null,
      openedBy: actor.userId,
    });
    const row = await reread(tx, audit, actor, id);
    const changes = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
    await recordAudit(tx, audit, [caseEvent('case.created', row, { changes })]);
    return { item: presentCase(row), etag: etagOf(row.version) };
  });
}

/** The case locked for a change with the permission, or a refusal (404, audited). */
export async function caseToChange(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  permission: 'case.update' | 'case.approve',
) {
  const found: FoundCase | null = await caseForActor(tx, audit, actor, id, permission, { lock: true });
  if (!found) throw caseRefused(id, permission);
  return found.row;
}

/**
 * Changes a case's type, worker or summary. The caller sends the version it read (If-Match,
 * 428 without); a case changed in the meantime answers 409 with the current version.
 */
export async function updateCase(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
  patch: TCasePatch,
) {
  const expected = requiredVersion(ifMatch);
  return actAudited(db, audit, actor, async (tx) => {
    const row = await caseToChange(tx, audit, actor, id, 'case.update');
    if (row.version !== expected) throw stale(row.version);
    const structure = await repo.findStructure(tx, audit.tenantId, row.structure_id);
    if (!structure) throw new Error('case structure not found');
    const change: repo.CaseChange = {};
    if (patch.type !== undefined) {
      const type = await repo.findCaseType(tx, audit.tenantId, patch.type, structure);
      if (!type) throw invalidField('body.type', 'unknown_reference', 'problem.case_type_not_found.detail');
      change.caseTypeId = type.id;
    }
    if (patch.assignedTo !== undefined) {
      if (patch.assignedTo !== null) await checkAssignee(tx, audit.tenantId, patch.assignedTo, structure, 'body.assignedTo');
      change.assignedUserId = patch.assignedTo;
    }
    if (patch.summary !== undefined) change.summary = patch.summary;
    await repo.updateCase(tx, audit.tenantId, id, change);
    const changes = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
    const updated = await reread(tx, audit, actor, id);
    await recordAudit(tx, audit, [caseEvent('case.updated', updated, { changes })]);
    return { item: presentCase(updated), etag: etagOf(updated.version) };
  });
}
