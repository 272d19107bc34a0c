/** Benefit applications and documents, as the API and the staff screens exchange them. */
import { z } from 'zod';
import { SENSITIVITY_LABELS } from '../access.js';
import { ZCursor } from '../cases/case.js';
import { ZLocalizedText } from '../localized.js';
import { ZDay } from '../plans/assessment.js';
import { BENEFIT_STATUSES, BENEFIT_TYPES, DOCUMENT_CATEGORIES, DOCUMENT_MEDIA_TYPES } from './lists.js';

export { BENEFIT_STATUSES, BENEFIT_TRANSITIONS, BENEFIT_TYPES, benefitMoves } from './lists.js';

const ZUser = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });
const ZCents = z.number().int().min(0).max(100_000_000);
const ZReference = z.string().trim().min(1).max(100);

/** One document the application's type asks for, and whether it is in the file. */
export const ZChecklistItem = z.object({
  key: z.string().describe('stable key of the item, e.g. tax-return'),
  label: ZLocalizedText,
  done: z.boolean(),
  note: z.string().nullable(),
  markedAt: z.string().nullable(),
});

/** A benefit application filed on a person's behalf. */
export const ZBenefitApplication = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }),
  case: z.uuid().nullable().describe('the case the application belongs to, if any'),
  structure: z.object({ slug: z.string() }).describe('the structure that files it'),
  type: z.enum(BENEFIT_TYPES),
  description: z.string().nullable().describe('for type other: which benefit'),
  status: z.enum(BENEFIT_STATUSES),
  allowed: z.array(z.enum(BENEFIT_STATUSES)).describe('the moves open from the current status'),
  submittedOn: z.string().nullable(),
  referenceNumber: z.string().nullable().describe('the number the authority gave the application'),
  decidedOn: z.string().nullable(),
  monthlyAmountCents: z.number().int().nullable().describe('the monthly amount granted, in euro cents'),
  renewalOn: z.string().nullable().describe('the day the benefit must be renewed or expires'),
  note: z.string().nullable(),
  checklist: z.array(ZChecklistItem),
  createdBy: ZUser,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TBenefitApplication = z.infer<typeof ZBenefitApplication>;

/** A page of applications. */
export const ZBenefitPage = z.object({ items: z.array(ZBenefitApplication), nextCursor: z.string().nullable() });

/** A new application (status preparing). */
export const ZBenefitCreate = z
  .object({
    person: z.uuid().describe('the person the benefit is for'),
    case: z.uuid().optional().describe('a case of the same person; the application is then filed at its structure'),
    structure: z.string().min(1).max(80).optional().describe('slug or id of the filing structure; default the caller’s only one'),
    type: z.enum(BENEFIT_TYPES),
    description: z.string().trim().min(1).max(500).optional().describe('for type other: which benefit'),
    note: z.string().trim().max(4000).optional(),
  })
  .strict();
export type TBenefitCreate = z.infer<typeof ZBenefitCreate>;

/** Changes to an application's details (If-Match required). */
export const ZBenefitPatch = z
  .object({
    description: z.string().trim().min(1).max(500).nullable().optional(),
    referenceNumber: ZReference.nullable().optional(),
    monthlyAmountCents: ZCents.nullable().optional(),
    renewalOn: ZDay.nullable().optional().describe('renewal or expiry day of the benefit'),
    note: z.string().trim().max(4000).nullable().optional(),
  })
  .strict();
export type TBenefitPatch = z.infer<typeof ZBenefitPatch>;

/** A move of an application's status. */
export const ZBenefitMove = z
  .object({
    to: z.enum(BENEFIT_STATUSES).describe('the new status; only the moves in "allowed" are legal (409)'),
    on: ZDay.optional().describe('the day of the step (submission or decision); default today'),
    referenceNumber: ZReference.optional().describe('on submission: the number the authority gave'),
    monthlyAmountCents: ZCents.optional().describe('on approval: the monthly amount'),
    renewalOn: ZDay.optional().describe('on approval: renewal or expiry day'),
    note: z.string().trim().min(1).max(2000).optional().describe('what the authority asked for or decided'),
  })
  .strict();
export type TBenefitMove = z.infer<typeof ZBenefitMove>;

/** Ticking or unticking one item of the checklist. */
export const ZChecklistMark = z
  .object({
    done: z.boolean(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type TChecklistMark = z.infer<typeof ZChecklistMark>;

/** Filters of the list. */
export const ZBenefitQuery = z
  .object({
    status: z.enum(BENEFIT_STATUSES).optional(),
    person: z.uuid().optional(),
    structure: z.string().min(1).max(80).optional().describe('slug or id of the filing structure'),
    renewalWithinDays: z.coerce
      .number()
      .int()
      .min(0)
      .max(366)
      .optional()
      .describe('the reminders: approved benefits to renew within this many days (or overdue), soonest first'),
    cursor: ZCursor.optional().describe('the nextCursor of the previous page (not with renewalWithinDays)'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TBenefitQuery = z.infer<typeof ZBenefitQuery>;

/** A document's metadata (its bytes at /documents/{id}/content). */
export const ZDocument = z.object({
  id: z.uuid(),
  case: z.uuid().nullable(),
  person: z.uuid().nullable(),
  mediaType: z.enum(DOCUMENT_MEDIA_TYPES).describe('detected from the content, not from what the client said'),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('hex SHA-256 of the content'),
  title: z.string().nullable(),
  category: z.enum(DOCUMENT_CATEGORIES),
  sensitivity: z.enum(SENSITIVITY_LABELS).nullable(),
  uploadedBy: ZUser,
  uploadedAt: z.string(),
  withdrawn: z.object({ at: z.string(), reason: z.string().nullable() }).nullable(),
});
export type TDocument = z.infer<typeof ZDocument>;

/** The documents of a case or person the reader may see, and how many are hidden by their label. */
export const ZDocumentList = z.object({ items: z.array(ZDocument), hidden: z.number().int() });

/** Metadata of an upload, in the query (the bytes are the body; the file's name goes in x-file-name). */
export const ZDocumentUploadQuery = z
  .object({
    category: z.enum(DOCUMENT_CATEGORIES).default('other'),
    sensitivity: z.enum(SENSITIVITY_LABELS).optional().describe('only readers cleared for it will see the document'),
  })
  .strict();

/** The headers of an upload. */
export const ZDocumentUploadHeaders = z.object({
  'x-file-name': z
    .string()
    .max(600)
    .optional()
    .describe('the file’s name, percent-encoded UTF-8 (kept as the title; never in a URL or a log)'),
});

/** Withdrawing a document (it is kept; readers see it withdrawn). */
export const ZDocumentWithdraw = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
