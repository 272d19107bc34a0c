import type { SensitivityLabel } from '../../../shared/access.js';
import { detectScript } from '../../../shared/people/names.js';
import type { TPersonPatch } from '../../../shared/people/person.js';
import type { TMergePreview } from '../../../shared/people/registry.js';
import { PERSON_FIELD_LABELS } from './people.policy.js';
import type { PersonRow } from './people.repo.js';

/** The golden-record fields a merge decides, with their column. */
export const MERGE_FIELDS = [
  ['givenName', 'given_name'],
  ['familyName', 'family_name'],
  ['fatherName', 'father_name'],
  ['motherName', 'mother_name'],
  ['sex', 'sex'],
  ['birthDate', 'birth_date'],
  ['birthDateApproximate', 'birth_date_approximate'],
  ['nationality', 'nationality'],
  ['languages', 'languages'],
  ['legalStatus', 'legal_status'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['address', 'address'],
  ['community', 'community'],
  ['disabilityPercent', 'disability_percent'],
  ['disabilityNotes', 'disability_notes'],
  ['healthNotes', 'health_notes'],
  ['gbvNotes', 'gbv_notes'],
  ['minority', 'minority'],
] as const satisfies readonly (readonly [keyof TPersonPatch, keyof PersonRow])[];

export type MergeField = (typeof MERGE_FIELDS)[number][0];
type Rule = TMergePreview['fields'][number]['rule'];

const NAMES = new Set<MergeField>(['givenName', 'familyName', 'fatherName', 'motherName']);
const CONTACTS = new Set<MergeField>(['phone', 'email', 'address', 'community']);

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One field's decision: the value kept, from which side, and by which rule. */
export interface FieldDecision {
  field: MergeField;
  survivor: unknown;
  other: unknown;
  chosen: 'survivor' | 'other';
  rule: Rule;
}

/**
 * The survivorship rule, field by field: equal values stay; a value beats an empty one; for
 * names the official Greek-script spelling wins; for contacts the most recently updated record
 * wins; otherwise the survivor's value stays. A person's explicit choice overrides the rule.
 */
export function decideFields(
  survivor: PersonRow,
  other: PersonRow,
  choices: Partial<Record<string, 'survivor' | 'other'>> = {},
): FieldDecision[] {
  return MERGE_FIELDS.map(([field, column]) => {
    const s: unknown = survivor[column];
    const o: unknown = other[column];
    let chosen: 'survivor' | 'other' = 'survivor';
    let rule: Rule = 'survivor_has_value';
    if (same(s, o)) rule = 'same';
    else if (empty(s)) [chosen, rule] = ['other', 'only_other_has_value'];
    else if (empty(o)) rule = 'survivor_has_value';
    else if (NAMES.has(field)) {
      if (detectScript(String(s)) !== 'greek' && detectScript(String(o)) === 'greek')
        [chosen, rule] = ['other', 'greek_script_name'];
      else if (detectScript(String(s)) === 'greek') rule = 'greek_script_name';
    } else if (CONTACTS.has(field)) {
      rule = 'latest';
      if (other.updated_at > survivor.updated_at) chosen = 'other';
    }
    const override = choices[field];
    if (override && rule !== 'same') chosen = override;
    return { field, survivor: s, other: o, chosen, rule };
  });
}

/**
 * The change a merge makes to the survivor's record, and the before/after of every field it
 * changes (kept in the link log, so that an unmerge puts back exactly what the merge changed).
 * The other record's spelling of the name joins the aliases.
 */
export function mergeChange(survivor: PersonRow, other: PersonRow, decisions: FieldDecision[]) {
  const patch: Record<string, unknown> = {};
  const changed: Record<string, [unknown, unknown]> = {};
  for (const d of decisions) {
    if (d.chosen !== 'other' || d.rule === 'same') continue;
    patch[d.field] = d.other;
    changed[d.field] = [d.survivor, d.other];
  }
  const names = new Set(survivor.aliases.map((a) => `${a.givenName}|${a.familyName}`));
  const givenName = (patch.givenName as string | undefined) ?? survivor.given_name;
  const familyName = (patch.familyName as string | undefined) ?? survivor.family_name;
  const aliases = [...survivor.aliases];
  for (const a of [
    { givenName: survivor.given_name, familyName: survivor.family_name },
    { givenName: other.given_name, familyName: other.family_name },
    ...other.aliases,
  ]) {
    const key = `${a.givenName}|${a.familyName}`;
    if ((a.givenName === givenName && a.familyName === familyName) || names.has(key)) continue;
    names.add(key);
    aliases.push(a);
  }
  if (aliases.length !== survivor.aliases.length) {
    patch.aliases = aliases.slice(0, 20);
    changed.aliases = [survivor.aliases, patch.aliases];
  }
  return { patch: patch as TPersonPatch, changed };
}

/** The preview rows a reader may see: fields they are not cleared for are left out (the rule still applies). */
export function visibleDecisions(decisions: FieldDecision[], clearances: ReadonlySet<SensitivityLabel>): FieldDecision[] {
  return decisions.filter((d) => {
    const label = (PERSON_FIELD_LABELS as Partial<Record<string, SensitivityLabel>>)[d.field];
    return label === undefined || clearances.has(label);
  });
}

/** The fields to put back when a merge is undone: those the merge changed and nobody changed since. */
export function revertPatch(current: PersonRow, changed: Record<string, [unknown, unknown]>): TPersonPatch {
  const patch: Record<string, unknown> = {};
  const columns = new Map<string, keyof PersonRow>([...MERGE_FIELDS, ['aliases', 'aliases']]);
  for (const [field, [before, after]] of Object.entries(changed)) {
    const column = columns.get(field);
    if (column && same(current[column], after)) patch[field] = before;
  }
  return patch;
}
