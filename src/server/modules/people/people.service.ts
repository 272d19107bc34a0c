import type { TPerson, TPersonCreate, TPersonPatch, TPersonQuery, TPersonSummary } from '../../../shared/people/person.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { hasBreakGlass, structuresWith, withActor, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, conflict, isUniqueViolation, notFound } from '../../platform/http/problem.js';
import { identifierValues, personValues, queryTokens } from './people.keys.js';
import { IDENTIFIER_LABELS, personScope, unclearedFields } from './people.policy.js';
import { presentPerson, presentSummary } from './people.present.js';
import * as repo from './people.repo.js';

/** A person with the version its ETag carries. */
export interface PersonWithVersion {
  person: TPerson;
  etag: string;
}

/** The ETag of a version of a record. */
export const etagOf = (version: number) => `"v${version}"`;

/** Persons in the reader's scope, by name; every record returned is a read on the audit trail. */
export async function listPersons(db: Db, audit: AuditContext, actor: Actor, q: TPersonQuery) {
  return withActor(db, actor, async (tx) => {
    let structureId: string | null = null;
    if (q.structure) {
      const s = await repo.findStructure(tx, audit.tenantId, q.structure);
      if (!s)
        throw new ProblemError(422, 'problem.validation.title', 'problem.structure_not_found.detail', {
          errors: [{ field: 'query.structure', code: 'unknown_reference' }],
        });
      structureId = s.id;
    }
    const { rows, total } = await repo.listPersons(tx, audit.tenantId, {
      scope: personScope(actor, 'person.read', audit.tenantId),
      tokens: q.q ? queryTokens(q.q) : [],
      structureId,
      limit: q.limit,
      offset: q.offset,
    });
    const registrations = await repo.registrationsOfClusters(
      tx,
      audit.tenantId,
      rows.map((r) => r.id),
    );
    const items: TPersonSummary[] = rows.map((r) =>
      presentSummary(
        r,
        registrations.filter((g) => g.person_id === r.id),
      ),
    );
    await recordAudit(
      tx,
      audit,
      items.map((p) => ({ action: 'person.list' as const, entityType: 'person', entityId: p.id, personId: p.id })),
    );
    return { items, total, limit: q.limit, offset: q.offset };
  });
}

/** Reads one survivor row in scope (or opened by break-glass), inside the caller's transaction. */
async function readInScope(tx: Db, audit: AuditContext, actor: Actor, id: string, permission: 'person.read' | 'person.update') {
  const row = await repo.findPerson(tx, audit.tenantId, id, permission === 'person.update');
  if (!row || row.cluster_id !== row.id) return null;
  if (await repo.isInScope(tx, audit.tenantId, id, personScope(actor, permission, audit.tenantId))) {
    return { row, access: 'scope' as const };
  }
  // Break-glass opens a record for reading only, and never across a compartment (row-level security hid it already).
  if (permission === 'person.read' && (await hasBreakGlass(tx, audit.tenantId, actor, 'person', id))) {
    return { row, access: 'break-glass' as const };
  }
  return null;
}

async function present(tx: Db, audit: AuditContext, actor: Actor, found: { row: repo.PersonRow; access: TPerson['access'] }) {
  const ids = await repo.identifiersOfClusters(tx, audit.tenantId, [found.row.id]);
  const regs = await repo.registrationsOfClusters(tx, audit.tenantId, [found.row.id]);
  return presentPerson(found.row, ids, regs, actor.clearances, found.access);
}

/** Audits a refused look at a person (out of scope, another compartment, or no such person) in its own transaction. */
async function auditRefusal(db: Db, audit: AuditContext, actor: Actor, id: string, permission: string) {
  await withActor(db, actor, (tx) =>
    recordAudit(tx, audit, [
      { action: 'access.denied', outcome: 'denied', entityType: 'person', entityId: id, personId: id, reason: permission },
    ]),
  );
}

/** One person: 404 when outside the reader's scope, as if it did not exist; the read (or the refusal) is audited. */
export async function getPerson(db: Db, audit: AuditContext, actor: Actor, id: string): Promise<PersonWithVersion> {
  const result = await withActor(db, actor, async (tx) => {
    const found = await readInScope(tx, audit, actor, id, 'person.read');
    if (!found) return null;
    const { person, omitted } = await present(tx, audit, actor, found);
    await recordAudit(tx, audit, [
      {
        action: 'person.read',
        entityType: 'person',
        entityId: id,
        personId: id,
        ...(omitted.length ? { changes: { omitted } } : {}),
        ...(found.access === 'break-glass' ? { reason: 'break-glass' } : {}),
      },
    ]);
    return { person, etag: etagOf(found.row.version) };
  });
  if (!result) {
    await auditRefusal(db, audit, actor, id, 'person.read');
    throw notFound('problem.person_not_found.detail');
  }
  return result;
}

