/**
 * The closed lists of assessments, action plans and aid, and the rules on them, without Zod, so
 * that the staff screens can import them without the schema library.
 */

/** What a needs assessment looks at. */
export const ASSESSMENT_DOMAINS = [
  'housing',
  'income',
  'health',
  'legal_status',
  'employment',
  'language',
  'childcare',
  'safety',
] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];

/** The areas of self-sufficiency a plan's goals aim at. */
export const GOAL_DOMAINS = ['housing', 'work', 'income', 'health', 'language', 'documents'] as const;
export type GoalDomain = (typeof GOAL_DOMAINS)[number];

/** Where a goal stands. */
export const GOAL_STATUSES = ['open', 'in_progress', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Where an action (a task, when it has a due date) stands. */
export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Who carries out an action: a worker, the person, or another structure. */
export const OWNER_KINDS = ['worker', 'person', 'structure'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** Aid in money or in goods. */
export const AID_KINDS = ['cash', 'in_kind'] as const;
export type AidKind = (typeof AID_KINDS)[number];

/** Where an aid request stands. */
export const AID_STATUSES = ['recommended', 'approved', 'rejected', 'paid', 'handed_over'] as const;
export type AidStatus = (typeof AID_STATUSES)[number];

/**
 * The legal moves of an aid request: an approver approves or rejects a recommendation; approved
 * cash is paid, approved goods are handed over. Rejected, paid and handed over are final.
 */
export const AID_TRANSITIONS: Readonly<Record<AidStatus, readonly AidStatus[]>> = {
  recommended: ['approved', 'rejected'],
  approved: ['paid', 'handed_over'],
  rejected: [],
  paid: [],
  handed_over: [],
};

/** The moves open to an aid request of a kind: cash is never handed over, goods never paid. */
export function aidMoves(kind: AidKind, from: AidStatus): AidStatus[] {
  return AID_TRANSITIONS[from].filter((to) => (kind === 'cash' ? to !== 'handed_over' : to !== 'paid'));
}
