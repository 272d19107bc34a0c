/** Problems with the person form, turned into the error summary and the messages beside each field. */
import type { Translator } from '../../i18n/core.js';
import { el, type StaffKey, type StaffMessages } from '../../i18n/staff/el.js';
import type { FormError } from '../components.js';
import { inputId, type FieldProblem } from './personForm.js';

type T = Translator<StaffMessages>['t'];

/** The label of a field path, e.g. `identifiers.1.value` → "Αριθμός αναγνωριστικού 2". */
export function fieldLabel(path: string, t: T): string {
  const identifier = /^identifiers\.(\d+)(?:\.(type|value))?/.exec(path);
  if (identifier) {
    const n = Number(identifier[1] ?? 0) + 1;
    return identifier[2] === 'type' ? t('intake.identifierType', { n }) : t('intake.identifierValue', { n });
  }
  const key = `person.field.${path.split('.')[0] ?? path}`;
  return key in el ? t(key as StaffKey) : path;
}

function message(p: FieldProblem, label: string, t: T): string {
  if (p.code === 'not_cleared') return t('person.notCleared', { field: label });
  if (p.path === 'birthDate') return t('person.birthDateInvalid');
  const required = p.path === 'givenName' || p.path === 'familyName' || /^identifiers\.\d+\.value$/.test(p.path);
  if (required && (p.code === 'too_small' || p.code === 'required' || p.code === 'invalid_type')) {
    return t('person.required', { field: label });
  }
  return t('common.checkField', { field: label });
}

/** The error summary's entries (linking to each input) and the message to show beside each field, by path. */
export function formErrors(
  problems: readonly FieldProblem[],
  prefix: string,
  t: T,
): { summary: FormError[]; byPath: Record<string, string> } {
  const byPath: Record<string, string> = {};
  const summary: FormError[] = [];
  for (const p of problems) {
    if (byPath[p.path]) continue; // one message per field, the first problem found
    const text = message(p, fieldLabel(p.path, t), t);
    byPath[p.path] = text;
    summary.push({ field: inputId(prefix, p.path), text });
  }
  return { summary, byPath };
}