/** The structure a new registration goes to: the one named, or the actor's only one; it must be in the actor's scope. */
async function registrationStructure(tx: Db, audit: AuditContext, actor: Actor, named: string | undefined) {
  const where = structuresWith(actor, 'person.create');
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
  const allowed =
    where === 'all'
      ? s.organisationId === actor.organisationId && (!s.confidential || actor.compartments.includes(s.id))
      : where.includes(s.id);
  if (!allowed) throw new ProblemError(403, 'problem.forbidden.title', 'problem.structure_not_yours.detail');
  return s;
}

function refuseUncleared(input: TPersonPatch, actor: Actor) {
  const fields = unclearedFields(input, actor.clearances);
  if (fields.length > 0) {
    throw new ProblemError(403, 'problem.forbidden.title', 'problem.field_not_cleared.detail', {
      errors: fields.map((field) => ({ field: `body.${field}`, code: 'not_cleared' })),
    });
  }
}

/** Registers a new person at a structure: the record, its identifiers and the registration, with the audit row, all or nothing. */
export async function createPerson(db: Db, audit: AuditContext, actor: Actor, input: TPersonCreate): Promise<PersonWithVersion> {
  refuseUncleared(input, actor);
  try {
    return await insertNewPerson(db, audit, actor, input);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('problem.duplicate_source.detail');
    throw error;
  }
}

async function insertNewPerson(db: Db, audit: AuditContext, actor: Actor, input: TPersonCreate): Promise<PersonWithVersion> {
  return withActor(db, actor, async (tx) => {
    const structure = await registrationStructure(tx, audit, actor, input.structure);
    const compartmentId = structure.confidential ? structure.id : null;
    const id = await repo.insertPerson(tx, audit.tenantId, personValues(input), { compartmentId, createdBy: actor.userId });
    await repo.replaceIdentifiers(tx, audit.tenantId, id, compartmentId, identifierValues(input.identifiers ?? []));
    await repo.insertRegistration(tx, audit.tenantId, {
      personId: id,
      structureId: structure.id,
      compartmentId,
      sourceId: input.sourceId ?? null,
      by: actor.userId,
    });
    const changes = Object.keys(input).filter((k) => k !== 'structure' && k !== 'sourceId');
    await recordAudit(tx, audit, [
      { action: 'person.created', entityType: 'person', entityId: id, personId: id, structureId: structure.id, changes },
    ]);
    const row = await repo.findPerson(tx, audit.tenantId, id);
    if (!row) throw new Error('created person not found');
    const { person } = await present(tx, audit, actor, { row, access: 'scope' });
    return { person, etag: etagOf(row.version) };
  });
}

/** Parses an If-Match header ("v3", W/"v3" or 3) into a version. */
export function parseIfMatch(header: string | undefined): number | null {
  if (!header) return null;
  const m = /^(?:W\/)?"?v?(\d{1,9})"?$/.exec(header.trim());
  return m ? Number(m[1]) : null;
}

/**
 * Changes a person's record. The caller must send the version it read (If-Match); a record
 * changed in the meantime answers 409 with the current version, so two workers cannot overwrite
 * each other.
 */
export async function updatePerson(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
  patch: TPersonPatch,
): Promise<PersonWithVersion> {
  const expected = parseIfMatch(ifMatch);
  if (expected === null) throw new ProblemError(428, 'problem.precondition_required.title', 'problem.if_match_required.detail');
  refuseUncleared(patch, actor);
  const result = await withActor(db, actor, async (tx) => {
    const found = await readInScope(tx, audit, actor, id, 'person.update');
    if (!found) return null;
    const { row } = found;
    if (row.version !== expected) {
      throw new ProblemError(409, 'problem.conflict.title', 'problem.stale.detail', { currentVersion: etagOf(row.version) });
    }
    await repo.updatePerson(tx, audit.tenantId, id, personValues(patch, row));
    const changes = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
    if (patch.identifiers) {
      // Identifiers the writer may not see stay as they are: a list can only replace what it could show.
      const existing = await repo.identifiersOfClusters(tx, audit.tenantId, [id]);
      const hidden = existing.filter((i) => {
        const label = IDENTIFIER_LABELS[i.type as keyof typeof IDENTIFIER_LABELS];
        return label !== undefined && !actor.clearances.has(label);
      });
      await repo.replaceIdentifiers(tx, audit.tenantId, id, row.compartment_id, [
        ...identifierValues(patch.identifiers),
        ...hidden.map((h) => ({ type: h.type, value: h.value, valid: h.valid, problem: h.problem })),
      ]);
    }
    await recordAudit(tx, audit, [{ action: 'person.updated', entityType: 'person', entityId: id, personId: id, changes }]);
    const updated = await repo.findPerson(tx, audit.tenantId, id);
    if (!updated) throw new Error('updated person not found');
    const { person } = await present(tx, audit, actor, { row: updated, access: 'scope' });
    return { person, etag: etagOf(updated.version) };
  });
  if (!result) {
    await auditRefusal(db, audit, actor, id, 'person.update');
    throw notFound('problem.person_not_found.detail');
  }
  return result;
}
