/** A case's timeline and the log of services delivered, as the API and the staff screens exchange them. */
import { z } from 'zod';
import { SENSITIVITY_LABELS } from '../access.js';
import { isRealDate } from '../people/person.js';
import { ZCursor } from './case.js';
import { ENTRY_KINDS } from './lists.js';

const ZUser = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });

/** One step on a case's timeline. */
export const ZEntry = z.object({
  id: z.uuid(),
  kind: z.enum(ENTRY_KINDS),
  /** The step's content: `text` for what a worker wrote; structured fields for what the system recorded. */
  body: z.record(z.string(), z.unknown()),
  sensitivity: z.enum(SENSITIVITY_LABELS).nullable(),
  author: ZUser.nullable(),
  createdAt: z.string(),
  /** For a correction: the note it corrects (the first version). */
  corrects: z.uuid().nullable(),
  /** False for a version of a note that a later correction replaced; the history keeps both. */
  current: z.boolean(),
});
export type TEntry = z.infer<typeof ZEntry>;

/** A step a worker writes on the timeline. */
export const ZEntryCreate = z
  .object({
    kind: z
      .enum(ENTRY_KINDS)
      .describe('what kind of step; status_change, service_delivered and approval are written by their own routes (422)'),
    text: z.string().trim().min(1).max(10_000).describe('what happened'),
    sensitivity: z
      .enum(SENSITIVITY_LABELS)
      .nullable()
      .optional()
      .describe('a label for special-category content; only readers cleared for it will see the entry'),
  })
  .strict();
export type TEntryCreate = z.infer<typeof ZEntryCreate>;

/** A new version of a note, written by its author within 24 hours of the first. */
export const ZEntryCorrect = z
  .object({
    text: z.string().trim().min(1).max(10_000).describe('the corrected text'),
    sensitivity: z.enum(SENSITIVITY_LABELS).nullable().optional().describe('the label of the corrected version'),
  })
  .strict();

/** Filters of the timeline. */
export const ZTimelineQuery = z
  .object({
    kind: z.enum(ENTRY_KINDS).optional().describe('only entries of this kind'),
    cursor: ZCursor.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TTimelineQuery = z.infer<typeof ZTimelineQuery>;

/** A page of the timeline, newest first, and how many entries the reader is not cleared to see. */
export const ZTimelinePage = z.object({
  items: z.array(ZEntry),
  hidden: z.number().int().describe('entries (of the kind asked for) left out for their sensitivity label'),
  nextCursor: z.string().nullable(),
});

const ZDay = z.string().refine(isRealDate, { message: 'a real date, YYYY-MM-DD' });
const ZRef = z.string().min(1).max(80);
const ZServiceSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,79}$/)
  .describe('slug of one of the structure’s services in the directory');

/** A service delivered to a person. */
export const ZServiceDelivery = z.object({
  id: z.uuid(),
  structure: z.object({ slug: z.string() }),
  service: z.string(),
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }),
  case: z.uuid().nullable(),
  deliveredAt: z.string(),
  quantity: z.number().int(),
  worker: z.object({ id: z.uuid(), username: z.string() }).nullable(),
});
export type TServiceDelivery = z.infer<typeof ZServiceDelivery>;

const deliveryFields = {
  structure: ZRef.optional().describe('slug or id of the structure; the caller’s only one when left out'),
  service: ZServiceSlug,
  deliveredAt: z.iso.datetime({ offset: true }).optional().describe('when; now when left out, never in the future'),
  quantity: z.number().int().min(1).max(1000).default(1).describe('how many (meals, cycles, parcels)'),
};

/** Recording one service delivered to one person, optionally on a case (which then gets a timeline entry). */
export const ZServiceDeliveryCreate = z
  .object({
    ...deliveryFields,
    person: z.uuid().describe('who received it'),
    case: z.uuid().optional().describe('the case it was delivered under'),
  })
  .strict();
export type TServiceDeliveryCreate = z.infer<typeof ZServiceDeliveryCreate>;

/** A list of persons who received one service (a soup kitchen's list): all recorded or none. */
export const ZServiceDeliveryBulk = z
  .object({
    ...deliveryFields,
    persons: z.array(z.uuid()).min(1).max(500).describe('who received it, each once'),
  })
  .strict();
export type TServiceDeliveryBulk = z.infer<typeof ZServiceDeliveryBulk>;

/** Filters of the service log: a structure's day, or a person's history. */
export const ZServiceDeliveryQuery = z
  .object({
    structure: ZRef.optional().describe('a structure (slug or id): its deliveries of `day`'),
    day: ZDay.optional().describe('the day in Thessaloniki, YYYY-MM-DD; today when left out'),
    person: z.uuid().optional().describe('a person: their deliveries at the caller’s structures'),
    cursor: ZCursor.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TServiceDeliveryQuery = z.infer<typeof ZServiceDeliveryQuery>;

/** A page of the service log, newest first. */
export const ZServiceDeliveryPage = z.object({ items: z.array(ZServiceDelivery), nextCursor: z.string().nullable() });
