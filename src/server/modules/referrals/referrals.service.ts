import { DEFAULT_SHARED_FIELDS, MOVERS, REFERRAL_TRANSITIONS, type ShareableField } from '../../../shared/referrals/machine.js';
import type { TReferralCreate, TReferralPatch, TReferralQuery, TTransition } from '../../../shared/referrals/referral.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { structuresWith, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, notFound } from '../../platform/http/problem.js';
import { Refusal, actAudited, caseForActor, decodeCursor, invalidField, pageOf } from '../cases/index.js';
import { etagOf, requiredVersion, stale } from '../../platform/http/versions.js';
import { personForActor } from '../people/index.js';
import { applyMove, appendToTimelines, sweepExpired, type Mover } from './moves.js';
import { SHARED_FIELD_LABELS, presentReferral, referralEvent, referralRefused, scopesOf } from './referrals.access.js';
import * as events from './events.repo.js';
import * as repo from './referrals.repo.js';

/** The referral re-read after a change, in the caller's transaction. */
async function reread(tx: Db, audit: AuditContext, actor: Actor, id: string): Promise<repo.ReferralRow> {
  const row = await repo.findReferral(tx, audit.tenantId, id, scopesOf(actor, audit.tenantId));
  if (!row) throw new Error('referral not found after writing it');
  return row;
}

const staff = (actor: Actor): Mover => ({ actor, label: actor.username, via: 'staff' });

/** The referral the actor may see from either side (the overdue expired first), or a refusal (404, audited). */
async function referralFor(tx: Db, audit: AuditContext, actor: Actor, id: string, lock = false): Promise<repo.ReferralRow> {
  await sweepExpired(tx, audit, [id]);
  const row = await repo.findReferral(tx, audit.tenantId, id, scopesOf(actor, audit.tenantId), lock);
  if (!row) throw referralRefused(id, 'referral.read');
  return row;
}

/** Referrals to (inbox) or from (outbox) the reader's structures, newest first; overdue ones expire first; one audit row each. */
export async function listReferrals(db: Db, audit: AuditContext, actor: Actor, q: TReferralQuery) {
  const after = decodeCursor(q.cursor);
  return actAudited(db, audit, actor, async (tx) => {
    let structureId: string | null = null;
    if (q.structure) {
      const s = await repo.findStructure(tx, audit.tenantId, q.structure);
      if (!s) throw invalidField('query.structure', 'unknown_reference', 'problem.structure_not_found.detail');
      structureId = s.id;
    }
    await sweepExpired(tx, audit);
    const rows = await repo.listReferrals(tx, audit.tenantId, scopesOf(actor, audit.tenantId), {
      box: q.box ?? null,
      status: q.status ?? null,
      structureId,
      after,
      limit: q.limit,
    });
    const { page, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: r.pos, id: r.id }));
    await recordAudit(
      tx,
      audit,
      page.map((r) => referralEvent('referral.list', r)),
    );
    return { items: page.map((r) => presentReferral(r, actor.clearances)), nextCursor };
  });
}

/** One referral, with only the shared fields of its person; the read is audited. */
export async function getReferral(db: Db, audit: AuditContext, actor: Actor, id: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const row = await referralFor(tx, audit, actor, id);
    await recordAudit(tx, audit, [referralEvent('referral.read', row)]);
    return { item: presentReferral(row, actor.clearances), etag: etagOf(row.version), row };
  });
}

/** The sending structure: the one named, or the actor's only one; one where the actor may refer (403 otherwise, 422 when unknown). */
async function senderFor(tx: Db, audit: AuditContext, actor: Actor, named: string | undefined) {
  const where = structuresWith(actor, 'referral.create');
  const pick = named ?? actor.currentStructureId ?? (where !== 'all' && where.length === 1 ? where[0] : undefined);
  if (!pick) throw invalidField('body.structure', 'required', 'problem.structure_required.detail');
  const s = await repo.findStructure(tx, audit.tenantId, pick);
  if (!s) throw invalidField('body.structure', 'unknown_reference', 'problem.structure_not_found.detail');
  const mine =
    where === 'all'
      ? s.organisationId === actor.organisationId && (!s.confidential || actor.compartments.includes(s.id))
      : where.includes(s.id);
  if (!mine) throw new ProblemError(403, 'problem.forbidden.title', 'problem.referral_structure_not_yours.detail');
  return s;
}

