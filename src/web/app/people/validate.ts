/**
 * The checks of the person schemas (src/shared/people/person.ts, registry.ts) as the browser runs
 * them before sending. The schemas themselves stay out of the browser bundle: Zod would land in the
 * chunk the public portal shares (vite.config.ts), and the portal must stay small for cheap phones.
 * The server validates again with the schemas; this only spares the worker a round trip.
 */
import type { TPersonPatch } from '../../../shared/people/person.js';
import type { FieldProblem } from './personForm.js';

const PHONE = /^\+?[0-9 ()-]{5,20}$/;
// Zod's own z.email() pattern (zod/v4/core/regexes.js), so browser and server agree on what an address is.
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a YYYY-MM-DD string is a real calendar date (any year). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** As the schema's birth date: a real date between 1900 and today. */
export function isPlausibleBirthDate(value: string, now: Date = new Date()): boolean {
  return isCalendarDate(value) && Number(value.slice(0, 4)) >= 1900 && Date.parse(`${value}T00:00:00Z`) <= now.getTime();
}

const LIMITS: Readonly<Record<string, number>> = {
  givenName: 200,
  familyName: 200,
  givenNameLatin: 200,
  familyNameLatin: 200,
  fatherName: 200,
  motherName: 200,
  address: 300,
  disabilityNotes: 2000,
  healthNotes: 4000,
  gbvNotes: 4000,
  minority: 200,
};

const isInt = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The problems of a registration (`create`) or a change (`patch`), named by field path as the server names them. */
export function checkPerson(input: TPersonPatch, mode: 'create' | 'patch'): FieldProblem[] {
  const out: FieldProblem[] = [];
  const fields: Record<string, unknown> = input;
  for (const field of ['givenName', 'familyName'] as const) {
    const v = input[field];
    if ((mode === 'create' || v !== undefined) && (typeof v !== 'string' || v.trim() === ''))
      out.push({ path: field, code: 'too_small' });
  }
  for (const [field, max] of Object.entries(LIMITS)) {
    const v = fields[field];
    if (typeof v === 'string' && v.length > max) out.push({ path: field, code: 'too_big' });
  }
  if (typeof input.birthDate === 'string' && !isPlausibleBirthDate(input.birthDate))
    out.push({ path: 'birthDate', code: 'custom' });
  if (typeof input.phone === 'string' && !PHONE.test(input.phone)) out.push({ path: 'phone', code: 'invalid_format' });
  if (typeof input.email === 'string' && (input.email.length > 200 || !EMAIL.test(input.email))) {
    out.push({ path: 'email', code: 'invalid_format' });
  }
  if (input.community !== undefined && input.community !== null && !isInt(input.community, 1, 6)) {
    out.push({ path: 'community', code: 'too_big' });
  }
  if (input.disabilityPercent !== undefined && input.disabilityPercent !== null && !isInt(input.disabilityPercent, 0, 100)) {
    out.push({ path: 'disabilityPercent', code: 'too_big' });
  }
  if ((input.languages?.length ?? 0) > 10) out.push({ path: 'languages', code: 'too_big' });
  (input.identifiers ?? []).forEach((identifier, i) => {
    const v = identifier.value.trim();
    if (v === '') out.push({ path: `identifiers.${i}.value`, code: 'too_small' });
    else if (v.length > 40) out.push({ path: `identifiers.${i}.value`, code: 'too_big' });
  });
  if ((input.identifiers?.length ?? 0) > 20) out.push({ path: 'identifiers', code: 'too_big' });
  return out;
}
