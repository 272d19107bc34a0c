import { sql } from 'drizzle-orm';
import type {
  TServiceDelivery,
  TServiceDeliveryBulk,
  TServiceDeliveryCreate,
  TServiceDeliveryQuery,
} from '../../../shared/cases/timeline.js';
import { recordAudit, type AuditContext, type AuditEvent } from '../../platform/audit/audit.js';
import { structureScope, structuresWith, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, conflict } from '../../platform/http/problem.js';
import { personForActor } from '../people/index.js';
import { Refusal, actAudited, caseForActor, caseRefused, invalidField, personRefused, structureFor } from './cases.access.js';
import { findStructure } from './cases.repo.js';
import { decodeCursor, pageOf } from './cursor.js';
import * as repo from './deliveries.repo.js';
import { appendDeliveryEntries } from './timeline.service.js';

/** Today in Thessaloniki (YYYY-MM-DD), whatever the server's time zone. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Athens',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function present(r: repo.DeliveryRow): TServiceDelivery {
  return {
    id: r.id,
    structure: { slug: r.structure_slug },
    service: r.service,
    person: { id: r.person_id, givenName: r.given_name, familyName: r.family_name },
    case: r.case_id,
    deliveredAt: r.delivered_at,
    quantity: r.quantity,
    worker: r.worker_user_id !== null ? { id: r.worker_user_id, username: r.worker_username ?? '' } : null,
  };
}

function deliveryEvent(action: AuditEvent['action'], d: repo.DeliveryRow, structureId: string, extra: Partial<AuditEvent> = {}) {
  return { action, entityType: 'service_delivery', entityId: d.id, personId: d.person_id, structureId, ...extra };
}

/** Clock skew tolerated between a worker's device and the server. */
const SKEW_MS = 5 * 60_000;

/** The structure, service and time shared by one delivery and a bulk list, checked. */
async function deliveryFrame(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  input: { structure?: string | undefined; service: string; deliveredAt?: string | undefined },
) {
  const structure = await structureFor(tx, audit, actor, input.structure, 'service.record');
  if (!(await repo.structureOffers(tx, audit.tenantId, structure.id, input.service))) {
    throw invalidField('body.service', 'unknown_reference', 'problem.service_not_found.detail');
  }
  const at = input.deliveredAt ? new Date(input.deliveredAt) : new Date();
  if (at.getTime() > Date.now() + SKEW_MS) throw invalidField('body.deliveredAt', 'future');
  return { structure, compartmentId: structure.confidential ? structure.id : null, deliveredAt: at.toISOString() };
}

/**
 * The person a delivery is for: in the worker's scope (break-glass does not open writes), and of
 * the delivery's compartment or of none. Returns the survivor row's id, or null when refused.
 */
async function recipient(tx: Db, audit: AuditContext, actor: Actor, id: string, compartmentId: string | null) {
  const found = await personForActor(tx, audit, actor, id, 'person.read');
  if (!found || found.access !== 'scope') return null;
  if (found.row.compartment_id !== null && found.row.compartment_id !== compartmentId) return null;
  return found.row.id;
}

/**
 * Records one service delivered to a person at a structure where the worker records services.
 * Under a case (of the same person, in the same compartment, not closed) it is also a
 * service_delivered entry on the case's timeline.
 */
export async function recordDelivery(db: Db, audit: AuditContext, actor: Actor, input: TServiceDeliveryCreate) {
  return actAudited(db, audit, actor, async (tx) => {
    const frame = await deliveryFrame(tx, audit, actor, input);
    const personId = await recipient(tx, audit, actor, input.person, frame.compartmentId);
    if (!personId) throw personRefused(input.person, 'person.read');
    let caseRow: { id: string; compartment_id: string | null } | null = null;
    if (input.case !== undefined) {
      const found = await caseForActor(tx, audit, actor, input.case, 'case.read', { lock: true });
      if (!found || found.access !== 'scope' || found.row.compartment_id !== frame.compartmentId) {
        throw caseRefused(input.case, 'case.read');
      }
      if (found.row.current_person_id !== personId) throw invalidField('body.case', 'other_person');
      if (found.row.status === 'closed') throw conflict('problem.case_closed.detail');
      caseRow = found.row;
    }
    const [id = ''] = await repo.insertDeliveries(tx, audit.tenantId, [
      {
        structureId: frame.structure.id,
        compartmentId: frame.compartmentId,
        service: input.service,
        personId,
        caseId: caseRow?.id ?? null,
        deliveredAt: frame.deliveredAt,
        quantity: input.quantity,
        workerUserId: actor.userId,
      },
    ]);
    if (caseRow) {
      await appendDeliveryEntries(tx, audit.tenantId, actor, [
        {
          caseId: caseRow.id,
          compartmentId: caseRow.compartment_id,
          deliveryId: id,
          service: input.service,
          quantity: input.quantity,
          at: frame.deliveredAt,
        },
      ]);
    }
    const [row] = await repo.deliveriesById(tx, audit.tenantId, [id]);
    if (!row) throw new Error('delivery not found after writing it');
    await recordAudit(tx, audit, [
      deliveryEvent('service_delivery.recorded', row, frame.structure.id, {
        changes: ['service', 'quantity', 'deliveredAt', ...(caseRow ? ['case'] : [])],
      }),
    ]);
    return present(row);
  });
}

