import type { SensitivityLabel } from '../../../shared/access.js';

/** The sensitivity label of each sensitive field of a record type; unlabelled fields are ordinary. */
export type FieldLabels<T> = Partial<Record<keyof T & string, SensitivityLabel>>;

/**
 * Leaves out every field whose label the actor is not cleared for: the field is absent from the
 * response, not blanked, so a client cannot tell an empty value from a hidden one by its shape.
 * Returns the record and the names of the fields left out (for the audit row).
 */
export function omitUncleared<T extends object>(
  record: T,
  labels: FieldLabels<T>,
  clearances: ReadonlySet<SensitivityLabel>,
): { visible: Partial<T>; omitted: string[] } {
  const visible: Partial<T> = {};
  const omitted: string[] = [];
  for (const [key, value] of Object.entries(record) as [keyof T & string, T[keyof T & string]][]) {
    const label = labels[key];
    if (label !== undefined && !clearances.has(label)) omitted.push(key);
    else visible[key] = value;
  }
  return { visible, omitted };
}
