/** Requests for cash or in-kind aid and their approval, as the API and the staff screens exchange them. */
import { z } from 'zod';
import { ZLocalizedText } from '../localized.js';
import { ZDay } from './assessment.js';
import { AID_KINDS, AID_STATUSES } from './lists.js';

export { AID_KINDS, AID_STATUSES, AID_TRANSITIONS } from './lists.js';

const ZUser = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });
const ZBudgetLine = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{1,62}$/)
  .describe('code of the budget line, e.g. mutual-aid-fund');

/** An aid request. */
export const ZAidRequest = z.object({
  id: z.uuid(),
  case: z.uuid(),
  structure: z.object({ slug: z.string() }),
  kind: z.enum(AID_KINDS),
  amountCents: z.number().int().nullable().describe('cash: the amount in euro cents'),
  goods: z.string().nullable().describe('in kind: what is given'),
  budgetLine: z.object({ code: z.string(), name: ZLocalizedText }),
  justification: z.string(),
  status: z.enum(AID_STATUSES),
  recommendedBy: ZUser,
  recommendedAt: z.string(),
  decision: z.object({ by: ZUser, at: z.string(), note: z.string().nullable() }).nullable().describe('the approver’s decision'),
  settlement: z
    .object({ on: z.string(), reference: z.string().nullable(), by: ZUser })
    .nullable()
    .describe('the payment or the handover'),
  version: z.number().int(),
});
export type TAidRequest = z.infer<typeof ZAidRequest>;

const ZJustification = z.string().trim().min(1).max(4000).describe('why the aid is needed');

/** A worker's recommendation of aid: cash with an amount, or goods with a description. */
export const ZAidCreate = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('cash'),
      amountCents: z.number().int().min(1).max(100_000_000).describe('the amount in euro cents'),
      budgetLine: ZBudgetLine,
      justification: ZJustification,
    })
    .strict(),
  z
    .object({
      kind: z.literal('in_kind'),
      goods: z.string().trim().min(1).max(1000).describe('what is to be given: medicines, clothes, goods'),
      budgetLine: ZBudgetLine,
      justification: ZJustification,
    })
    .strict(),
]);
export type TAidCreate = z.infer<typeof ZAidCreate>;

/** An approver's decision. */
export const ZAidDecision = z
  .object({
    decision: z.enum(['approved', 'rejected']),
    note: z.string().trim().max(2000).optional().describe('a word on the decision; kept on the timeline'),
  })
  .strict();
export type TAidDecision = z.infer<typeof ZAidDecision>;

/** The record of the payment (cash) or the handover (goods) of approved aid. */
export const ZAidPayment = z
  .object({
    on: ZDay.optional().describe('the day of the payment or handover; today when left out, never in the future'),
    reference: z.string().trim().min(1).max(200).optional().describe('the payment order or receipt number'),
  })
  .strict();
export type TAidPayment = z.infer<typeof ZAidPayment>;

/** Filters of the aid list (the approver's queue is status=recommended). */
export const ZAidQuery = z
  .object({
    status: z.enum(AID_STATUSES).optional().describe('only requests in this status'),
    structure: z.string().min(1).max(80).optional().describe('only requests of cases at this structure (slug)'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TAidQuery = z.infer<typeof ZAidQuery>;

/** Aid requests, oldest first. */
export const ZAidList = z.object({ items: z.array(ZAidRequest) });
