import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DECLINED_BY,
  DECLINE_REASONS,
  EXPIRING_STATUSES,
  MOVERS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  TERMINAL_STATUSES,
  allowedMoves,
  decideMove,
  isConsistent,
  type Move,
  type ReferralState,
  type Side,
} from './machine.js';

const START: ReferralState = { status: 'draft', outcome: null, declineReason: null, declinedBy: null };

const move: fc.Arbitrary<Move> = fc.record(
  {
    to: fc.constantFrom(...REFERRAL_STATUSES),
    by: fc.constantFrom<Side>('sender', 'receiver', 'system'),
    reason: fc.constantFrom(...DECLINE_REASONS),
    declinedBy: fc.constantFrom(...DECLINED_BY),
    outcome: fc.constantFrom(...REFERRAL_OUTCOMES),
  },
  { requiredKeys: ['to', 'by'] },
);

describe('the referral state machine', () => {
  it('has the terminal statuses of the issue, and the time limit only where the receiver has not decided', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['cancelled', 'completed', 'declined', 'expired']);
    for (const s of REFERRAL_STATUSES) expect(REFERRAL_TRANSITIONS[s].includes('expired')).toBe(EXPIRING_STATUSES.includes(s));
  });

  it('names the allowed moves of each side', () => {
    expect(allowedMoves('received', 'receiver')).toEqual(['accepted', 'declined', 'waitlisted']);
    expect(allowedMoves('received', 'sender')).toEqual(['declined', 'cancelled']);
    expect(allowedMoves('draft', 'sender')).toEqual(['sent', 'cancelled']);
    expect(decideMove(START, { to: 'accepted', by: 'receiver' })).toEqual({
      ok: false,
      code: 'illegal_transition',
      allowed: ['sent', 'cancelled'],
    });
  });

  it('lets the sender record only the person’s decline, and asks for an outcome to complete', () => {
    const received: ReferralState = { ...START, status: 'received' };
    expect(decideMove(received, { to: 'declined', by: 'sender', reason: 'no_capacity', declinedBy: 'provider' }).ok).toBe(false);
    expect(decideMove(received, { to: 'declined', by: 'sender', reason: 'person_refused', declinedBy: 'person' }).ok).toBe(true);
    const serving: ReferralState = { ...START, status: 'in_service' };
    expect(decideMove(serving, { to: 'completed', by: 'receiver' })).toEqual({
      ok: false,
      code: 'field',
      field: 'outcome',
      problem: 'required',
    });
  });

  it('never reaches an illegal state nor loses an outcome, whatever sequence of moves is tried', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        let state = START;
        let outcome: ReferralState['outcome'] = null;
        for (const m of moves) {
          const before = state;
          const decision = decideMove(state, m);
          if (!decision.ok) {
            // A refused move changes nothing, and every refusal of a legal target names this side's moves.
            if (decision.code !== 'field')
              expect(decision.allowed.every((s) => REFERRAL_TRANSITIONS[before.status].includes(s))).toBe(true);
            continue;
          }
          state = decision.state;
          expect(REFERRAL_TRANSITIONS[before.status]).toContain(state.status);
          expect(MOVERS[state.status]).toContain(m.by);
          expect(TERMINAL_STATUSES.includes(before.status)).toBe(false);
          expect(isConsistent(state)).toBe(true);
          if (state.outcome !== null) outcome = state.outcome;
          // Once given, an outcome stays.
          if (outcome !== null) expect(state.outcome).toBe(outcome);
        }
        expect(isConsistent(state)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reaches every status from a draft', () => {
    const seen = new Set<string>(['draft']);
    const queue: ReferralState[] = [START];
    while (queue.length > 0) {
      const s = queue.shift() as ReferralState;
      for (const to of REFERRAL_TRANSITIONS[s.status]) {
        for (const by of MOVERS[to]) {
          const d = decideMove(s, {
            to,
            by,
            ...(to === 'declined' ? { reason: 'other' as const, declinedBy: 'person' as const } : {}),
            ...(to === 'completed' ? { outcome: 'service_provided' as const } : {}),
          });
          if (d.ok && !seen.has(d.state.status)) {
            seen.add(d.state.status);
            queue.push(d.state);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...REFERRAL_STATUSES].sort());
  });
});
