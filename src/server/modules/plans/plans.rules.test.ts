import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreAnswers, scoreHistory, type TFormDefinition } from '../../../shared/plans/assessment.js';
import { AID_KINDS, AID_STATUSES, aidMoves, type AidStatus } from '../../../shared/plans/lists.js';

const scale = [1, 2, 3, 4, 5].map((score) => ({ score, label: { el: String(score), en: String(score) } }));
const form: TFormDefinition = {
  questions: [
    { key: 'roof', domain: 'housing', text: { el: 'Στέγη', en: 'Roof' }, scale },
    { key: 'rent', domain: 'housing', text: { el: 'Ενοίκιο', en: 'Rent' }, scale },
    { key: 'work', domain: 'employment', text: { el: 'Εργασία', en: 'Work' }, scale },
  ],
};

describe('scoring an assessment', () => {
  it('sums the scores of each domain’s questions, with the most each could be', () => {
    const r = scoreAnswers(form, { roof: 2, rent: 3, work: 5 });
    expect(r.problems).toEqual([]);
    expect(r.scores).toEqual([
      { domain: 'housing', score: 5, max: 10 },
      { domain: 'employment', score: 5, max: 5 },
    ]);
    expect([r.total, r.maxTotal]).toEqual([10, 15]);
  });

  it('names every unanswered, unknown or off-scale answer', () => {
    expect(scoreAnswers(form, { roof: 0, extra: 1 }).problems).toEqual([
      { key: 'extra', code: 'unknown_question' },
      { key: 'roof', code: 'not_on_scale' },
      { key: 'rent', code: 'required' },
      { key: 'work', code: 'required' },
    ]);
  });

  it('shows the change per domain from the first assessment to the latest', () => {
    const a = { id: 'a', assessedOn: '2026-01-01', ...scoreAnswers(form, { roof: 1, rent: 1, work: 2 }) };
    const b = { id: 'b', assessedOn: '2026-06-01', ...scoreAnswers(form, { roof: 4, rent: 3, work: 1 }) };
    const h = scoreHistory([a, b]);
    expect(h.domains.map((d) => [d.domain, d.change])).toEqual([
      ['housing', 5],
      ['employment', -1],
    ]);
    expect(h.totals.map((t) => t.score)).toEqual([4, 8]);
  });
});

describe('the aid state machine', () => {
  it('from any sequence of moves, cash is never handed over, goods never paid, and final states stay final', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AID_KINDS), fc.array(fc.constantFrom(...AID_STATUSES), { maxLength: 10 }), (kind, tries) => {
        let status: AidStatus = 'recommended';
        const path: AidStatus[] = [status];
        for (const to of tries) {
          if (aidMoves(kind, status).includes(to)) {
            status = to;
            path.push(to);
          }
        }
        expect(path.includes(kind === 'cash' ? 'handed_over' : 'paid')).toBe(false);
        expect(path.length).toBeLessThanOrEqual(3);
        if (path.includes('rejected')) expect(path).toEqual(['recommended', 'rejected']);
      }),
    );
  });
});
