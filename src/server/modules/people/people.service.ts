import type { TPerson, TPersonPatch, TPersonQuery, TPersonSummary } from '../../../shared/people/person.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { withActor, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, notFound } from '../../platform/http/problem.js';
import { etagOf, requiredVersion, stale } from '../../platform/http/versions.js';
import { identifierValues, personValues, queryTokens } from './people.keys.js';
import { personForActor } from './people.access.js';
import { IDENTIFIER_LABELS, personScope, refuseUncleared } from './people.policy.js';
import { presentPerson, presentSummary } from './people.present.js';
import * as repo from './people.repo.js';

/** A person with the version its ETag carries. */
export interface PersonWithVersion {
  person: TPerson;
  etag: string;
}

/** The ETag of a version of a record. */

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

/** A person's full record for the actor, from the survivor row and everything its cluster holds. */
export async function present(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  found: { row: repo.PersonRow; access: TPerson['access'] },
) {
  const clusters = [found.row.id];
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const ids = await repo.identifiersOfClusters(tx, audit.tenantId, clusters);
  const regs = await repo.registrationsOfClusters(tx, audit.tenantId, clusters);
  const households = await repo.householdsOfCluster(tx, audit.tenantId, found.row.id);
  const records = await repo.rowsInCluster(tx, audit.tenantId, found.row.id);
  return presentPerson(found.row, ids, regs, actor.clearances, found.access, { households, records: records.length });
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
    const found = await personForActor(tx, audit, actor, id, 'person.read');
    if (!found) return null;
    const { person, omitted } = await present(tx, audit, actor, found);
    await recordAudit(tx, audit, [
      {
        action: 'person.read',
        entityType: 'person',
        entityId: found.row.id,
        personId: found.row.id,
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
  const expected = requiredVersion(ifMatch);
  refuseUncleared(patch, actor);
  const result = await withActor(db, actor, async (tx) => {
    const found = await personForActor(tx, audit, actor, id, 'person.update', { lock: true });
    if (!found) return null;
    const { row } = found;
    if (row.version !== expected) {
      throw stale(row.version);
    }
    await repo.updatePerson(tx, audit.tenantId, row.id, personValues(patch, row));
    const changes = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
    if (patch.identifiers) {
      // Identifiers the writer may not see stay as they are: a list can only replace what it could show.
      const existing = await repo.identifiersOfRow(tx, audit.tenantId, row.id);
      const hidden = existing.filter((i) => {
        const label = IDENTIFIER_LABELS[i.type as keyof typeof IDENTIFIER_LABELS];
        return label !== undefined && !actor.clearances.has(label);
      });
      await repo.replaceIdentifiers(tx, audit.tenantId, row.id, row.compartment_id, [
        ...identifierValues(patch.identifiers),
        ...hidden.map((h) => ({ type: h.type, value: h.value, valid: h.valid, problem: h.problem })),
      ]);
    }
    await recordAudit(tx, audit, [
      { action: 'person.updated', entityType: 'person', entityId: row.id, personId: row.id, changes },
    ]);
    const updated = await repo.findPerson(tx, audit.tenantId, row.id);
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
