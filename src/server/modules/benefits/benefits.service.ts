import { sql } from 'drizzle-orm';
import type {
  TBenefitCreate,
  TBenefitMove,
  TBenefitPatch,
  TBenefitQuery,
  TChecklistMark,
} from '../../../shared/benefits/benefit.js';
import { benefitMoves } from '../../../shared/benefits/lists.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, notFound } from '../../platform/http/problem.js';
import { actAudited, caseForActor, caseRefused, decodeCursor, insertEntries, invalidField, pageOf } from '../cases/index.js';
import { etagOf, parseIfMatch, requiredVersion, stale } from '../../platform/http/versions.js';
import { personForActor } from '../people/index.js';
import {
  benefitAudit,
  benefitEntries,
  benefitFor,
  benefitScope,
  daysFromToday,
  filingStructure,
  pastOrToday,
  personRefused,
  presentBenefit,
} from './benefits.access.js';
import * as repo from './benefits.repo.js';

/** The application as written, with its checklist and ETag. */
async function reread(tx: Db, audit: AuditContext, id: string) {
  const row = await repo.findBenefit(tx, audit.tenantId, id, sql`true`);
  if (!row) throw new Error('benefit application not found after writing it');
  const items = await repo.checklist(tx, audit.tenantId, row.id, row.benefit_type);
  return { row, item: presentBenefit(row, items), etag: etagOf(row.version) };
}

/**
 * Files a new application (preparing) for a person the actor may read, at a structure where the
 * actor files applications; with a case (of the same person, one the actor may update) it is
 * filed at the case's structure and every step goes on the case's timeline.
 */
export async function createBenefit(db: Db, audit: AuditContext, actor: Actor, input: TBenefitCreate) {
  return actAudited(db, audit, actor, async (tx) => {
    const person = await personForActor(tx, audit, actor, input.person, 'person.read');
    if (!person || person.access !== 'scope') throw personRefused(input.person, 'person.read');
    let caseId: string | null = null;
    let structureSlug = input.structure;
    if (input.case !== undefined) {
      const found = await caseForActor(tx, audit, actor, input.case, 'case.update');
      if (!found || found.access !== 'scope') throw caseRefused(input.case, 'case.update');
      if (found.row.current_person_id !== person.row.id) throw invalidField('body.case', 'not_this_person');
      if (
        input.structure !== undefined &&
        input.structure !== found.row.structure_slug &&
        input.structure !== found.row.structure_id
      ) {
        throw invalidField('body.structure', 'not_the_case_structure');
      }
      caseId = found.row.id;
      structureSlug = found.row.structure_id;
    }
    const structure = await filingStructure(tx, audit, actor, structureSlug);
    const compartmentId = structure.confidential ? structure.id : null;
    if (person.row.compartment_id !== null && person.row.compartment_id !== compartmentId) {
      throw invalidField('body.person', 'other_compartment');
    }
    if (input.type === 'other' && input.description === undefined) throw invalidField('body.description', 'required');
    const id = await repo.insertBenefit(tx, audit.tenantId, {
      personId: person.row.id,
      caseId,
      structureId: structure.id,
      compartmentId,
      type: input.type,
      description: input.description ?? null,
      note: input.note ?? null,
      userId: actor.userId,
    });
    const out = await reread(tx, audit, id);
    await insertEntries(tx, audit.tenantId, benefitEntries(out.row, actor, { step: 'preparing' }));
    await recordAudit(tx, audit, [benefitAudit('benefit.created', out.row, { changes: { type: input.type } })]);
    return out;
  });
}

/** One application the actor may read, with its checklist. */
export async function getBenefit(db: Db, audit: AuditContext, actor: Actor, id: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const row = await benefitFor(tx, audit, actor, id, 'benefit.read');
    const items = await repo.checklist(tx, audit.tenantId, row.id, row.benefit_type);
    await recordAudit(tx, audit, [benefitAudit('benefit.read', row)]);
    return { item: presentBenefit(row, items), etag: etagOf(row.version) };
  });
}

/**
 * Applications filed at the reader's structures, newest first, by status, person and structure;
 * or the reminders (renewalWithinDays): approved benefits to renew by then, soonest first. One
 * audit row per application listed.
 */
export async function listBenefits(db: Db, audit: AuditContext, actor: Actor, q: TBenefitQuery) {
  return actAudited(db, audit, actor, async (tx) => {
    let structureId: string | null = null;
    if (q.structure !== undefined) {
      const s = await repo.findStructure(tx, audit.tenantId, q.structure);
      if (!s) throw invalidField('query.structure', 'unknown_reference', 'problem.structure_not_found.detail');
      structureId = s.id;
    }
    if (q.renewalWithinDays !== undefined && q.cursor !== undefined) throw invalidField('query.cursor', 'not_with_renewal');
    const rows = await repo.listBenefits(tx, audit.tenantId, {
      scope: benefitScope(actor, 'benefit.read', audit.tenantId),
      status: q.status ?? null,
      personId: q.person ?? null,
      structureId,
      renewalBy: q.renewalWithinDays === undefined ? null : daysFromToday(q.renewalWithinDays),
      after: decodeCursor(q.cursor),
      limit: q.limit,
    });
    const { page, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.pos, id: r.id }));
    const items = [];
    for (const r of page) items.push(presentBenefit(r, await repo.checklist(tx, audit.tenantId, r.id, r.benefit_type)));
    await recordAudit(
      tx,
      audit,
      page.map((r) => benefitAudit('benefit.list', r)),
    );
    return { items, nextCursor: q.renewalWithinDays === undefined ? nextCursor : null };
  });
}