/** 403 naming the shared fields whose label the sender is not cleared for (a sender cannot share what they may not read). */
function checkShared(actor: Actor, fields: readonly ShareableField[]): void {
  const uncleared = fields.filter((f) => {
    const label = SHARED_FIELD_LABELS[f];
    return label !== undefined && !actor.clearances.has(label);
  });
  if (uncleared.length > 0) {
    throw new ProblemError(403, 'problem.forbidden.title', 'problem.referral_fields_not_cleared.detail', {
      errors: uncleared.map((f) => ({ field: 'body.sharedFields', code: `not_cleared:${f}` })),
    });
  }
}

/** The sender's case named by a referral: one the actor may read, of the same person, at the sending structure (422 otherwise). */
async function checkCase(tx: Db, audit: AuditContext, actor: Actor, caseId: string, personId: string, structureId: string) {
  const found = await caseForActor(tx, audit, actor, caseId, 'case.read');
  const c = found ? await repo.caseOf(tx, audit.tenantId, caseId, personId) : undefined;
  if (!c) throw invalidField('body.case', 'unknown_reference', 'problem.case_not_found.detail');
  if (!c.same_person || c.structure_id !== structureId) throw invalidField('body.case', 'not_this_person_or_structure');
}

/**
 * Creates a referral of a person the sender may see, from a structure where the sender refers,
 * to another structure or an outside organisation; a draft, or sent at once (send). A referral
 * from a confidential structure lies in its compartment and goes only to outside organisations.
 */
export async function createReferral(db: Db, audit: AuditContext, actor: Actor, defaultDays: number, input: TReferralCreate) {
  const shared = input.sharedFields ?? DEFAULT_SHARED_FIELDS;
  checkShared(actor, shared);
  if (!input.send && input.consentOverride !== undefined) throw invalidField('body.consentOverride', 'sending_only');
  return actAudited(db, audit, actor, async (tx) => {
    const sender = await senderFor(tx, audit, actor, input.structure);
    const compartmentId = sender.confidential ? sender.id : null;
    const person = await personForActor(tx, audit, actor, input.person, 'person.read');
    if (!person || (person.row.compartment_id !== null && person.row.compartment_id !== compartmentId)) {
      throw new Refusal(notFound('problem.person_not_found.detail'), 'person', [input.person], 'person.read', [input.person]);
    }
    let targetStructureId: string | null = null;
    let targetOrganisationId: string | null = null;
    if (input.targetStructure !== undefined) {
      const t = await repo.findStructure(tx, audit.tenantId, input.targetStructure);
      if (!t) throw invalidField('body.targetStructure', 'unknown_reference', 'problem.structure_not_found.detail');
      if (t.id === sender.id) throw invalidField('body.targetStructure', 'same_as_sender');
      if (compartmentId)
        throw invalidField('body.targetStructure', 'confidential_sender', 'problem.referral_confidential_sender.detail');
      targetStructureId = t.id;
    } else if (input.targetOrganisation !== undefined) {
      const o = await repo.findOrganisation(tx, audit.tenantId, input.targetOrganisation);
      if (!o) throw invalidField('body.targetOrganisation', 'unknown_reference', 'problem.organisation_not_found.detail');
      if (o.id === sender.organisationId) throw invalidField('body.targetOrganisation', 'own_organisation');
      targetOrganisationId = o.id;
    }
    if (input.case !== undefined) await checkCase(tx, audit, actor, input.case, person.row.id, sender.id);
    const id = await repo.insertReferral(tx, audit.tenantId, {
      personId: person.row.id,
      compartmentId,
      senderStructureId: sender.id,
      senderCaseId: input.case ?? null,
      targetStructureId,
      targetOrganisationId,
      purpose: input.purpose ? input.purpose : null,
      sharedFields: shared,
      createdBy: actor.userId,
    });
    const draft = await repo.findReferral(tx, audit.tenantId, id, scopesOf(actor, audit.tenantId), true);
    if (!draft) throw new Error('referral not found after writing it');
    await events.insertEvents(tx, audit.tenantId, [
      {
        referralId: id,
        compartmentId,
        from: null,
        to: 'draft',
        actorUserId: actor.userId,
        actorLabel: actor.username,
        via: 'staff',
        reason: null,
        note: null,
      },
    ]);
    await appendToTimelines(
      tx,
      audit.tenantId,
      [{ ...draft, from: null, to: 'draft', body: { sender: draft.sender_slug, target: draft.target_slug } }],
      actor.userId,
    );
    const changes = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
    await recordAudit(tx, audit, [referralEvent('referral.created', draft, { changes })]);
    if (input.send) {
      await applyMove(
        tx,
        audit,
        defaultDays,
        draft,
        { to: 'sent', by: 'sender', consentOverride: input.consentOverride },
        staff(actor),
      );
    }
    const row = await reread(tx, audit, actor, id);
    return { item: presentReferral(row, actor.clearances), etag: etagOf(row.version) };
  });
}

