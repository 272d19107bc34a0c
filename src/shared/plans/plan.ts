/** Individual action plans, their reviews and the task lists, as the API and the staff screens exchange them. */
import { z } from 'zod';
import { ZLocalizedText } from '../localized.js';
import { ZDay } from './assessment.js';
import { ACTION_STATUSES, GOAL_DOMAINS, GOAL_STATUSES } from './lists.js';

export { ACTION_STATUSES, GOAL_DOMAINS, GOAL_STATUSES, OWNER_KINDS } from './lists.js';

const ZUser = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });

/** Who carries out an action, as written: a worker (user id), the person (person id) or a structure (slug). */
export const ZOwnerInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('worker'), user: z.uuid().describe('the worker') }).strict(),
  z.object({ kind: z.literal('person'), person: z.uuid().describe('the person (usually the case’s)') }).strict(),
  z.object({ kind: z.literal('structure'), structure: z.string().min(1).max(80).describe('slug of the structure') }).strict(),
]);
export type TOwnerInput = z.infer<typeof ZOwnerInput>;

/** Who carries out an action, as read. */
export const ZOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('worker'), user: ZUser }),
  z.object({ kind: z.literal('person'), person: z.object({ id: z.uuid() }) }),
  z.object({ kind: z.literal('structure'), structure: z.object({ slug: z.string(), name: ZLocalizedText }) }),
]);
export type TOwner = z.infer<typeof ZOwner>;

/** An action toward a goal; with a due date it is a task. */
export const ZAction = z.object({
  id: z.uuid(),
  text: z.string(),
  owner: ZOwner,
  dueOn: z.string().nullable().describe('YYYY-MM-DD'),
  status: z.enum(ACTION_STATUSES),
});
export type TAction = z.infer<typeof ZAction>;

/** A goal toward self-sufficiency with its actions. */
export const ZGoal = z.object({
  id: z.uuid(),
  domain: z.enum(GOAL_DOMAINS),
  text: z.string(),
  status: z.enum(GOAL_STATUSES),
  actions: z.array(ZAction),
});
export type TGoal = z.infer<typeof ZGoal>;

/** A periodic review of a plan. */
export const ZReview = z.object({
  id: z.uuid(),
  reviewedOn: z.string(),
  note: z.string(),
  nextReviewOn: z.string().nullable(),
  reviewer: ZUser.nullable(),
  createdAt: z.string(),
});
export type TReview = z.infer<typeof ZReview>;

/** A case's current action plan; version 0 (ETag "v0") when none has been written yet. */
export const ZPlan = z.object({
  case: z.uuid(),
  version: z.number().int(),
  goals: z.array(ZGoal),
  nextReviewOn: z.string().nullable(),
  reviews: z.array(ZReview).describe('newest first'),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable().describe('username of the last writer'),
});
export type TPlan = z.infer<typeof ZPlan>;

const ZText = z.string().trim().min(1).max(1000);

/** A plan as written: its goals and actions replace the current ones as a whole. */
export const ZPlanPut = z
  .object({
    goals: z
      .array(
        z
          .object({
            id: z.uuid().optional().describe('a goal of the current plan, to keep its id; a new goal when left out'),
            domain: z.enum(GOAL_DOMAINS),
            text: ZText.describe('the goal, in the person’s words where possible'),
            status: z.enum(GOAL_STATUSES).default('open'),
            actions: z
              .array(
                z
                  .object({
                    id: z.uuid().optional().describe('an action of the current plan, to keep its id (and its task)'),
                    text: ZText.describe('what is to be done'),
                    owner: ZOwnerInput,
                    dueOn: ZDay.nullable().optional().describe('when it is due, YYYY-MM-DD; a task when given'),
                    status: z.enum(ACTION_STATUSES).default('open'),
                  })
                  .strict(),
              )
              .max(50)
              .default([]),
          })
          .strict(),
      )
      .max(30)
      .describe('every goal of the plan; goals and actions left out are removed'),
  })
  .strict();
export type TPlanPut = z.infer<typeof ZPlanPut>;

/** A review of a plan. */
export const ZReviewCreate = z
  .object({
    reviewedOn: ZDay.optional().describe('the day of the review; today when left out, never in the future'),
    note: z.string().trim().min(1).max(4000).describe('what the review found'),
    nextReviewOn: ZDay.nullable().optional().describe('when the plan is next reviewed (after the review)'),
  })
  .strict();
export type TReviewCreate = z.infer<typeof ZReviewCreate>;

/** A change of an action's status (from a task list, without the plan's version). */
export const ZActionPatch = z.object({ status: z.enum(ACTION_STATUSES).describe('the new status') }).strict();

/** An action with the plan version it left. */
export const ZActionResult = ZAction.extend({ case: z.uuid(), planVersion: z.number().int() });

/** Whose overdue list: the caller's (default) or a structure's (managers). */
export const ZOverdueQuery = z
  .object({
    assigned: z
      .literal('me')
      .optional()
      .describe('tasks the caller owns, and those of the person or another structure on the caller’s cases'),
    structure: z.string().min(1).max(80).optional().describe('every overdue task of the cases at this structure (managers)'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TOverdueQuery = z.infer<typeof ZOverdueQuery>;

/** An overdue task: an open action past its due date. */
export const ZTask = z.object({
  action: z.uuid(),
  case: z.uuid(),
  structure: z.object({ slug: z.string() }),
  goalDomain: z.enum(GOAL_DOMAINS),
  text: z.string(),
  owner: ZOwner,
  dueOn: z.string(),
  daysOverdue: z.number().int(),
});

/** A plan whose review date has passed. */
export const ZReviewDue = z.object({
  case: z.uuid(),
  structure: z.object({ slug: z.string() }),
  nextReviewOn: z.string(),
  daysOverdue: z.number().int(),
});

/** The overdue list, oldest first. */
export const ZOverdue = z.object({
  tasks: z.array(ZTask),
  reviews: z.array(ZReviewDue).describe('plans whose review is overdue'),
});
export type TOverdue = z.infer<typeof ZOverdue>;
