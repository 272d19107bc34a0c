/**
 * The person form as the screens hold it (strings, as typed) and its conversion to the API's
 * shapes, checked by the same Zod schemas the server uses.
 */
import type { SensitivityLabel } from '../../../shared/access.js';
import type { IdentifierType } from '../../../shared/people/identifiers.js';
import type { LegalStatus, TPerson, TPersonPatch } from '../../../shared/people/person.js';
import type { TMatchDraft } from '../../../shared/people/registry.js';
import { PERSON_FIELD_LABELS } from '../../../shared/people/lists.js';

/** One identifier row of the form; `key` keeps React's rows stable while rows are added and removed. */
export interface IdentifierRow {
  key: number;
  type: IdentifierType;
  value: string;
}

/** Every field of the form, as typed. */
export interface PersonForm {
  givenName: string;
  familyName: string;
  givenNameLatin: string;
  familyNameLatin: string;
  fatherName: string;
  motherName: string;
  sex: '' | 'M' | 'F';
  birthDate: string;
  birthDateApproximate: boolean;
  nationality: string;
  languages: string[];
  legalStatus: '' | LegalStatus;
  phone: string;
  email: string;
  address: string;
  community: string;
  identifiers: IdentifierRow[];
  disabilityPercent: string;
  disabilityNotes: string;
  healthNotes: string;
  gbvNotes: string;
  minority: string;
}

/** The sensitivity label each sensitive field of the form needs (the server's own list). */
export const FIELD_CLEARANCE: Partial<Record<keyof PersonForm, SensitivityLabel>> = PERSON_FIELD_LABELS;

/** An empty form. */
export function emptyPersonForm(): PersonForm {
  return {
    givenName: '',
    familyName: '',
    givenNameLatin: '',
    familyNameLatin: '',
    fatherName: '',
    motherName: '',
    sex: '',
    birthDate: '',
    birthDateApproximate: false,
    nationality: '',
    languages: [],
    legalStatus: '',
    phone: '',
    email: '',
    address: '',
    community: '',
    identifiers: [],
    disabilityPercent: '',
    disabilityNotes: '',
    healthNotes: '',
    gbvNotes: '',
    minority: '',
  };
}

/** The form filled from a stored record (for editing); absent sensitive fields stay empty and are never sent. */
export function personFormFrom(p: TPerson): PersonForm {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    givenNameLatin: p.givenNameLatin,
    familyNameLatin: p.familyNameLatin,
    fatherName: p.fatherName ?? '',
    motherName: p.motherName ?? '',
    sex: p.sex ?? '',
    birthDate: p.birthDate ?? '',
    birthDateApproximate: p.birthDateApproximate,
    nationality: p.nationality ?? '',
    languages: [...p.languages],
    legalStatus: p.legalStatus ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    address: p.address ?? '',
    community: p.community === null ? '' : String(p.community),
    identifiers: p.identifiers.map((i, key) => ({ key, type: i.type, value: i.value })),
    disabilityPercent: p.disabilityPercent === null || p.disabilityPercent === undefined ? '' : String(p.disabilityPercent),
    disabilityNotes: p.disabilityNotes ?? '',
    healthNotes: p.healthNotes ?? '',
    gbvNotes: p.gbvNotes ?? '',
    minority: p.minority ?? '',
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

// Not a number gives NaN, which the schema refuses: the worker is asked to correct it, nothing is cleared silently.
const numberOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim()));

/**
 * The fields of the form as the API takes them: empty text becomes null, and fields needing a
 * clearance the worker lacks are left out entirely (writing them would be refused).
 */