/** Changes a draft's purpose, shared fields or case (sender side, If-Match; 409 when stale or no longer a draft). */
export async function updateDraft(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
  patch: TReferralPatch,
) {
  const expected = requiredVersion(ifMatch);
  if (patch.sharedFields) checkShared(actor, patch.sharedFields);
  return actAudited(db, audit, actor, async (tx) => {
    const row = await repo.findReferral(tx, audit.tenantId, id, scopesOf(actor, audit.tenantId), true);
    if (!row || !row.can_send) throw referralRefused(id, 'referral.create');
    if (row.version !== expected) throw stale(row.version);
    if (row.status !== 'draft') throw new ProblemError(409, 'problem.conflict.title', 'problem.referral_not_draft.detail');
    if (patch.case) await checkCase(tx, audit, actor, patch.case, row.person_id, row.sender_structure_id);
    const change: repo.ReferralChange = {};
    if (patch.purpose !== undefined) change.purpose = patch.purpose ? patch.purpose : null;
    if (patch.sharedFields !== undefined) change.sharedFields = patch.sharedFields;
    if (patch.case !== undefined) change.senderCaseId = patch.case;
    await repo.updateReferral(tx, audit.tenantId, id, change);
    const changes = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
    await events.insertEvents(tx, audit.tenantId, [
      {
        referralId: id,
        compartmentId: row.compartment_id,
        from: 'draft',
        to: 'draft',
        actorUserId: actor.userId,
        actorLabel: actor.username,
        via: 'staff',
        reason: 'edited',
        note: null,
      },
    ]);
    const updated = await reread(tx, audit, actor, id);
    await recordAudit(tx, audit, [referralEvent('referral.updated', updated, { changes })]);
    return { item: presentReferral(updated, actor.clearances), etag: etagOf(updated.version) };
  });
}

/**
 * Moves a referral: only the legal moves, and only the caller's side's (sender: send, cancel,
 * the person's decline; receiver: the rest); If-Match required (428), 409 with the current
 * version when stale, 409 naming the allowed moves otherwise.
 */
export async function transition(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  defaultDays: number,
  id: string,
  ifMatch: string | undefined,
  input: TTransition,
) {
  return actAudited(db, audit, actor, async (tx) => {
    const row = await referralFor(tx, audit, actor, id, true);
    if (!REFERRAL_TRANSITIONS[row.status].includes(input.to)) {
      throw new ProblemError(409, 'problem.conflict.title', 'problem.referral_illegal_transition.detail', {
        currentStatus: row.status,
        allowed: REFERRAL_TRANSITIONS[row.status],
      });
    }
    const expected = requiredVersion(ifMatch);
    if (row.version !== expected) throw stale(row.version);
    const movers = MOVERS[input.to];
    const by =
      movers.includes('receiver') && row.can_respond
        ? 'receiver'
        : movers.includes('sender') && row.can_send
          ? 'sender'
          : row.can_respond
            ? 'receiver'
            : row.can_send
              ? 'sender'
              : null;
    if (by === null) throw new ProblemError(403, 'problem.forbidden.title', 'problem.referral_no_moves.detail');
    await applyMove(tx, audit, defaultDays, row, { ...input, by }, staff(actor));
    const updated = await reread(tx, audit, actor, id);
    return { item: presentReferral(updated, actor.clearances), etag: etagOf(updated.version) };
  });
}

/** Every change of a referral, oldest first; the read is audited. */
export async function referralEvents(db: Db, audit: AuditContext, actor: Actor, id: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const row = await referralFor(tx, audit, actor, id);
    const items = (await events.listEvents(tx, audit.tenantId, id)).map((e) => ({
      id: e.id,
      from: e.from_status,
      to: e.to_status,
      by: e.actor_label,
      via: e.via,
      reason: e.reason,
      note: e.note,
      at: e.at,
    }));
    await recordAudit(tx, audit, [referralEvent('referral.events_read', row)]);
    return { items };
  });
}
