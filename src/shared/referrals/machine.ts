/**
 * The closed-loop referral's state machine as data, and one pure function that decides a move.
 * No Zod here, so that the staff screens can import it without the schema library; the server
 * applies exactly what `decideMove` returns.
 */

/** Where a referral stands. */
export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'received',
  'accepted',
  'declined',
  'waitlisted',
  'in_service',
  'completed',
  'expired',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * The legal moves: draft → sent → received → accepted | declined | waitlisted; waitlisted →
 * accepted | declined; accepted → in service → completed; sent, received and waitlisted expire
 * at their time limit; the sender may cancel anything not yet in service or finished.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['sent', 'cancelled'],
  sent: ['received', 'expired', 'cancelled'],
  received: ['accepted', 'declined', 'waitlisted', 'expired', 'cancelled'],
  waitlisted: ['accepted', 'declined', 'expired', 'cancelled'],
  accepted: ['in_service', 'cancelled'],
  in_service: ['completed'],
  declined: [],
  completed: [],
  expired: [],
  cancelled: [],
};

/** Statuses nothing leaves. */
export const TERMINAL_STATUSES: readonly ReferralStatus[] = REFERRAL_STATUSES.filter((s) => REFERRAL_TRANSITIONS[s].length === 0);

/** Statuses whose time limit runs: the receiver has not yet decided. */
export const EXPIRING_STATUSES: readonly ReferralStatus[] = ['sent', 'received', 'waitlisted'];

/** Who makes a move: the sending structure, the receiving one, or the system (the time limit). */
export type Side = 'sender' | 'receiver' | 'system';

/**
 * Who may move a referral into each status. A decline by the person (not by the provider) may
 * be recorded by either side; every other decline is the receiver's.
 */
export const MOVERS: Readonly<Record<ReferralStatus, readonly Side[]>> = {
  draft: [],
  sent: ['sender'],
  cancelled: ['sender'],
  received: ['receiver'],
  accepted: ['receiver'],
  waitlisted: ['receiver'],
  in_service: ['receiver'],
  completed: ['receiver'],
  declined: ['receiver', 'sender'],
  expired: ['system'],
};

/** Who declined: the provider (the receiving service) or the person. */
export const DECLINED_BY = ['provider', 'person'] as const;
export type DeclinedBy = (typeof DECLINED_BY)[number];

/** Coded reasons for a decline. */
export const DECLINE_REASONS = [
  'not_eligible',
  'no_capacity',
  'service_not_offered',
  'could_not_contact',
  'person_refused',
  'person_moved_away',
  'duplicate',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** How a completed referral ended (required to complete). */
export const REFERRAL_OUTCOMES = [
  'service_provided',
  'partly_provided',
  'not_provided',
  'person_withdrew',
  'referred_onward',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** The part of a referral the machine decides on. */
export interface ReferralState {
  status: ReferralStatus;
  outcome: ReferralOutcome | null;
  declineReason: DeclineReason | null;
  declinedBy: DeclinedBy | null;
}

/** A move asked for, with what it carries. */
export interface Move {
  to: ReferralStatus;
  by: Side;
  reason?: DeclineReason | undefined;
  declinedBy?: DeclinedBy | undefined;
  outcome?: ReferralOutcome | undefined;
}

/** Why a move is refused: not a legal move from here, not this side's move, or a field missing or out of place. */
export type Refusal =
  | { ok: false; code: 'illegal_transition'; allowed: ReferralStatus[] }
  | { ok: false; code: 'not_your_move'; allowed: ReferralStatus[] }
  | { ok: false; code: 'field'; field: 'reason' | 'declinedBy' | 'outcome'; problem: 'required' | 'not_allowed' };

/** The moves a side may make from a status. */
export function allowedMoves(from: ReferralStatus, by: Side): ReferralStatus[] {
  return REFERRAL_TRANSITIONS[from].filter((to) => MOVERS[to].includes(by));
}

/**
 * Decides a move: the new state, or why not. A decline needs a reason and who declined (the
 * sender may record only the person's decline); completing needs an outcome; neither field is
 * accepted on another move. Nothing is ever cleared: a decision stays with the referral.
 */
export function decideMove(state: ReferralState, move: Move): { ok: true; state: ReferralState } | Refusal {
  if (!REFERRAL_TRANSITIONS[state.status].includes(move.to)) {
    return { ok: false, code: 'illegal_transition', allowed: [...REFERRAL_TRANSITIONS[state.status]] };
  }
  if (!MOVERS[move.to].includes(move.by))
    return { ok: false, code: 'not_your_move', allowed: allowedMoves(state.status, move.by) };
  const declining = move.to === 'declined';
  const completing = move.to === 'completed';
  if (declining && move.reason === undefined) return { ok: false, code: 'field', field: 'reason', problem: 'required' };
  if (declining && move.declinedBy === undefined) return { ok: false, code: 'field', field: 'declinedBy', problem: 'required' };
  if (declining && move.by === 'sender' && move.declinedBy !== 'person') {
    return { ok: false, code: 'not_your_move', allowed: allowedMoves(state.status, move.by) };
  }
  if (!declining && move.reason !== undefined) return { ok: false, code: 'field', field: 'reason', problem: 'not_allowed' };
  if (!declining && move.declinedBy !== undefined) {
    return { ok: false, code: 'field', field: 'declinedBy', problem: 'not_allowed' };
  }
  if (completing && move.outcome === undefined) return { ok: false, code: 'field', field: 'outcome', problem: 'required' };
  if (!completing && move.outcome !== undefined) return { ok: false, code: 'field', field: 'outcome', problem: 'not_allowed' };
  return {
    ok: true,
    state: {
      status: move.to,
      outcome: completing ? (move.outcome ?? null) : state.outcome,
      declineReason: declining ? (move.reason ?? null) : state.declineReason,
      declinedBy: declining ? (move.declinedBy ?? null) : state.declinedBy,
    },
  };
}

/** Whether a state is one the machine can reach: a completed referral has its outcome, a declined one its reason and decliner. */
export function isConsistent(s: ReferralState): boolean {
  if (s.status === 'completed' && s.outcome === null) return false;
  if (s.status !== 'completed' && s.outcome !== null) return false;
  const declined = s.status === 'declined';
  return declined === (s.declineReason !== null) && declined === (s.declinedBy !== null);
}

/** Person fields a referral may share; the first five are the minimum shared by default. */
export const SHAREABLE_FIELDS = [
  'givenName',
  'familyName',
  'birthYear',
  'phone',
  'email',
  'birthDate',
  'sex',
  'fatherName',
  'motherName',
  'nationality',
  'languages',
  'address',
  'legalStatus',
  'disabilityPercent',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

/** The minimum set: names, birth year and contact. */
export const DEFAULT_SHARED_FIELDS: readonly ShareableField[] = ['givenName', 'familyName', 'birthYear', 'phone', 'email'];
