/** The words of the plan and referral screens for the closed lists of src/shared/plans and src/shared/referrals. */
import type { ActionStatus, AssessmentDomain, GoalDomain, GoalStatus } from '../../../shared/plans/lists.js';
import type {
  DeclinedBy,
  DeclineReason,
  ReferralOutcome,
  ReferralStatus,
  ShareableField,
} from '../../../shared/referrals/machine.js';
import type { Translator } from '../../i18n/core.js';
import type { StaffKey, StaffMessages } from '../../i18n/staff/index.js';

type T = Translator<StaffMessages>['t'];

/** A domain of a needs assessment. */
export const domainLabel = (t: T, d: AssessmentDomain) => t(`domain.${d}` as StaffKey);
/** The area of a plan's goal. */
export const goalLabel = (t: T, d: GoalDomain) => t(`goal.${d}` as StaffKey);
/** Where a goal stands. */
export const goalStatusLabel = (t: T, s: GoalStatus) => t(`plan.goalStatus.${s}` as StaffKey);
/** Where an action stands. */
export const actionStatusLabel = (t: T, s: ActionStatus) => t(`plan.actionStatus.${s}` as StaffKey);
/** Where a referral stands. */
export const referralStatusLabel = (t: T, s: ReferralStatus) => t(`referral.status.${s}` as StaffKey);
/** Why a referral was declined. */
export const declineReasonLabel = (t: T, r: DeclineReason) => t(`referral.declineReason.${r}` as StaffKey);
/** Who declined it. */
export const declinedByLabel = (t: T, b: DeclinedBy) => t(`referral.declinedBy.${b}` as StaffKey);
/** How a completed referral ended. */
export const referralOutcomeLabel = (t: T, o: ReferralOutcome) => t(`referral.outcome.${o}` as StaffKey);
/** A field of the person a referral may share. */
export const sharedFieldLabel = (t: T, f: ShareableField) => t(`refer.field.${f}` as StaffKey);

/** A change with its sign: +2, −1, 0. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return '0';
}