/** Changes an application's details; If-Match required (428 without), 409 with the current version when stale. */
export async function patchBenefit(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
  patch: TBenefitPatch,
) {
  return actAudited(db, audit, actor, async (tx) => {
    const row = await benefitFor(tx, audit, actor, id, 'benefit.update');
    const expected = requiredVersion(ifMatch);
    if (expected !== row.version) throw stale(row.version);
    const change: repo.BenefitChange = {};
    if (patch.description !== undefined) change.description = patch.description;
    if (patch.referenceNumber !== undefined) change.reference_number = patch.referenceNumber;
    if (patch.monthlyAmountCents !== undefined) change.monthly_amount_cents = patch.monthlyAmountCents;
    if (patch.renewalOn !== undefined) change.renewal_on = patch.renewalOn;
    if (patch.note !== undefined) change.note = patch.note;
    const fields = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
    if (fields.length === 0) return reread(tx, audit, id);
    await repo.updateBenefit(tx, audit.tenantId, id, change, actor.userId);
    const out = await reread(tx, audit, id);
    await insertEntries(tx, audit.tenantId, benefitEntries(out.row, actor, { step: 'updated', fields }));
    await recordAudit(tx, audit, [benefitAudit('benefit.updated', out.row, { changes: fields })]);
    return out;
  });
}

/**
 * Moves an application along (If-Match optional: checked when sent). Only the moves open from
 * its status are legal (409 naming them); a submission sets its day (the first) and reference,
 * a decision its day, and an approval its monthly amount and renewal day.
 */
export async function moveBenefit(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
  input: TBenefitMove,
) {
  return actAudited(db, audit, actor, async (tx) => {
    const row = await benefitFor(tx, audit, actor, id, 'benefit.update');
    const expected = parseIfMatch(ifMatch);
    if (expected !== null && expected !== row.version) throw stale(row.version);
    const allowed = benefitMoves(row.status);
    if (!allowed.includes(input.to)) {
      throw new ProblemError(409, 'problem.conflict.title', 'problem.benefit_illegal_transition.detail', {
        currentStatus: row.status,
        allowed,
      });
    }
    if (input.referenceNumber !== undefined && input.to !== 'submitted')
      throw invalidField('body.referenceNumber', 'not_for_this_status');
    for (const f of ['monthlyAmountCents', 'renewalOn'] as const) {
      if (input[f] !== undefined && input.to !== 'approved') throw invalidField(`body.${f}`, 'not_for_this_status');
    }
    const on = pastOrToday(input.on, 'body.on');
    const change: repo.BenefitChange = { status: input.to };
    if (input.to === 'submitted') {
      if (row.submitted_on === null) change.submitted_on = on;
      if (input.referenceNumber !== undefined) change.reference_number = input.referenceNumber;
    }
    if (input.to === 'approved' || input.to === 'rejected') {
      if (row.submitted_on !== null && on < row.submitted_on) throw invalidField('body.on', 'before_submission');
      change.decided_on = on;
      if (input.monthlyAmountCents !== undefined) change.monthly_amount_cents = input.monthlyAmountCents;
      if (input.renewalOn !== undefined) change.renewal_on = input.renewalOn;
    }
    await repo.updateBenefit(tx, audit.tenantId, id, change, actor.userId);
    const out = await reread(tx, audit, id);
    await insertEntries(
      tx,
      audit.tenantId,
      benefitEntries(out.row, actor, { step: input.to, from: row.status, on, ...(input.note ? { text: input.note } : {}) }),
    );
    await recordAudit(tx, audit, [
      benefitAudit('benefit.status_changed', out.row, { changes: { from: row.status, to: input.to } }),
    ]);
    return out;
  });
}

/** Ticks or unticks one item of the application's checklist (404 for an item its type does not ask for). */
export async function markChecklist(db: Db, audit: AuditContext, actor: Actor, id: string, key: string, input: TChecklistMark) {
  return actAudited(db, audit, actor, async (tx) => {
    const row = await benefitFor(tx, audit, actor, id, 'benefit.update');
    if (!(await repo.checklistItemExists(tx, audit.tenantId, row.benefit_type, key))) {
      throw notFound('problem.checklist_item_not_found.detail');
    }
    await repo.markItem(tx, audit.tenantId, {
      applicationId: row.id,
      compartmentId: row.compartment_id,
      key,
      done: input.done,
      note: input.note ?? null,
      userId: actor.userId,
    });
    await repo.updateBenefit(tx, audit.tenantId, id, {}, actor.userId);
    const out = await reread(tx, audit, id);
    await insertEntries(tx, audit.tenantId, benefitEntries(out.row, actor, { step: 'checklist', item: key, done: input.done }));
    await recordAudit(tx, audit, [
      benefitAudit('benefit.checklist_marked', out.row, { changes: { item: key, done: input.done } }),
    ]);
    return out;
  });
}
