/**
 * The registry's workflows as the API and the staff screens exchange them: candidate matches at
 * intake, households, consents, merge and unmerge, and the duplicates review queue.
 */
import { z } from 'zod';
import { ZLocalizedText } from '../localized.js';
import { COMPARISONS, CONSENT_PURPOSES, LAWFUL_BASES, RELATIONSHIPS } from './lists.js';
import { ZIdentifierInput, isRealDate } from './person.js';

export { COMPARISONS, CONSENT_PURPOSES, LAWFUL_BASES, RELATIONSHIPS, type Comparison } from './lists.js';

const ZDate = z.string().refine(isRealDate, { message: 'a real date, YYYY-MM-DD' });
const ZStructureRef = z.object({ slug: z.string(), name: ZLocalizedText });

/** A draft of a person being registered, as typed so far: candidates are searched from it. */
export const ZMatchDraft = z
  .object({
    givenName: z.string().trim().max(200).optional(),
    familyName: z.string().trim().max(200).optional(),
    fatherName: z.string().trim().max(200).optional(),
    motherName: z.string().trim().max(200).optional(),
    sex: z.enum(['M', 'F']).nullable().optional(),
    birthDate: ZDate.nullable().optional(),
    birthDateApproximate: z.boolean().optional(),
    identifiers: z.array(ZIdentifierInput).max(20).optional(),
    limit: z.number().int().min(1).max(20).default(8),
  })
  .strict();
export type TMatchDraft = z.infer<typeof ZMatchDraft>;

/**
 * A person the matcher thinks may be the one being registered. `inScope` false means the person
 * is registered only at other structures of the organisation: the worker sees enough to
 * recognise them (names, birth date, where registered), nothing more.
 */
export const ZCandidate = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  givenNameLatin: z.string(),
  familyNameLatin: z.string(),
  birthDate: z.string().nullable(),
  birthDateApproximate: z.boolean(),
  sex: z.enum(['M', 'F']).nullable(),
  structures: z.array(ZStructureRef),
  inScope: z.boolean(),
  /** Match probability, 0–1. */
  score: z.number(),
  /** Match weight (log2 odds). */
  weight: z.number(),
  decision: z.enum(['auto', 'review', 'none']),
  agreed: z.array(z.enum(COMPARISONS)),
  partial: z.array(z.enum(COMPARISONS)),
  disagreed: z.array(z.enum(COMPARISONS)),
  twinGuard: z.boolean(),
  hardConflict: z.boolean(),
});
export type TCandidate = z.infer<typeof ZCandidate>;

/** Candidates for a draft, best first. */
export const ZMatchResult = z.object({ candidates: z.array(ZCandidate), modelVersion: z.string() });
export type TMatchResult = z.infer<typeof ZMatchResult>;

/** A member of a household over a period. */
export const ZHouseholdMember = z.object({
  person: z.object({
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string().nullable(),
  }),
  relationship: z.enum(RELATIONSHIPS),
  from: z.string(),
  to: z.string().nullable(),
});

/** A household: its members now, and who was a member before. */
export const ZHousehold = z.object({
  id: z.uuid(),
  members: z.array(ZHouseholdMember),
  createdAt: z.string(),
});
export type THousehold = z.infer<typeof ZHousehold>;

/** Forming a household from persons already registered (one head). */
export const ZHouseholdCreate = z
  .object({
    members: z
      .array(z.object({ person: z.uuid(), relationship: z.enum(RELATIONSHIPS) }).strict())
      .min(1)
      .max(30),
    from: ZDate.optional().describe('the day the household began (today when left out), for a family that lived together before'),
  })
  .strict();

/** Adding a member to a household from a date (today when left out). */
export const ZHouseholdJoin = z
  .object({ person: z.uuid(), relationship: z.enum(RELATIONSHIPS), from: ZDate.optional() })
  .strict();

/** A member leaves a household on a date (today when left out). */
export const ZHouseholdLeave = z.object({ to: ZDate.optional() }).strict();

/** A consent, per purpose and recipient, with its lawful basis, dates and status. */
export const ZConsent = z.object({
  id: z.uuid(),
  purpose: z.enum(CONSENT_PURPOSES),
  recipient: z.object({ slug: z.string(), name: ZLocalizedText }).nullable(),
  lawfulBasis: z.enum(LAWFUL_BASES),
  givenAt: z.string(),
  expiresAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  status: z.enum(['active', 'expired', 'withdrawn']),
  note: z.string().nullable(),
});
export type TConsent = z.infer<typeof ZConsent>;

/** Recording a consent. */
export const ZConsentCreate = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    recipient: z
      .string()
      .min(1)
      .max(80)
      .nullable()
      .describe('slug of the recipient organisation; null = any within the municipality'),
    lawfulBasis: z.enum(LAWFUL_BASES),
    givenAt: ZDate.describe('the day it was given'),
    expiresAt: ZDate.nullable().optional(),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();

/** One field of a merge preview: both values and which one the survivorship rule keeps. */
export const ZMergeField = z.object({
  field: z.string(),
  survivor: z.unknown(),
  other: z.unknown(),
  chosen: z.enum(['survivor', 'other']),
  rule: z.enum(['survivor_has_value', 'only_other_has_value', 'greek_script_name', 'latest', 'same']),
});

/** What a merge would do, field by field. */
export const ZMergePreview = z.object({
  survivor: ZCandidate.omit({ score: true, weight: true, decision: true, agreed: true, partial: true, disagreed: true }),
  other: ZCandidate.omit({ score: true, weight: true, decision: true, agreed: true, partial: true, disagreed: true }),
  fields: z.array(ZMergeField),
  score: z.number(),
  cannotLink: z.boolean().describe('someone marked these two as different people'),
});
export type TMergePreview = z.infer<typeof ZMergePreview>;

/** Merging another person into this one. */
export const ZMergeRequest = z
  .object({
    other: z.uuid(),
    choices: z
      .record(z.string(), z.enum(['survivor', 'other']))
      .optional()
      .describe('overrides of the survivorship rule'),
    reason: z.string().trim().min(3).max(1000),
  })
  .strict();

/** Undoing a merge. */
export const ZUnmergeRequest = z.object({ link: z.uuid(), reason: z.string().trim().min(3).max(1000) }).strict();

/** An entry of the append-only link log. */
export const ZLinkEvent = z.object({
  id: z.uuid(),
  action: z.enum(['link', 'unlink', 'cannot_link']),
  a: z.uuid(),
  b: z.uuid(),
  score: z.number().nullable(),
  modelVersion: z.string().nullable(),
  actor: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
  undone: z.boolean(),
});
export type TLinkEvent = z.infer<typeof ZLinkEvent>;

/** A pair waiting for a person to decide whether they are the same human. */
export const ZMatchReview = z.object({
  id: z.uuid(),
  status: z.enum(['open', 'linked', 'rejected', 'cannot_link']),
  a: ZCandidate,
  b: ZCandidate,
  createdAt: z.string(),
});
export type TMatchReview = z.infer<typeof ZMatchReview>;

/** Deciding a review. */
export const ZReviewDecision = z
  .object({ decision: z.enum(['link', 'reject', 'cannot_link']), reason: z.string().trim().max(1000).optional() })
  .strict();
