import { sql, type SQL } from 'drizzle-orm';
import { ROLE_KEYS, ROLES, type Permission } from '../../../shared/access.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { hasBreakGlass, structureScope, structuresWith, withActor, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, notFound } from '../../platform/http/problem.js';
import type { MessageKey } from '../../platform/i18n/messages.js';
import * as repo from './cases.repo.js';

/** The scope of a permission over cases: a condition on the case's structure `c.structure_id`. */
export function caseScope(actor: Actor, permission: Permission, tenantId: string): SQL {
  return structureScope(actor, permission, tenantId, sql`c.structure_id`);
}

/** The roles that may carry a case (hold case.update): who can be assigned one. */
export const CASEWORKER_ROLES = ROLE_KEYS.filter((r) => ROLES[r].permissions.includes('case.update'));

/** A case found for an actor and how the actor may see it. */
export interface FoundCase {
  row: repo.CaseRow;
  access: 'scope' | 'break-glass';
}

/**
 * The case if the actor may act on it with the permission, inside the caller's transaction
 * (withActor): its structure is in the actor's scope, or (reading only) the actor opened it by
 * break-glass. Other compartments are invisible already (row-level security). Null means 404.
 */
export async function caseForActor(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  permission: Permission,
  options: { lock?: boolean } = {},
): Promise<FoundCase | null> {
  const row = await repo.findCase(tx, audit.tenantId, id, caseScope(actor, permission, audit.tenantId), options.lock);
  if (row) return { row, access: 'scope' };
  if (permission !== 'case.read' || !(await hasBreakGlass(tx, audit.tenantId, actor, 'case', id))) return null;
  const opened = await repo.findCase(tx, audit.tenantId, id, sql`true`);
  return opened ? { row: opened, access: 'break-glass' } : null;
}

/** A refusal found inside a transaction: the transaction rolls back, then the refusal is audited and answered. */
export class Refusal extends Error {
  constructor(
    readonly problem: ProblemError,
    readonly entityType: string,
    readonly entityIds: string[],
    readonly permission: Permission,
    readonly personIds: (string | undefined)[] = [],
  ) {
    super(problem.detailKey);
  }
}

/** A case the actor may not see (or that does not exist), for the permission. */
export const caseRefused = (id: string, permission: Permission) =>
  new Refusal(notFound('problem.case_not_found.detail'), 'case', [id], permission);

/** A person the actor may not see (or who does not exist), for the permission. */
export const personRefused = (id: string, permission: Permission) =>
  new Refusal(notFound('problem.person_not_found.detail'), 'person', [id], permission, [id]);

/**
 * Runs fn in the actor's transaction. A Refusal thrown inside is written to the audit trail in
 * a transaction of its own (the change rolled back) and answered with its problem.
 */
export async function actAudited<T>(db: Db, audit: AuditContext, actor: Actor, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await withActor(db, actor, fn);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await withActor(db, actor, (tx) =>
      recordAudit(
        tx,
        audit,
        error.entityIds.map((entityId, i) => {
          const personId = error.personIds[i];
          return {
            action: 'access.denied' as const,
            outcome: 'denied' as const,
            entityType: error.entityType,
            entityId,
            ...(personId ? { personId } : {}),
            reason: error.permission,
          };
        }),
      ),
    );
    throw error.problem;
  }
}

/** 422 naming one field of the request and why, never its value. */
export const invalidField = (field: string, code: string, detail: MessageKey = 'problem.validation.detail') =>
  new ProblemError(422, 'problem.validation.title', detail, { errors: [{ field, code }] });

/**
 * The structure a write goes to: the one named, or the actor's only one for the permission; it
 * must be one where the actor holds the permission (403 otherwise, 422 when unknown).
 */
export async function structureFor(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  named: string | undefined,
  permission: Permission,
): Promise<{ id: string; organisationId: string; confidential: boolean; type: string }> {
  const where = structuresWith(actor, permission);
  const pick = named ?? actor.currentStructureId ?? (where !== 'all' && where.length === 1 ? where[0] : undefined);
  if (!pick) {
    throw new ProblemError(422, 'problem.validation.title', 'problem.structure_required.detail', {
      errors: [{ field: 'body.structure', code: 'required' }],
    });
  }
  const s = await repo.findStructure(tx, audit.tenantId, pick);
  if (!s) {
    throw new ProblemError(422, 'problem.validation.title', 'problem.structure_not_found.detail', {
      errors: [{ field: 'body.structure', code: 'unknown_reference' }],
    });
  }
  if (!inStructures(actor, where, s)) {
    throw new ProblemError(403, 'problem.forbidden.title', 'problem.case_structure_not_yours.detail');
  }
  return s;
}

/** Whether a structure is among those where the actor holds a permission (structuresWith). */
export function inStructures(
  actor: Actor,
  where: 'all' | string[],
  s: { id: string; organisationId: string; confidential: boolean },
): boolean {
  return where === 'all'
    ? s.organisationId === actor.organisationId && (!s.confidential || actor.compartments.includes(s.id))
    : where.includes(s.id);
}
