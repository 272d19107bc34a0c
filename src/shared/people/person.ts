/**
 * The person record as the API and the intake form exchange it. One schema validates the form in
 * the browser and the request on the server.
 */
import { z } from 'zod';
import { ZLocalizedText } from '../localized.js';
import { IDENTIFIER_TYPES } from './identifiers.js';
import { LEGAL_STATUSES, RELATIONSHIPS } from './lists.js';

export { LEGAL_STATUSES, type LegalStatus } from './lists.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

/** Whether a string is a real calendar date written YYYY-MM-DD (no 30 February). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whether a YYYY-MM-DD string is a real calendar date between 1900 and today. */
export function isPlausibleBirthDate(value: string): boolean {
  return isRealDate(value) && Number(value.slice(0, 4)) >= 1900 && Date.parse(`${value}T00:00:00Z`) <= Date.now();
}

const ZBirthDate = z
  .string()
  .refine(isPlausibleBirthDate, { message: 'a real date (YYYY-MM-DD) between 1900 and today' })
  .describe('date of birth, YYYY-MM-DD');

/** An identifier as entered: its type and the value as written on the document. */
export const ZIdentifierInput = z
  .object({
    type: z.enum(IDENTIFIER_TYPES).describe('kind of identifier'),
    value: text(40).describe('the number as written on the document'),
  })
  .strict();

/** Another spelling of the person's name (as on another document, or as another structure wrote it). */
export const ZAlias = z
  .object({
    givenName: text(200).describe('given name in this spelling'),
    familyName: z.string().trim().max(200).describe('family name in this spelling'),
  })
  .strict();

const fields = {
  givenName: text(200).describe('given name as written, in any script'),
  familyName: z.string().trim().max(200).describe('family name as written, in any script; empty for people with one name'),
  givenNameLatin: optionalText(200).describe('Latin spelling of the given name; ELOT 743 of the Greek when left out'),
  familyNameLatin: optionalText(200).describe('Latin spelling of the family name; ELOT 743 of the Greek when left out'),
  aliases: z.array(ZAlias).max(20).optional().describe('other spellings of the name'),
  fatherName: optionalText(200).describe('father’s given name'),
  motherName: optionalText(200).describe('mother’s given name'),
  sex: z.enum(['M', 'F']).nullable().optional().describe('sex as on documents: M or F'),
  birthDate: ZBirthDate.nullable().optional(),
  birthDateApproximate: z.boolean().optional().describe('the date is a placeholder or an estimate (e.g. 01/01)'),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional()
    .describe('ISO 3166-1 alpha-2 country code'),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .max(10)
    .optional()
    .describe('languages spoken, ISO 639 codes'),
  legalStatus: z.enum(LEGAL_STATUSES).nullable().optional().describe('legal status (sensitive: migration)'),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,20}$/)
    .nullable()
    .optional()
    .describe('telephone'),
  email: z.email().max(200).nullable().optional().describe('email address'),
  address: optionalText(300).describe('home address'),
  community: z.number().int().min(1).max(6).nullable().optional().describe('municipal community (1–6)'),
  disabilityPercent: z
    .number()
    .int()
    .min(0)
    .max(100)
    .nullable()
    .optional()
    .describe('certified disability percentage (sensitive: health)'),
  disabilityNotes: optionalText(2000).describe('disability (sensitive: health)'),
  healthNotes: optionalText(4000).describe('health notes (sensitive: health)'),
  gbvNotes: optionalText(4000).describe('gender-based violence (sensitive: gbv)'),
  minority: optionalText(200).describe('membership of a minority, e.g. Roma (sensitive: ethnicity)'),
  identifiers: z.array(ZIdentifierInput).max(20).optional().describe('identifiers; on update, the whole list'),
};

/** Registering a new person at a structure. */
export const ZPersonCreate = z
  .object({
    structure: z.string().min(1).max(80).optional().describe('slug or id of the structure; the current one when left out'),
    sourceId: z.string().trim().min(1).max(100).optional().describe('the id in the structure’s old list (imports)'),
    linkTo: z.uuid().optional().describe('an existing person (a candidate) this registration is of'),
    confirmNew: z
      .boolean()
      .optional()
      .describe('register as a new person although a likely match exists (otherwise 409 with the candidates)'),
    ...fields,
  })
  .strict();
export type TPersonCreate = z.infer<typeof ZPersonCreate>;

/** Changing a person's record: only the fields sent change. */
export const ZPersonPatch = z.object(fields).partial().strict();
export type TPersonPatch = z.infer<typeof ZPersonPatch>;

/** A stored identifier with its validation outcome (a failed check is a warning, not a refusal). */
export const ZIdentifier = z.object({
  type: z.enum(IDENTIFIER_TYPES),
  value: z.string(),
  valid: z.boolean(),
  problem: z.string().nullable(),
});

/** A structure a person is registered at. */
export const ZRegistration = z.object({
  id: z.uuid(),
  structure: z.object({ id: z.uuid(), slug: z.string(), name: ZLocalizedText }),
  registeredAt: z.string(),
  sourceId: z.string().nullable(),
});

const presented = {
  givenName: z.string(),
  familyName: z.string(),
  givenNameLatin: z.string(),
  familyNameLatin: z.string(),
  birthDate: z.string().nullable(),
  birthDateApproximate: z.boolean(),
  sex: z.enum(['M', 'F']).nullable(),
};

/** A person as a list shows it. */
export const ZPersonSummary = z.object({
  id: z.uuid(),
  ...presented,
  nationality: z.string().nullable(),
  structures: z.array(z.object({ slug: z.string(), name: ZLocalizedText })),
});
export type TPersonSummary = z.infer<typeof ZPersonSummary>;

/**
 * A person's record. Fields the reader is not cleared for are absent (not blanked); `access`
 * says whether the record is in the reader's scope or opened by break-glass.
 */
export const ZPerson = z.object({
  id: z.uuid(),
  version: z.number().int(),
  access: z.enum(['scope', 'break-glass']),
  confidential: z.boolean().describe('registered in a confidential structure (compartment)'),
  ...presented,
  aliases: z.array(ZAlias),
  fatherName: z.string().nullable(),
  motherName: z.string().nullable(),
  nationality: z.string().nullable(),
  languages: z.array(z.string()),
  legalStatus: z.enum(LEGAL_STATUSES).nullable().optional(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  community: z.number().nullable(),
  disabilityPercent: z.number().nullable().optional(),
  disabilityNotes: z.string().nullable().optional(),
  healthNotes: z.string().nullable().optional(),
  gbvNotes: z.string().nullable().optional(),
  minority: z.string().nullable().optional(),
  identifiers: z.array(ZIdentifier),
  registrations: z.array(ZRegistration),
  households: z.array(
    z.object({
      id: z.uuid(),
      relationship: z.enum(RELATIONSHIPS),
      from: z.string(),
      to: z.string().nullable(),
    }),
  ),
  /** How many registrations' records were merged into this one (1 = never merged). */
  records: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPerson = z.infer<typeof ZPerson>;

/** Filters of the persons list. */
export const ZPersonQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional().describe('name, in any script or spelling'),
    structure: z.string().min(1).max(80).optional().describe('only persons registered at this structure (slug or id)'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100000).default(0),
  })
  .strict();
export type TPersonQuery = z.infer<typeof ZPersonQuery>;
