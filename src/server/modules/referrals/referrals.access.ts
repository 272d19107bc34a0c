import { sql, type SQL } from 'drizzle-orm';
import type { Permission, SensitivityLabel } from '../../../shared/access.js';
import type { ShareableField } from '../../../shared/referrals/machine.js';
import type { TReferral, TSharedPerson } from '../../../shared/referrals/referral.js';
import type { AuditEvent } from '../../platform/audit/audit.js';
import { structureScope, structuresWith, type Actor } from '../../platform/auth/index.js';
import { notFound } from '../../platform/http/problem.js';
import { Refusal } from '../cases/index.js';
import type { PersonFields, ReferralRow, Scopes } from './referrals.repo.js';

/** The sending side's scope for a permission: the referral's sending structure is one of the actor's. */
export function senderScope(actor: Actor, permission: Permission, tenantId: string): SQL {
  return structureScope(actor, permission, tenantId, sql`r.sender_structure_id`);
}

/**
 * The receiving side's scope for a permission: a referral once sent (drafts are the sender's
 * alone) to one of the actor's structures, or to the actor's own organisation when the actor
 * holds the permission somewhere (a partner organisation's staff).
 */
export function receiverScope(actor: Actor, permission: Permission, tenantId: string): SQL {
  const where = structuresWith(actor, permission);
  const organisation = where === 'all' || where.length > 0 ? sql`r.target_organisation_id = ${actor.organisationId}` : sql`false`;
  return sql`(r.status <> 'draft' and (${structureScope(actor, permission, tenantId, sql`r.target_structure_id`)} or ${organisation}))`;
}

/** Every scope a referral query computes for the reader. */
export function scopesOf(actor: Actor, tenantId: string): Scopes {
  return {
    senderRead: senderScope(actor, 'referral.read', tenantId),
    receiverRead: receiverScope(actor, 'referral.read', tenantId),
    send: senderScope(actor, 'referral.create', tenantId),
    respond: receiverScope(actor, 'referral.respond', tenantId),
  };
}

/** Scopes for the holder of an outside organisation's link: the receiving side of that one referral. */
export const LINK_SCOPES: Scopes = { senderRead: sql`false`, receiverRead: sql`true`, send: sql`false`, respond: sql`true` };

/** A referral the actor may not see (or that does not exist), for the permission. */
export const referralRefused = (id: string, permission: Permission) =>
  new Refusal(notFound('problem.referral_not_found.detail'), 'referral', [id], permission);

/** The sensitivity label of each shareable field that has one. */
export const SHARED_FIELD_LABELS: Partial<Record<ShareableField, SensitivityLabel>> = {
  legalStatus: 'migration',
  disabilityPercent: 'health',
};

const VALUE: Record<ShareableField, (p: PersonFields) => unknown> = {
  givenName: (p) => p.given_name ?? '',
  familyName: (p) => p.family_name ?? '',
  birthYear: (p) => p.birth_year,
  phone: (p) => p.phone,
  email: (p) => p.email,
  birthDate: (p) => p.birth_date,
  sex: (p) => p.sex,
  fatherName: (p) => p.father_name,
  motherName: (p) => p.mother_name,
  nationality: (p) => p.nationality,
  languages: (p) => p.languages ?? [],
  address: (p) => p.address,
  legalStatus: (p) => p.legal_status,
  disabilityPercent: (p) => p.disability_percent,
};

/**
 * The shared fields of the person and no other; a staff reader not cleared for a field's label
 * does not get it (null clearances: the outside organisation, which gets what the sender chose).
 */
export function sharedPerson(row: ReferralRow, clearances: ReadonlySet<SensitivityLabel> | null): TSharedPerson {
  const out: TSharedPerson = {};
  for (const field of row.shared_fields) {
    const label = SHARED_FIELD_LABELS[field];
    if (clearances !== null && label !== undefined && !clearances.has(label)) continue;
    (out as Record<string, unknown>)[field] = VALUE[field](row);
  }
  return out;
}

/** A referral as a staff reader sees it: the sender side also sees whom and from which case. */
export function presentReferral(row: ReferralRow, clearances: ReadonlySet<SensitivityLabel>): TReferral {
  return {
    id: row.id,
    personId: row.is_sender ? row.current_person_id : null,
    person: sharedPerson(row, clearances),
    sender: { slug: row.sender_slug, name: row.sender_name },
    senderCase: row.is_sender ? row.sender_case_id : null,
    target: {
      kind: row.target_structure_id ? 'structure' : 'organisation',
      slug: row.target_slug,
      name: row.target_name,
    },
    side: row.is_sender && row.is_receiver ? 'both' : row.is_sender ? 'sender' : 'receiver',
    purpose: row.purpose,
    status: row.status,
    declineReason: row.decline_reason,
    declinedBy: row.declined_by,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    sharedFields: row.shared_fields,
    consent: row.consent_id ? 'given' : row.consent_override_reason ? 'overridden' : 'not_yet',
    expiresAt: row.expires_at,
    sentAt: row.sent_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The audit event of an action on a referral: the referral, its person and the sending structure. */
export function referralEvent(action: AuditEvent['action'], row: ReferralRow, extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    action,
    entityType: 'referral',
    entityId: row.id,
    personId: row.current_person_id ?? row.person_id,
    structureId: row.target_structure_id && row.is_receiver && !row.is_sender ? row.target_structure_id : row.sender_structure_id,
    ...extra,
  };
}
