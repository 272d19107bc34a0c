/** Referrals as the API and the staff screens exchange them. */
import { z } from 'zod';
import { ZCursor } from '../cases/case.js';
import { ZLocalizedText } from '../localized.js';
import {
  DECLINED_BY,
  DECLINE_REASONS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  SHAREABLE_FIELDS,
  type ShareableField,
} from './machine.js';

export * from './machine.js';

const ZRef = z.string().min(1).max(80);
const ZPlace = z.object({ slug: z.string(), name: ZLocalizedText });

/** The person's fields a referral shares, only those chosen (others are absent, not blank). */
export const ZSharedPerson = z
  .object({
    givenName: z.string(),
    familyName: z.string(),
    birthYear: z.number().int().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    birthDate: z.string().nullable(),
    sex: z.enum(['M', 'F']).nullable(),
    fatherName: z.string().nullable(),
    motherName: z.string().nullable(),
    nationality: z.string().nullable(),
    languages: z.array(z.string()),
    address: z.string().nullable(),
    legalStatus: z.string().nullable(),
    disabilityPercent: z.number().int().nullable(),
  } satisfies Record<ShareableField, z.ZodType>)
  .partial();
export type TSharedPerson = z.infer<typeof ZSharedPerson>;

/** A referral as its sender or its receiver sees it. */
export const ZReferral = z.object({
  id: z.uuid(),
  /** The person referred (the current record of their cluster): only for the sender side. */
  personId: z.uuid().nullable(),
  person: ZSharedPerson.describe('the shared fields of the person, and no other'),
  sender: ZPlace.describe('the referring structure'),
  senderCase: z.uuid().nullable().describe('the sender’s case (sender side only)'),
  target: z.object({
    kind: z.enum(['structure', 'organisation']),
    slug: z.string(),
    name: ZLocalizedText,
  }),
  /** Which side the reader is on (both when the reader works at either end). */
  side: z.enum(['sender', 'receiver', 'both']),
  purpose: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  declinedBy: z.enum(DECLINED_BY).nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  sharedFields: z.array(z.enum(SHAREABLE_FIELDS)),
  consent: z.enum(['given', 'overridden', 'not_yet']).describe('on what basis the data is shared'),
  expiresAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TReferral = z.infer<typeof ZReferral>;

const ZShared = z
  .array(z.enum(SHAREABLE_FIELDS))
  .min(1)
  .max(SHAREABLE_FIELDS.length)
  .refine((a) => new Set(a).size === a.length, { message: 'each field once' });

/** A new referral: a draft, or sent at once. */
export const ZReferralCreate = z
  .object({
    person: z.uuid().describe('the person referred'),
    structure: ZRef.optional().describe('slug or id of the sending structure; the caller’s only one when left out'),
    case: z.uuid().optional().describe('the sender’s case of this person, whose timeline follows the referral'),
    targetStructure: ZRef.optional().describe('slug of the receiving structure (an internal referral)'),
    targetOrganisation: ZRef.optional().describe('or slug of the receiving organisation of the directory (external)'),
    purpose: z.string().trim().max(2000).optional().describe('what the person needs from the receiver, in a few words'),
    sharedFields: ZShared.optional().describe('the person’s fields shared; names, birth year and contact by default'),
    send: z.boolean().default(false).describe('send at once instead of keeping a draft'),
    consentOverride: z
      .string()
      .trim()
      .min(10)
      .max(500)
      .optional()
      .describe('why the referral is sent without the person’s consent (needs referral.override_consent)'),
  })
  .strict()
  .refine((c) => (c.targetStructure === undefined) !== (c.targetOrganisation === undefined), {
    message: 'exactly one of targetStructure and targetOrganisation',
    path: ['targetStructure'],
  });
export type TReferralCreate = z.infer<typeof ZReferralCreate>;

/** A change of a draft (send If-Match with the version read). */
export const ZReferralPatch = z
  .object({
    purpose: z.string().trim().max(2000).nullable().optional().describe('what the person needs from the receiver'),
    sharedFields: ZShared.optional().describe('the person’s fields shared'),
    case: z.uuid().nullable().optional().describe('the sender’s case of this person, or null for none'),
  })
  .strict();
export type TReferralPatch = z.infer<typeof ZReferralPatch>;

/** A move of a referral to another status. */
export const ZTransition = z
  .object({
    to: z.enum(REFERRAL_STATUSES).describe('the new status'),
    reason: z.enum(DECLINE_REASONS).optional().describe('why it is declined (declining only)'),
    declinedBy: z.enum(DECLINED_BY).optional().describe('who declined: the provider or the person (declining only)'),
    outcome: z.enum(REFERRAL_OUTCOMES).optional().describe('how it ended (completing only, required then)'),
    note: z.string().trim().max(2000).optional().describe('a word on the change, kept with the event'),
    consentOverride: z
      .string()
      .trim()
      .min(10)
      .max(500)
      .optional()
      .describe('sending only: why it is sent without the person’s consent (needs referral.override_consent)'),
  })
  .strict();
export type TTransition = z.infer<typeof ZTransition>;

/** Filters of the referral lists. */
export const ZReferralQuery = z
  .object({
    box: z.enum(['inbox', 'outbox']).optional().describe('inbox: referrals to the caller’s structures; outbox: from them'),
    status: z.enum(REFERRAL_STATUSES).optional().describe('only referrals in this status'),
    structure: ZRef.optional().describe('only referrals to (inbox) or from (outbox) this structure'),
    cursor: ZCursor.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TReferralQuery = z.infer<typeof ZReferralQuery>;

/** A page of referrals, newest first. */
export const ZReferralPage = z.object({ items: z.array(ZReferral), nextCursor: z.string().nullable() });

/** One change of a referral. */
export const ZReferralEvent = z.object({
  id: z.uuid(),
  from: z.enum(REFERRAL_STATUSES).nullable(),
  to: z.enum(REFERRAL_STATUSES),
  by: z.string().describe('a username, "external link" or "system"'),
  via: z.enum(['staff', 'link', 'system']),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export const ZReferralEvents = z.object({ items: z.array(ZReferralEvent) });

/** Asking for a link for an outside organisation. */
export const ZLinkCreate = z
  .object({ days: z.number().int().min(1).max(30).default(14).describe('how many days the link works') })
  .strict();

/** The link, shown once: only its hash is kept. */
export const ZLink = z.object({ url: z.url(), expiresAt: z.string() });

/** What an outside organisation sees through its link: the referral's minimum. */
export const ZExternalReferral = z.object({
  status: z.enum(REFERRAL_STATUSES),
  sender: ZPlace,
  target: ZPlace,
  purpose: z.string().nullable(),
  person: ZSharedPerson,
  sentAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
});

/** An outside organisation's answer through its link. */
export const ZExternalAccept = z.object({ note: z.string().trim().max(2000).optional() }).strict();
export const ZExternalDecline = z
  .object({
    reason: z.enum(DECLINE_REASONS),
    declinedBy: z.enum(DECLINED_BY).default('provider'),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export const ZExternalComplete = z
  .object({ outcome: z.enum(REFERRAL_OUTCOMES), note: z.string().trim().max(2000).optional() })
  .strict();
