import { decideMove, type Move, type ReferralStatus } from '../../../shared/referrals/machine.js';
import { recordAudit, type AuditContext, type AuditEvent } from '../../platform/audit/audit.js';
import { structuresWith, unsafeWithCompartments, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError } from '../../platform/http/problem.js';
import { insertEntries, invalidField, type NewEntry } from '../cases/index.js';
import { activeConsentId } from '../people/index.js';
import { referralEvent } from './referrals.access.js';
import * as events from './events.repo.js';
import * as repo from './referrals.repo.js';

/** Who makes a move: a staff member, the holder of an outside organisation's link, or the system. */
export interface Mover {
  actor: Actor | null;
  label: string;
  via: 'staff' | 'link' | 'system';
}

/** A move with what travels with it. */
export interface MoveInput extends Move {
  note?: string | undefined;
  consentOverride?: string | undefined;
}

/** What a referral's steps write to the timelines of both sides' cases. */
interface Step {
  id: string;
  person_id: string;
  sender_case_id: string | null;
  target_structure_id: string | null;
  from: ReferralStatus | null;
  to: ReferralStatus;
  body: Record<string, unknown>;
}

/**
 * A referral_event entry on the sender's case (when the referral names one) and on the
 * receiver's active case of the person at the target structure (when there is one). Only cases
 * the transaction may see are written to: a case in a compartment the mover cannot enter keeps
 * its side of the story in the referral's own events.
 */
export async function appendToTimelines(tx: Db, tenantId: string, steps: Step[], authorUserId: string | null): Promise<void> {
  const entries: NewEntry[] = [];
  for (const s of steps) {
    const body = { referral: s.id, from: s.from, to: s.to, ...s.body };
    const mine = s.sender_case_id ? await repo.caseOf(tx, tenantId, s.sender_case_id, s.person_id) : undefined;
    if (mine && s.sender_case_id) {
      entries.push({
        caseId: s.sender_case_id,
        compartmentId: mine.compartment_id,
        kind: 'referral_event',
        body: { ...body, side: 'sender' },
        sensitivity: null,
        authorUserId,
      });
    }
    // The receiver hears of a referral once it is sent: a draft and its cancellation stay the sender's.
    const unsent = s.to === 'draft' || (s.from === 'draft' && s.to === 'cancelled');
    const theirs =
      s.target_structure_id && !unsent ? await repo.activeCaseAt(tx, tenantId, s.person_id, s.target_structure_id) : undefined;
    if (theirs && theirs.id !== s.sender_case_id) {
      entries.push({
        caseId: theirs.id,
        compartmentId: theirs.compartment_id,
        kind: 'referral_event',
        body: { ...body, side: 'receiver' },
        sensitivity: null,
        authorUserId,
      });
    }
  }
  await insertEntries(tx, tenantId, entries);
}

/** 409 for a move the machine refuses (naming the allowed ones), 422 for a field missing or out of place. */
function refused(decision: Exclude<ReturnType<typeof decideMove>, { ok: true }>, current: ReferralStatus): ProblemError {
  if (decision.code === 'field') return invalidField(`body.${decision.field}`, decision.problem);
  return new ProblemError(
    409,
    'problem.conflict.title',
    decision.code === 'illegal_transition'
      ? 'problem.referral_illegal_transition.detail'
      : 'problem.referral_not_your_move.detail',
    { currentStatus: current, allowed: decision.allowed },
  );
}

/** Whether the actor holds a permission at the referral's sending structure. */
function holdsAtSender(actor: Actor, permission: 'referral.override_consent', row: repo.ReferralRow): boolean {
  const where = structuresWith(actor, permission);
  return where === 'all' ? row.sender_organisation_id === actor.organisationId : where.includes(row.sender_structure_id);
}

/**
 * Sending needs the person's consent for the purpose 'referral' covering the recipient (the
 * target organisation, or the organisation of the target structure); without it, an override
 * by a holder of referral.override_consent with a reason (audited), else 409.
 */
async function basisForSending(
  tx: Db,
  tenantId: string,
  row: repo.ReferralRow,
  mover: Mover,
  override: string | undefined,
): Promise<{ consentId: string | null; override: { reason: string; by: string } | null }> {
  let recipient = row.target_organisation_id;
  if (recipient === null && row.target_structure_id !== null) {
    recipient = (await repo.findStructure(tx, tenantId, row.target_structure_id))?.organisationId ?? null;
  }
  const consentId = await activeConsentId(tx, tenantId, row.person_id, 'referral', recipient);
  if (consentId) return { consentId, override: null };
  if (override === undefined) throw new ProblemError(409, 'problem.conflict.title', 'problem.referral_consent_required.detail');
  if (!mover.actor || !holdsAtSender(mover.actor, 'referral.override_consent', row)) {
    throw new ProblemError(403, 'problem.forbidden.title', 'problem.referral_override_not_allowed.detail');
  }
  return { consentId: null, override: { reason: override, by: mover.actor.userId } };
}