/**
 * Records one service delivered to each person of a list (a soup kitchen's), all or nothing: a
 * person repeated, or one the worker may not record for, and nothing is written (422 naming
 * every such entry of the list; the refusals are audited).
 */
export async function recordBulk(db: Db, audit: AuditContext, actor: Actor, input: TServiceDeliveryBulk) {
  const repeated = input.persons.findIndex((p, i) => input.persons.indexOf(p) !== i);
  if (repeated >= 0) throw invalidField(`body.persons.${repeated}`, 'duplicate');
  return actAudited(db, audit, actor, async (tx) => {
    const frame = await deliveryFrame(tx, audit, actor, input);
    const survivors: string[] = [];
    const missing: number[] = [];
    for (const [i, id] of input.persons.entries()) {
      const survivor = await recipient(tx, audit, actor, id, frame.compartmentId);
      if (!survivor) missing.push(i);
      else if (survivors.includes(survivor)) throw invalidField(`body.persons.${i}`, 'duplicate');
      else survivors.push(survivor);
    }
    if (missing.length > 0) {
      const problem = new ProblemError(422, 'problem.validation.title', 'problem.persons_not_found.detail', {
        errors: missing.map((i) => ({ field: `body.persons.${i}`, code: 'unknown_reference' })),
      });
      const ids = missing.map((i) => input.persons[i] ?? '');
      throw new Refusal(problem, 'person', ids, 'person.read', ids);
    }
    const ids = await repo.insertDeliveries(
      tx,
      audit.tenantId,
      survivors.map((personId) => ({
        structureId: frame.structure.id,
        compartmentId: frame.compartmentId,
        service: input.service,
        personId,
        caseId: null,
        deliveredAt: frame.deliveredAt,
        quantity: input.quantity,
        workerUserId: actor.userId,
      })),
    );
    const rows = await repo.deliveriesById(tx, audit.tenantId, ids);
    await recordAudit(
      tx,
      audit,
      rows.map((r) =>
        deliveryEvent('service_delivery.recorded', r, frame.structure.id, { changes: ['service', 'quantity', 'deliveredAt'] }),
      ),
    );
    return { items: rows.map(present) };
  });
}

/**
 * The service log in the reader's scope (case.read): a person's deliveries, or a structure's on
 * one day (today by default; the reader's only structure when none is named). One audit row per
 * delivery listed.
 */
export async function listDeliveries(db: Db, audit: AuditContext, actor: Actor, q: TServiceDeliveryQuery) {
  const after = decodeCursor(q.cursor);
  return actAudited(db, audit, actor, async (tx) => {
    let personCluster: string | null = null;
    if (q.person) {
      const found = await personForActor(tx, audit, actor, q.person, 'person.read');
      if (!found) throw personRefused(q.person, 'person.read');
      personCluster = found.row.id;
    }
    let structureId: string | null = null;
    const where = structuresWith(actor, 'case.read');
    const named = q.structure ?? (personCluster ? undefined : where !== 'all' && where.length === 1 ? where[0] : undefined);
    if (named) {
      const s = await findStructure(tx, audit.tenantId, named);
      if (!s) throw invalidField('query.structure', 'unknown_reference', 'problem.structure_not_found.detail');
      structureId = s.id;
    }
    if (!structureId && !personCluster) {
      throw new ProblemError(422, 'problem.validation.title', 'problem.delivery_filter_required.detail', {
        errors: [{ field: 'query.structure', code: 'required' }],
      });
    }
    const rows = await repo.listDeliveries(tx, audit.tenantId, {
      scope: structureScope(actor, 'case.read', audit.tenantId, sql`d.structure_id`),
      structureId,
      day: structureId && !personCluster ? (q.day ?? today()) : (q.day ?? null),
      personCluster,
      after,
      limit: q.limit,
    });
    const { page, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.pos, id: r.id }));
    await recordAudit(
      tx,
      audit,
      page.map((r) => ({
        action: 'service_delivery.list' as const,
        entityType: 'service_delivery',
        entityId: r.id,
        personId: r.person_id,
      })),
    );
    return { items: page.map(present), nextCursor };
  });
}
