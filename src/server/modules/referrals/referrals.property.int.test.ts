import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';
import {
  DECLINE_REASONS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  decideMove,
  type ReferralState,
} from '../../../shared/referrals/machine.js';

// Random sequences of calls through the real API, each checked against the pure machine: the
// status stored always equals the model's, and an outcome, once given, is never lost.

let server: TestServer;
let person = '';

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  person = await registerPerson(server, 'frontdesk', { givenName: 'Ιδιότητα', familyName: 'Ελέγχου' });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' }).format(new Date());
  await server.as('frontdesk', 'POST', `/api/v1/persons/${person}/consents`, {
    purpose: 'referral',
    recipient: null,
    lawfulBasis: 'consent',
    givenAt: day,
  });
});
afterAll(async () => {
  await server.close();
});

const call = fc.record({
  who: fc.constantFrom('frontdesk', 'dormitory.manager'),
  to: fc.constantFrom(...REFERRAL_STATUSES),
  reason: fc.option(fc.constantFrom(...DECLINE_REASONS), { nil: undefined }),
  outcome: fc.option(fc.constantFrom(...REFERRAL_OUTCOMES), { nil: undefined }),
});

describe('the referral machine through the API', () => {
  it('keeps the stored status equal to the model’s, and never loses an outcome', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 8 }), async (calls) => {
        const created = await server.as('frontdesk', 'POST', '/api/v1/referrals', {
          person,
          targetStructure: 'homeless-dormitory',
        });
        const { id, version } = await json<{ id: string; version: number }>(created);
        let model: ReferralState = { status: 'draft', outcome: null, declineReason: null, declinedBy: null };
        let v = version;
        for (const c of calls) {
          const sender = c.who === 'frontdesk';
          const body = {
            to: c.to,
            ...(c.reason ? { reason: c.reason, declinedBy: sender ? 'person' : 'provider' } : {}),
            ...(c.outcome ? { outcome: c.outcome } : {}),
          };
          const res = await server.as(c.who, 'POST', `/api/v1/referrals/${id}/transitions`, body, { 'if-match': `"v${v}"` });
          const decision = decideMove(model, {
            to: c.to,
            by: sender ? 'sender' : 'receiver',
            reason: c.reason,
            declinedBy: c.reason ? (sender ? 'person' : 'provider') : undefined,
            outcome: c.outcome,
          });
          if (!sender && model.status === 'draft') expect(res.status).toBe(404);
          else if (decision.ok) {
            expect(res.status).toBe(200);
            model = decision.state;
            v = (await json<{ version: number }>(res)).version;
          } else {
            expect([409, 422]).toContain(res.status);
            await res.arrayBuffer();
          }
          const [stored] = await server.database.query<{ status: string; outcome: string | null; version: number }>(
            'select status, outcome, version from referrals where id = $1',
            [id],
          );
          expect(stored?.status).toBe(model.status);
          expect(stored?.outcome ?? null).toBe(model.outcome);
          expect(stored?.version).toBe(v);
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