/**
 * Applies one move to a locked referral: the machine decides, sending checks the basis and sets
 * the time limit, the change takes the next version, and the event, the timeline entries of
 * both sides and the audit rows are written in the same transaction.
 */
export async function applyMove(
  tx: Db,
  audit: AuditContext,
  defaultDays: number,
  row: repo.ReferralRow,
  input: MoveInput,
  mover: Mover,
): Promise<void> {
  const decision = decideMove(
    { status: row.status, outcome: row.outcome, declineReason: row.decline_reason, declinedBy: row.declined_by },
    input,
  );
  if (!decision.ok) throw refused(decision, row.status);
  if (input.to !== 'sent' && input.consentOverride !== undefined) throw invalidField('body.consentOverride', 'not_allowed');
  const change: repo.ReferralChange = { status: input.to };
  if (input.to === 'declined' && input.reason && input.declinedBy) {
    change.declineReason = input.reason;
    change.declinedBy = input.declinedBy;
  }
  if (input.to === 'completed' && input.outcome) {
    change.outcome = input.outcome;
    change.outcomeNote = input.note ?? null;
  }
  const extraAudit: AuditEvent[] = [];
  if (input.to === 'sent') {
    const basis = await basisForSending(tx, audit.tenantId, row, mover, input.consentOverride);
    const target = { structureId: row.target_structure_id, organisationId: row.target_organisation_id };
    const days = (await repo.timeLimitDays(tx, audit.tenantId, target)) ?? defaultDays;
    change.sent = { ...basis, days };
    if (basis.override) extraAudit.push(referralEvent('referral.consent_overridden', row, { reason: basis.override.reason }));
  }
  await repo.updateReferral(tx, audit.tenantId, row.id, change);
  const reason = input.reason ?? input.outcome ?? null;
  await events.insertEvents(tx, audit.tenantId, [
    {
      referralId: row.id,
      compartmentId: row.compartment_id,
      from: row.status,
      to: input.to,
      actorUserId: mover.actor?.userId ?? null,
      actorLabel: mover.label,
      via: mover.via,
      reason: input.declinedBy ? `${input.declinedBy}:${input.reason ?? ''}` : reason,
      note: input.note ?? null,
    },
  ]);
  const body: Record<string, unknown> = { sender: row.sender_slug, target: row.target_slug };
  if (input.reason) body.reason = input.reason;
  if (input.declinedBy) body.declinedBy = input.declinedBy;
  if (input.outcome) body.outcome = input.outcome;
  if (input.note) body.text = input.note;
  if (mover.via === 'link') body.via = 'link';
  await appendToTimelines(tx, audit.tenantId, [{ ...row, from: row.status, to: input.to, body }], mover.actor?.userId ?? null);
  await recordAudit(tx, audit, [
    referralEvent('referral.status_changed', row, { changes: { from: row.status, to: input.to } }),
    ...extraAudit,
  ]);
}

/**
 * Moves every overdue referral (or those of `ids`) the transaction can see to expired: an event
 * by the system, the timeline entries of both sides, and an audit row by 'system'.
 */
export async function sweepExpired(tx: Db, audit: AuditContext, ids: string[] | null = null): Promise<number> {
  const expired = await repo.expireOverdue(tx, audit.tenantId, ids);
  if (expired.length === 0) return 0;
  await events.insertEvents(
    tx,
    audit.tenantId,
    expired.map((r) => ({
      referralId: r.id,
      compartmentId: r.compartment_id,
      from: r.from_status,
      to: 'expired' as const,
      actorUserId: null,
      actorLabel: 'system',
      via: 'system' as const,
      reason: 'time_limit',
      note: null,
    })),
  );
  await appendToTimelines(
    tx,
    audit.tenantId,
    expired.map((r) => ({ ...r, from: r.from_status, to: 'expired' as const, body: { reason: 'time_limit' } })),
    null,
  );
  await recordAudit(
    tx,
    { ...audit, actorUserId: null, actorLabel: 'system' },
    expired.map((r) => ({
      action: 'referral.expired' as const,
      entityType: 'referral',
      entityId: r.id,
      personId: r.person_id,
      structureId: r.sender_structure_id,
      changes: { from: r.from_status, to: 'expired' },
    })),
  );
  return expired.length;
}

/**
 * The scheduler's sweep: every overdue referral of the tenant, the shelter's included (system
 * work, hence inside every compartment). Returns how many expired.
 */
export async function sweepExpiredReferrals(db: Db, tenantId: string): Promise<number> {
  const compartments = await repo.confidentialStructures(db, tenantId);
  const audit: AuditContext = { tenantId, actorUserId: null, actorLabel: 'system', requestId: null, ip: null };
  return unsafeWithCompartments(db, compartments, (tx) => sweepExpired(tx, audit));
}
