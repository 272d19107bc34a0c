import { createHash, randomBytes } from 'node:crypto';
import type { ReferralStatus } from '../../../shared/referrals/machine.js';
import type { z } from 'zod';
import type { ZExternalAccept, ZExternalComplete, ZExternalDecline } from '../../../shared/referrals/referral.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { unsafeWithCompartments, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, conflict } from '../../platform/http/problem.js';
import { actAudited } from '../cases/index.js';
import { applyMove, sweepExpired, type MoveInput, type Mover } from './moves.js';
import { LINK_SCOPES, referralEvent, referralRefused, scopesOf, sharedPerson } from './referrals.access.js';
import * as events from './events.repo.js';
import * as repo from './referrals.repo.js';
import { referralLetter } from './letter.js';

const LINK: Mover = { actor: null, label: 'external link', via: 'link' };
const OPEN: readonly ReferralStatus[] = ['sent', 'received', 'waitlisted', 'accepted', 'in_service'];

/** The SHA-256 of a link's token: all that is stored. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * A link for the outside organisation a sent referral goes to: a random 256-bit token, shown
 * once in the URL returned, kept only as its hash, working for `days`; an earlier link of the
 * same referral stops working. Sender side only (referral.create at the sending structure).
 */
export async function createLink(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  publicUrl: string,
  id: string,
  days: number,
): Promise<{ url: string; expiresAt: string }> {
  return actAudited(db, audit, actor, async (tx) => {
    await sweepExpired(tx, audit, [id]);
    const row = await repo.findReferral(tx, audit.tenantId, id, scopesOf(actor, audit.tenantId), true);
    if (!row || !row.can_send) throw referralRefused(id, 'referral.create');
    if (row.target_organisation_id === null) throw conflict('problem.referral_link_internal.detail');
    if (!OPEN.includes(row.status)) throw conflict('problem.referral_link_not_open.detail');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = await events.insertLink(tx, audit.tenantId, {
      referralId: id,
      compartmentId: row.compartment_id,
      tokenHash: tokenHash(token),
      days,
      createdBy: actor.userId,
    });
    await recordAudit(tx, audit, [referralEvent('referral.link_created', row, { changes: { days } })]);
    return { url: `${publicUrl}/api/v1/referral-links/${token}`, expiresAt };
  });
}

/** 404 for a token that names no link, 410 for one that no longer works (expired or replaced). */
export const linkNotFound = () => new ProblemError(404, 'problem.not_found.title', 'problem.referral_link_not_found.detail');
const linkGone = () => new ProblemError(410, 'problem.gone.title', 'problem.referral_link_expired.detail');

/**
 * Runs fn on the referral of a working link, locked. Possession of the token is the credential,
 * so the lookup runs inside every compartment (a shelter's referral to an outside service
 * included): system work, named unsafe in the platform.
 */
async function withLink<T>(
  db: Db,
  audit: AuditContext,
  token: string,
  fn: (tx: Db, row: repo.ReferralRow) => Promise<T>,
): Promise<T> {
  const compartments = await repo.confidentialStructures(db, audit.tenantId);
  return unsafeWithCompartments(db, compartments, async (tx) => {
    const link = await events.findLink(tx, audit.tenantId, tokenHash(token));
    if (!link) throw linkNotFound();
    if (!link.usable) throw linkGone();
    await sweepExpired(tx, audit, [link.referral_id]);
    const row = await repo.findReferral(tx, audit.tenantId, link.referral_id, LINK_SCOPES, true);
    if (!row) throw linkNotFound();
    await events.touchLink(tx, link.id);
    return fn(tx, row);
  });
}

/** What the outside organisation sees: the minimum, with only the shared fields of the person. */
function presentExternal(row: repo.ReferralRow) {
  return {
    status: row.status,
    sender: { slug: row.sender_slug, name: row.sender_name },
    target: { slug: row.target_slug, name: row.target_name },
    purpose: row.purpose,
    person: sharedPerson(row, null),
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    outcome: row.outcome,
  };
}

const asLink = (audit: AuditContext): AuditContext => ({ ...audit, actorUserId: null, actorLabel: 'external link' });

