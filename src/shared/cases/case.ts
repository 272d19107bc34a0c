/** Case files as the API and the staff screens exchange them. */
import { z } from 'zod';
import { ZLocalizedText } from '../localized.js';
import { CASE_STATUSES, CLOSURE_OUTCOMES, CLOSURE_REASONS, ENTRY_KINDS } from './lists.js';

export { CASE_STATUSES, CLOSURE_OUTCOMES, CLOSURE_REASONS, ENTRY_KINDS } from './lists.js';

const ZRef = z.string().min(1).max(80);
const ZUser = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });

/** An opaque position in a list, returned as `nextCursor` and sent back to read the next page. */
export const ZCursor = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,200}$/)
  .describe('the nextCursor of the previous page');

/** A case file. */
export const ZCase = z.object({
  id: z.uuid(),
  /** The person the case is about (the current record of their cluster), or null for a household's case. */
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }).nullable(),
  /** The household the case is about, or null for a person's case. */
  household: z.object({ id: z.uuid() }).nullable(),
  structure: z.object({ slug: z.string(), name: ZLocalizedText }),
  type: z.object({ slug: z.string(), name: ZLocalizedText, closureNeedsApproval: z.boolean() }),
  assignedTo: ZUser.nullable(),
  summary: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  closureOutcome: z.enum(CLOSURE_OUTCOMES).nullable(),
  /** Who approved the closure (case types that need it), until the case is closed or reopened. */
  closureApproval: z.object({ by: z.string(), at: z.string() }).nullable(),
  version: z.number().int(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TCase = z.infer<typeof ZCase>;

/** A case with how many timeline entries of each kind the reader may see, and how many are hidden. */
export const ZCaseDetail = ZCase.extend({
  entryCounts: z.record(z.enum(ENTRY_KINDS), z.number().int()),
  hiddenEntries: z.number().int().describe('entries with a sensitivity label the reader is not cleared for'),
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

/** Opening a case for a person or a household at a structure. */
export const ZCaseCreate = z
  .object({
    person: z.uuid().optional().describe('the person the case is about'),
    household: z.uuid().optional().describe('or the household'),
    structure: ZRef.optional().describe('slug or id of the structure; the caller’s only one when left out'),
    type: ZRef.describe('slug of the case type, one offered at the structure'),
    assignedTo: z.uuid().nullable().optional().describe('the worker in charge; the caller when left out'),
    summary: z.string().trim().max(2000).nullable().optional().describe('why the case was opened, in a few words'),
  })
  .strict()
  .refine((c) => (c.person === undefined) !== (c.household === undefined), {
    message: 'exactly one of person and household',
    path: ['person'],
  });
export type TCaseCreate = z.infer<typeof ZCaseCreate>;

/** A change of a case's fields (send If-Match with the version read). */
export const ZCasePatch = z
  .object({
    type: ZRef.optional().describe('slug of another case type offered at the structure'),
    assignedTo: z.uuid().nullable().optional().describe('the worker in charge, or null for nobody'),
    summary: z.string().trim().max(2000).nullable().optional().describe('why the case was opened'),
  })
  .strict();
export type TCasePatch = z.infer<typeof ZCasePatch>;

/** Filters of the case list. */
export const ZCaseQuery = z
  .object({
    structure: ZRef.optional().describe('only cases at this structure (slug or id)'),
    status: z
      .enum([...CASE_STATUSES, 'active'])
      .optional()
      .describe('only cases in this status; active: every status but closed'),
    assigned: z
      .union([z.uuid(), z.enum(['me', 'any', 'nobody'])])
      .optional()
      .describe('whose cases: a user id, me, nobody or any; me unless a structure or a person is given'),
    person: z.uuid().optional().describe('only cases of this person (any record of theirs)'),
    cursor: ZCursor.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type TCaseQuery = z.infer<typeof ZCaseQuery>;

/** The structure whose case types are asked for. */
export const ZCaseTypeQuery = z.object({ structure: ZRef.describe('slug or id of the structure') }).strict();

/** A case type offered at a structure. */
export const ZCaseType = z.object({
  slug: z.string().describe('what a case names as its type'),
  name: ZLocalizedText,
  closureNeedsApproval: z.boolean().describe('whether closing a case of this type waits for an approver'),
});
export type TCaseType = z.infer<typeof ZCaseType>;

/** The case types a structure offers, by name. */
export const ZCaseTypeList = z.object({ items: z.array(ZCaseType) });

/** A page of cases, newest first. */
export const ZCasePage = z.object({ items: z.array(ZCase), nextCursor: z.string().nullable() });

/** A move to another status; closing needs a reason and an outcome. */
export const ZStatusChange = z
  .object({
    status: z.enum(CASE_STATUSES).describe('the new status'),
    reason: z.enum(CLOSURE_REASONS).optional().describe('why the case closes (closing only)'),
    outcome: z.enum(CLOSURE_OUTCOMES).optional().describe('how far its goals were reached (closing only)'),
    note: z.string().trim().max(2000).optional().describe('a word on the change, kept on the timeline'),
  })
  .strict();
export type TStatusChange = z.infer<typeof ZStatusChange>;

/** An approver's approval of a case's closure. */
export const ZClosureApproval = z
  .object({ note: z.string().trim().max(2000).optional().describe('a word on the decision, kept on the timeline') })
  .strict();

/** Moving a worker's active cases at a structure to another worker (a worker leaves or is away). */
export const ZReassign = z
  .object({
    structure: ZRef.describe('slug or id of the structure'),
    from: z.uuid().describe('the worker whose active cases move'),
    to: z.uuid().describe('the worker who takes them'),
  })
  .strict();

/** The cases moved. */
export const ZReassignResult = z.object({ reassigned: z.number().int(), cases: z.array(z.uuid()) });
