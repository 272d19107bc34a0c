import { sql, type SQL } from 'drizzle-orm';
import type { Permission } from '../../../shared/access.js';
import type { TBenefitApplication } from '../../../shared/benefits/benefit.js';
import { benefitMoves } from '../../../shared/benefits/lists.js';
import type { AuditContext, AuditEvent } from '../../platform/audit/audit.js';
import { structureScope, structuresWith, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, notFound } from '../../platform/http/problem.js';
import { Refusal, invalidField, type NewEntry } from '../cases/index.js';
import * as repo from './benefits.repo.js';

/** Today in Thessaloniki (YYYY-MM-DD), whatever the server's time zone. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' }).format(new Date());
}

/** The day `days` after today in Thessaloniki. */
export function daysFromToday(days: number): string {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day given, or today; 422 naming the field for a day to come. */
export function pastOrToday(day: string | undefined, field: string): string {
  const now = today();
  if (day === undefined) return now;
  if (day > now) throw invalidField(field, 'future_date', 'problem.future_date.detail');
  return day;
}

/** The scope of a permission over applications: a condition on the filing structure `b.structure_id`. */
export function benefitScope(actor: Actor, permission: Permission, tenantId: string): SQL {
  return structureScope(actor, permission, tenantId, sql`b.structure_id`);
}

/** An application the actor may not see (or that does not exist), for the permission. */
export const benefitRefused = (id: string, permission: Permission) =>
  new Refusal(notFound('problem.benefit_not_found.detail'), 'benefit_application', [id], permission);

/** A person the actor may not see (or who does not exist), for the permission. */
export const personRefused = (id: string, permission: Permission) =>
  new Refusal(notFound('problem.person_not_found.detail'), 'person', [id], permission, [id]);

/** The application if the actor holds the permission at its structure (locked for a change), or a refusal (404, audited). */
export async function benefitFor(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  permission: 'benefit.read' | 'benefit.update',
): Promise<repo.BenefitRow> {
  const row = await repo.findBenefit(
    tx,
    audit.tenantId,
    id,
    benefitScope(actor, permission, audit.tenantId),
    permission === 'benefit.update',
  );
  if (!row) throw benefitRefused(id, permission);
  return row;
}

/**
 * The filing structure: the one named (or the case's), else the actor's only one for
 * benefit.update; it must be one where the actor files (403 otherwise, 422 when unknown).
 */
export async function filingStructure(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  named: string | undefined,
): Promise<{ id: string; confidential: boolean }> {
  const where = structuresWith(actor, 'benefit.update');
  const pick = named ?? actor.currentStructureId ?? (where !== 'all' && where.length === 1 ? where[0] : undefined);
  if (!pick) throw invalidField('body.structure', 'required', 'problem.structure_required.detail');
  const s = await repo.findStructure(tx, audit.tenantId, pick);
  if (!s) throw invalidField('body.structure', 'unknown_reference', 'problem.structure_not_found.detail');
  const mine =
    where === 'all'
      ? s.organisationId === actor.organisationId && (!s.confidential || actor.compartments.includes(s.id))
      : where.includes(s.id);
  if (!mine) throw new ProblemError(403, 'problem.forbidden.title', 'problem.benefit_structure_not_yours.detail');
  return s;
}

/** The audit event of an action on an application: it, its person and its structure. */
export function benefitAudit(action: AuditEvent['action'], r: repo.BenefitRow, extra: Partial<AuditEvent> = {}): AuditEvent {
  return {
    action,
    entityType: 'benefit_application',
    entityId: r.id,
    personId: r.current_person_id,
    structureId: r.structure_id,
    ...extra,
  };
}

/** The `benefit_step` entries of a step on the application's case (none without a case). */
export function benefitEntries(r: repo.BenefitRow, actor: Actor, body: Record<string, unknown>): NewEntry[] {
  if (r.case_id === null) return [];
  return [
    {
      caseId: r.case_id,
      compartmentId: r.compartment_id,
      kind: 'benefit_step',
      body: { benefitApplication: r.id, type: r.benefit_type, ...body },
      sensitivity: null,
      authorUserId: actor.userId,
    },
  ];
}

/** An application as the API shows it, with its checklist. */
export function presentBenefit(r: repo.BenefitRow, items: repo.ChecklistRow[]): TBenefitApplication {
  return {
    id: r.id,
    person: { id: r.current_person_id, givenName: r.given_name ?? '', familyName: r.family_name ?? '' },
    case: r.case_id,
    structure: { slug: r.structure_slug },
    type: r.benefit_type,
    description: r.description,
    status: r.status,
    allowed: [...benefitMoves(r.status)],
    submittedOn: r.submitted_on,
    referenceNumber: r.reference_number,
    decidedOn: r.decided_on,
    monthlyAmountCents: r.monthly_amount_cents,
    renewalOn: r.renewal_on,
    note: r.note,
    checklist: items.map((i) => ({ key: i.key, label: i.label, done: i.done, note: i.note, markedAt: i.marked_at })),
    createdBy: { id: r.created_by, username: r.creator_username, displayName: r.creator_display_name },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