async function reload(tx: Db, tenantId: string, id: string): Promise<repo.ReferralRow> {
  const row = await repo.findReferral(tx, tenantId, id, LINK_SCOPES);
  if (!row) throw new Error('referral not found after writing it');
  return row;
}

/** Moves along the path the outside organisation means: opening a sent referral receives it first. */
async function moveVia(tx: Db, audit: AuditContext, days: number, row: repo.ReferralRow, input: MoveInput) {
  let current = row;
  const steps: MoveInput[] = [];
  if (current.status === 'sent' && input.to !== 'received') steps.push({ to: 'received', by: 'receiver' });
  if (current.status === 'accepted' && input.to === 'completed') steps.push({ to: 'in_service', by: 'receiver' });
  for (const step of [...steps, input]) {
    await applyMove(tx, audit, days, current, step, LINK);
    current = await reload(tx, audit.tenantId, row.id);
  }
  return current;
}

/** The referral through its link; opening a sent referral marks it received. Audited as the link's use. */
export async function readByLink(db: Db, ctx: AuditContext, days: number, token: string) {
  const audit = asLink(ctx);
  return withLink(db, audit, token, async (tx, row) => {
    const current = row.status === 'sent' ? await moveVia(tx, audit, days, row, { to: 'received', by: 'receiver' }) : row;
    await recordAudit(tx, audit, [referralEvent('referral.link_used', current, { changes: ['read'] })]);
    return presentExternal(current);
  });
}

/** The outside organisation accepts, declines or completes through its link (receiving it first when needed). */
export async function actByLink(
  db: Db,
  ctx: AuditContext,
  days: number,
  token: string,
  action:
    | { to: 'accepted'; body: z.infer<typeof ZExternalAccept> }
    | { to: 'declined'; body: z.infer<typeof ZExternalDecline> }
    | { to: 'completed'; body: z.infer<typeof ZExternalComplete> },
) {
  const audit = asLink(ctx);
  return withLink(db, audit, token, async (tx, row) => {
    const input: MoveInput =
      action.to === 'declined'
        ? {
            to: 'declined',
            by: 'receiver',
            reason: action.body.reason,
            declinedBy: action.body.declinedBy,
            note: action.body.note,
          }
        : action.to === 'completed'
          ? { to: 'completed', by: 'receiver', outcome: action.body.outcome, note: action.body.note }
          : { to: 'accepted', by: 'receiver', note: action.body.note };
    const current = await moveVia(tx, audit, days, row, input);
    await recordAudit(tx, audit, [referralEvent('referral.link_used', current, { changes: [action.to] })]);
    return presentExternal(current);
  });
}

/** The referral letter through the link, in Greek or English. */
export async function letterByLink(db: Db, ctx: AuditContext, token: string, lang: 'el' | 'en'): Promise<Uint8Array> {
  const audit = asLink(ctx);
  return withLink(db, audit, token, async (tx, row) => {
    await recordAudit(tx, audit, [referralEvent('referral.letter_generated', row, { changes: { lang, via: 'link' } })]);
    return referralLetter(letterContent(row, null), lang);
  });
}

/** What the letter of a referral says, with the fields the reader may see. */
export function letterContent(row: repo.ReferralRow, clearances: Parameters<typeof sharedPerson>[1]) {
  return {
    id: row.id,
    sender: row.sender_name,
    target: row.target_name,
    purpose: row.purpose,
    status: row.status,
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    person: sharedPerson(row, clearances),
  };
}

/** The referral letter for a staff reader of either side, with the fields the reader may see; audited. */
export async function staffLetter(db: Db, audit: AuditContext, actor: Actor, id: string, lang: 'el' | 'en') {
  return actAudited(db, audit, actor, async (tx) => {
    await sweepExpired(tx, audit, [id]);
    const row = await repo.findReferral(tx, audit.tenantId, id, scopesOf(actor, audit.tenantId));
    if (!row) throw referralRefused(id, 'referral.read');
    await recordAudit(tx, audit, [referralEvent('referral.letter_generated', row, { changes: { lang } })]);
    return referralLetter(letterContent(row, actor.clearances), lang);
  });
}
