import type { Permission, SensitivityLabel } from '../../../shared/access.js';
import type { IdentifierType } from '../../../shared/people/identifiers.js';
import type { TPerson, TPersonPatch } from '../../../shared/people/person.js';
import { structureScope, type Actor, type FieldLabels } from '../../platform/auth/index.js';
import { sql, type SQL } from 'drizzle-orm';
import { ProblemError } from '../../platform/http/problem.js';

/** The sensitivity label of each sensitive field of a person (GDPR articles 9 and 10). */
export const PERSON_FIELD_LABELS: FieldLabels<TPerson> = {
  legalStatus: 'migration',
  disabilityPercent: 'health',
  disabilityNotes: 'health',
  healthNotes: 'health',
  gbvNotes: 'gbv',
  minority: 'ethnicity',
};

/** Identifiers that reveal migration status: shown only to readers cleared for it. */
export const IDENTIFIER_LABELS: Partial<Record<IdentifierType, SensitivityLabel>> = {
  paaypa: 'migration',
  asylum_card: 'migration',
  residence_permit: 'migration',
};

/** The scope of a permission over person records: a condition on the registration's structure `r.structure_id`. */
export function personScope(actor: Actor, permission: Permission, tenantId: string): SQL {
  return structureScope(actor, permission, tenantId, sql`r.structure_id`);
}

/**
 * The fields of a write that the writer is not cleared for. A worker cannot write what they may
 * not read: the write is refused, naming the fields (never their values).
 */
export function unclearedFields(input: TPersonPatch, clearances: ReadonlySet<SensitivityLabel>): string[] {
  const out: string[] = [];
  for (const [field, label] of Object.entries(PERSON_FIELD_LABELS) as [keyof TPerson, SensitivityLabel][]) {
    if (field in input && (input as Record<string, unknown>)[field] !== undefined && !clearances.has(label)) out.push(field);
  }
  for (const [i, id] of (input.identifiers ?? []).entries()) {
    const label = IDENTIFIER_LABELS[id.type];
    if (label && !clearances.has(label)) out.push(`identifiers.${i}.type`);
  }
  return out;
}

/** Refuses a write of fields the writer is not cleared for (403, naming the fields). */
export function refuseUncleared(input: TPersonPatch, actor: Actor): void {
  const fields = unclearedFields(input, actor.clearances);
  if (fields.length > 0) {
    throw new ProblemError(403, 'problem.forbidden.title', 'problem.field_not_cleared.detail', {
      errors: fields.map((field) => ({ field: `body.${field}`, code: 'not_cleared' })),
    });
  }
}
