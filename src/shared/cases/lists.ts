/**
 * The closed lists of case files and the rules on them, without Zod, so that the staff screens can
 * import them without the schema library. case.ts and timeline.ts build their schemas from these.
 */

/** Where a case stands: open → assessment → plan → in service → closed; a closed case may be reopened. */
export const CASE_STATUSES = ['open', 'assessment', 'plan', 'in_service', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The legal moves. Forward one step, back from plan to assessment and from service to plan (a
 * plan revised after a new assessment), closing from any active status, and reopening a closed
 * case (back to open).
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['assessment', 'closed'],
  assessment: ['plan', 'closed'],
  plan: ['in_service', 'assessment', 'closed'],
  in_service: ['plan', 'closed'],
  closed: ['open'],
};

/** Whether a case may move from one status to another. */
export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** Why a case was closed. */
export const CLOSURE_REASONS = [
  'goals_met',
  'moved_away',
  'referred_elsewhere',
  'no_contact',
  'declined_services',
  'deceased',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** How far the case reached its goals when it was closed. */
export const CLOSURE_OUTCOMES = ['achieved', 'partly_achieved', 'not_achieved', 'unknown'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

/** The kinds of step on a case's timeline. */
export const ENTRY_KINDS = [
  'note',
  'assessment',
  'plan_change',
  'referral_event',
  'service_delivered',
  'benefit_step',
  'document',
  'approval',
  'status_change',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * Kinds the system writes as a consequence of another action (a status change, a service
 * delivery, an approval, a referral's step, a benefit application's step, a document uploaded);
 * a worker cannot post them to the timeline directly.
 */
export const SYSTEM_ENTRY_KINDS: readonly EntryKind[] = [
  'status_change',
  'service_delivered',
  'approval',
  'referral_event',
  'benefit_step',
  'document',
];

/** A note may be corrected by its author for this long after it was first written. */
export const CORRECTION_WINDOW_HOURS = 24;
