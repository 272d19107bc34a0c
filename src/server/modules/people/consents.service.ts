import type { z } from 'zod';
import type { TConsent, ZConsentCreate } from '../../../shared/people/registry.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, notFound, unprocessable } from '../../platform/http/problem.js';
import { Refusal, actAudited, invalidField, isCalendarDate, pastOrToday, today } from './households.service.js';
import { personForActor } from './people.access.js';
import * as repo from './consents.repo.js';

type ConsentCreate = z.infer<typeof ZConsentCreate>;

/** A consent as the API shows it; the status is computed on the day it is read. */
function present(row: repo.ConsentRow, day: string): TConsent {
  return {
    id: row.id,
    purpose: row.purpose,
    recipient:
      row.recipient_slug !== null && row.recipient_name !== null ? { slug: row.recipient_slug, name: row.recipient_name } : null,
    lawfulBasis: row.lawful_basis,
    givenAt: row.given_at,
    expiresAt: row.expires_at,
    withdrawnAt: row.withdrawn_at,
    status: row.withdrawn_at !== null ? 'withdrawn' : row.expires_at !== null && row.expires_at < day ? 'expired' : 'active',
    note: row.note,
  };
}

async function presentOne(tx: Db, tenantId: string, id: string): Promise<TConsent> {
  const row = await repo.findConsent(tx, tenantId, id);
  if (!row) throw new Error('consent not found after writing it');
  return present(row, today());
}

/** A person's consents, newest first, each with its status today; one audit row per consent returned. */
export async function consentsOfPerson(db: Db, audit: AuditContext, actor: Actor, personId: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const found = await personForActor(tx, audit, actor, personId, 'person.read');
    if (!found) throw new Refusal(notFound('problem.person_not_found.detail'), 'person', personId, 'person.read', personId);
    const day = today();
    const items = (await repo.consentsOfCluster(tx, audit.tenantId, found.row.id)).map((r) => present(r, day));
    await recordAudit(
      tx,
      audit,
      items.map((c) => ({
        action: 'consent.read' as const,
        entityType: 'consent',
        entityId: c.id,
        personId: found.row.id,
        ...(found.access === 'break-glass' ? { reason: 'break-glass' } : {}),
      })),
    );
    return { items };
  });
}

/** Records a consent given by a person the actor may update: given today or before, expiring (if at all) on or after that day. */
export async function recordConsent(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  personId: string,
  input: ConsentCreate,
): Promise<TConsent> {
  const givenAt = pastOrToday(input.givenAt, 'body.givenAt');
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt !== null && !isCalendarDate(expiresAt)) throw invalidField('body.expiresAt', 'invalid_date');
  if (expiresAt !== null && expiresAt < givenAt) throw invalidField('body.expiresAt', 'before_given');
  return actAudited(db, audit, actor, async (tx) => {
    const found = await personForActor(tx, audit, actor, personId, 'person.update');
    if (!found) throw new Refusal(notFound('problem.person_not_found.detail'), 'person', personId, 'person.update', personId);
    let recipientOrganisationId: string | null = null;
    if (input.recipient !== null) {
      recipientOrganisationId = (await repo.organisationIdBySlug(tx, audit.tenantId, input.recipient)) ?? null;
      if (recipientOrganisationId === null) throw unprocessable('problem.organisation_not_found.detail', 'body.recipient');
    }
    const id = await repo.insertConsent(tx, audit.tenantId, {
      personId: found.row.id,
      compartmentId: found.row.compartment_id,
      purpose: input.purpose,
      recipientOrganisationId,
      lawfulBasis: input.lawfulBasis,
      givenAt,
      expiresAt,
      note: input.note ? input.note : null,
      recordedBy: actor.userId,
    });
    const changes = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
    await recordAudit(tx, audit, [
      { action: 'consent.recorded', entityType: 'consent', entityId: id, personId: found.row.id, changes },
    ]);
    return presentOne(tx, audit.tenantId, id);
  });
}

/** Withdraws a consent now; it stays on record, withdrawn. Its person must be one the actor may update. */
export async function withdrawConsent(db: Db, audit: AuditContext, actor: Actor, id: string): Promise<TConsent> {
  return actAudited(db, audit, actor, async (tx) => {
    const consent = await repo.lockConsent(tx, audit.tenantId, id);
    const found = consent ? await personForActor(tx, audit, actor, consent.person_id, 'person.update') : null;
    if (!consent || !found) {
      throw new Refusal(notFound('problem.consent_not_found.detail'), 'consent', id, 'person.update', consent?.person_id);
    }
    if (consent.withdrawn) throw conflict('problem.already_withdrawn.detail');
    await repo.withdrawConsent(tx, audit.tenantId, id);
    await recordAudit(tx, audit, [
      { action: 'consent.withdrawn', entityType: 'consent', entityId: id, personId: found.row.id, changes: ['withdrawnAt'] },
    ]);
    return presentOne(tx, audit.tenantId, id);
  });
}

/**
 * Whether a person (any row of their cluster) has a consent in force today for the purpose that
 * covers the recipient organisation (null: a recipient within the municipality). Runs in the
 * caller's transaction (withActor), so it sees only the compartments the caller may see.
 */
export async function activeConsent(
  tx: Db,
  tenantId: string,
  personId: string,
  purpose: repo.Purpose,
  recipientOrganisationId: string | null,
): Promise<boolean> {
  return repo.hasActiveConsent(tx, tenantId, personId, purpose, recipientOrganisationId, today());
}

/**
 * The consent in force today that covers the recipient (activeConsent), for a referral to name
 * as its basis; null when there is none. Runs in the caller's transaction (withActor).
 */
export async function activeConsentId(
  tx: Db,
  tenantId: string,
  personId: string,
  purpose: repo.Purpose,
  recipientOrganisationId: string | null,
): Promise<string | null> {
  return repo.activeConsentId(tx, tenantId, personId, purpose, recipientOrganisationId, today());
}
