import type { Permission, SensitivityLabel } from '../../../shared/access.js';
import type { TPerson, TPersonPatch } from '../../../shared/people/person.js';
import { IDENTIFIER_LABELS, PERSON_FIELD_LABELS } from '../../../shared/people/lists.js';
import { structureScope, type Actor } from '../../platform/auth/index.js';
import { sql, type SQL } from 'drizzle-orm';
import { ProblemError } from '../../platform/http/problem.js';

export { IDENTIFIER_LABELS, PERSON_FIELD_LABELS } from '../../../shared/people/lists.js';

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