export function personInput(form: PersonForm, clearances: readonly string[]): TPersonPatch {
  const out: Record<string, unknown> = {
    givenName: form.givenName.trim(),
    familyName: form.familyName.trim(),
    givenNameLatin: orNull(form.givenNameLatin),
    familyNameLatin: orNull(form.familyNameLatin),
    fatherName: orNull(form.fatherName),
    motherName: orNull(form.motherName),
    sex: form.sex || null,
    birthDate: orNull(form.birthDate),
    birthDateApproximate: form.birthDate.trim() ? form.birthDateApproximate : false,
    nationality: orNull(form.nationality),
    languages: form.languages,
    legalStatus: form.legalStatus || null,
    phone: orNull(form.phone),
    email: orNull(form.email),
    address: orNull(form.address),
    community: numberOrNull(form.community),
    identifiers: form.identifiers.filter((i) => i.value.trim()).map((i) => ({ type: i.type, value: i.value.trim() })),
    disabilityPercent: numberOrNull(form.disabilityPercent),
    disabilityNotes: orNull(form.disabilityNotes),
    healthNotes: orNull(form.healthNotes),
    gbvNotes: orNull(form.gbvNotes),
    minority: orNull(form.minority),
  };
  const uncleared = new Set(
    Object.entries(FIELD_CLEARANCE).flatMap(([field, label]) => (clearances.includes(label) ? [] : [field])),
  );
  return Object.fromEntries(Object.entries(out).filter(([field]) => !uncleared.has(field)));
}

/** Only what changed between the record as read and the form: a PATCH then touches nothing else. */
export function personPatch(before: PersonForm, after: PersonForm, clearances: readonly string[]): TPersonPatch {
  const a: Record<string, unknown> = personInput(before, clearances);
  const b: Record<string, unknown> = personInput(after, clearances);
  return Object.fromEntries(Object.entries(b).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(a[key])));
}

/**
 * After someone else saved: the version now stored, with the worker's own changes (what differs
 * from the version they started from) laid over it. Fields they did not touch take the new values,
 * so saving again cannot undo the other person's change.
 */
export function rebase(base: PersonForm, typed: PersonForm, fresh: PersonForm): PersonForm {
  const out: Record<string, unknown> = { ...fresh };
  for (const key of Object.keys(typed) as (keyof PersonForm)[]) {
    if (JSON.stringify(typed[key]) !== JSON.stringify(base[key])) out[key] = typed[key];
  }
  return out as unknown as PersonForm;
}

/** A problem with one field of the form: its path in the API's terms (e.g. `identifiers.0.value`) and a code. */
export interface FieldProblem {
  path: string;
  code: string;
}

/** The problems of an API answer (`errors: [{field: 'body.x'}]`) in the form's terms. */
export function problemsFromApi(errors: readonly { field: string; code: string }[] | undefined): FieldProblem[] {
  return (errors ?? []).map((e) => ({ path: e.field.replace(/^body\./, ''), code: e.code }));
}

/** The id of the input a field path points at, so the error summary can link to it. */
export function inputId(prefix: string, path: string): string {
  const identifier = /^identifiers\.(\d+)(?:\.(type|value))?$/.exec(path);
  if (identifier) return `${prefix}-identifier-${identifier[1] ?? '0'}-${identifier[2] ?? 'value'}`;
  if (path === 'sex') return `${prefix}-sex-M`;
  if (path.startsWith('languages')) return `${prefix}-languages`;
  return `${prefix}-${path.split('.')[0] ?? path}`;
}

/**
 * What to search candidates with while the worker types, or null when there is too little to
 * search with: at least a family name, or a given name with a birth date, or an identifier.
 */
export function matchDraft(form: PersonForm): TMatchDraft | null {
  const familyName = form.familyName.trim();
  const givenName = form.givenName.trim();
  const birthDate = /^\d{4}-\d{2}-\d{2}$/.test(form.birthDate) ? form.birthDate : null;
  const identifiers = form.identifiers
    .filter((i) => i.value.trim().length >= 4)
    .map((i) => ({ type: i.type, value: i.value.trim() }));
  if (!familyName && !(givenName && birthDate) && identifiers.length === 0) return null;
  const draft: TMatchDraft = { limit: 8 };
  if (givenName) draft.givenName = givenName;
  if (familyName) draft.familyName = familyName;
  if (form.fatherName.trim()) draft.fatherName = form.fatherName.trim();
  if (form.motherName.trim()) draft.motherName = form.motherName.trim();
  if (form.sex) draft.sex = form.sex;
  if (birthDate) {
    draft.birthDate = birthDate;
    draft.birthDateApproximate = form.birthDateApproximate;
  }
  if (identifiers.length) draft.identifiers = identifiers;
  return draft;
}
