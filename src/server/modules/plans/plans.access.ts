import { sql, type SQL } from 'drizzle-orm';
import type { Permission } from '../../../shared/access.js';
import type { AuditContext, AuditEvent } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { caseForActor, caseRefused, invalidField, type NewEntry } from '../cases/index.js';

/** A case found for an actor (the cases module decides). */
export type CaseRow = NonNullable<Awaited<ReturnType<typeof caseForActor>>>['row'];

/** Timestamps as the API shows them (UTC, milliseconds). */
export const ISO = (col: string): SQL => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
/** A date column as YYYY-MM-DD. */
export const DAY = (col: string): SQL => sql.raw(`to_char(${col}, 'YYYY-MM-DD')`);

/** Today in Thessaloniki (YYYY-MM-DD), whatever the server's time zone. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Athens',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** The day given, or today; 422 naming the field for a day to come. */
export function pastOrToday(day: string | undefined, field: string): string {
  const now = today();
  if (day === undefined) return now;
  if (day > now) throw invalidField(field, 'future_date', 'problem.future_date.detail');
  return day;
}

/**
 * The case if the actor may act on it with the permission (its structure in scope, or read by
 * break-glass), in the caller's transaction; otherwise a refusal (404 case_not_found, audited).
 */
export async function caseFor(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  permission: Permission,
  options: { lock?: boolean } = {},
): Promise<{ row: CaseRow; breakGlass: boolean }> {
  const found = await caseForActor(tx, audit, actor, id, permission, options);
  if (!found) throw caseRefused(id, permission);
  return { row: found.row, breakGlass: found.access === 'break-glass' };
}

/** The audit event of an action on something of a case: the entity, the case's person and structure. */
export function caseAudit(
  action: AuditEvent['action'],
  c: { structure_id: string; current_person_id: string | null },
  entityType: string,
  entityId: string,
  extra: Partial<AuditEvent> = {},
): AuditEvent {
  return {
    action,
    entityType,
    entityId,
    structureId: c.structure_id,
    ...(c.current_person_id ? { personId: c.current_person_id } : {}),
    ...extra,
  };
}

/** A timeline entry of a case, written by the actor as a consequence of their action. */
export function entryOf(c: CaseRow, actor: Actor, kind: NewEntry['kind'], body: Record<string, unknown>): NewEntry {
  return { caseId: c.id, compartmentId: c.compartment_id, kind, body, sensitivity: null, authorUserId: actor.userId };
}
