import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);

interface CaseType {
  slug: string;
  name: { el: string; en: string };
  closureNeedsApproval: boolean;
}

beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(async () => {
  await server.close();
});

describe('the case types a structure offers', () => {
  it('lists the types offered at the dormitory and at the laundry, and not those of other structures', async () => {
    const dormitory = await as('frontdesk', 'GET', '/api/v1/case-types?structure=homeless-dormitory');
    expect(dormitory.status).toBe(200);
    const items = (await json<{ items: CaseType[] }>(dormitory)).items;
    expect(items.map((t) => t.slug).sort()).toEqual(['general-support', 'homeless-reintegration']);
    expect(items.find((t) => t.slug === 'homeless-reintegration')).toMatchObject({
      name: { el: 'Επανένταξη αστέγων', en: 'Homeless reintegration' },
      closureNeedsApproval: true,
    });
    const kem = (await json<{ items: CaseType[] }>(await as('frontdesk', 'GET', '/api/v1/case-types?structure=kem'))).items;
    expect(kem.length).toBeGreaterThan(items.length);
    const laundry = await as('laundry.manager', 'GET', '/api/v1/case-types?structure=social-laundry');
    expect((await json<{ items: CaseType[] }>(laundry)).items.map((t) => t.slug)).toEqual(['general-support']);
  });

  it('answers 422 naming the field for an unknown structure, 400 without one, 403 to the data-protection officer (no case.read)', async () => {
    const unknown = await as('frontdesk', 'GET', '/api/v1/case-types?structure=no-such-structure');
    expect(unknown.status).toBe(422);
    expect((await json<{ errors: { field: string }[] }>(unknown)).errors).toEqual([
      { field: 'query.structure', code: 'unknown_reference' },
    ]);
    expect((await as('frontdesk', 'GET', '/api/v1/case-types')).status).toBe(400);
    expect((await as('dpo', 'GET', '/api/v1/case-types?structure=kem')).status).toBe(403);
  });
});

describe('the active filter of the case list', () => {
  it('lists every case but the closed ones, and rejects an unknown status', async () => {
    const person = await registerPerson(server, 'frontdesk', { givenName: 'Ρένα', familyName: 'Ενεργού' });
    const open = async (summary: string) => {
      const res = await as('frontdesk', 'POST', '/api/v1/cases', { person, type: 'general-support', summary });
      expect(res.status).toBe(201);
      return (await json<{ id: string }>(res)).id;
    };
    const stays = await open('μένει ανοιχτός');
    const moves = await open('σε αξιολόγηση');
    const closes = await open('κλείνει');
    expect((await as('frontdesk', 'POST', `/api/v1/cases/${moves}/status`, { status: 'assessment' })).status).toBe(200);
    // The front desk may not close a case (case.close): the social worker of the ΚΕΜ does.
    const closed = await as('socialworker', 'POST', `/api/v1/cases/${closes}/status`, {
      status: 'closed',
      reason: 'goals_met',
      outcome: 'achieved',
    });
    expect(closed.status).toBe(200);
    const ids = async (query: string) =>
      (await json<{ items: { id: string }[] }>(await as('frontdesk', 'GET', `/api/v1/cases?person=${person}${query}`))).items
        .map((c) => c.id)
        .sort();
    expect(await ids('&status=active')).toEqual([stays, moves].sort());
    expect(await ids('&status=closed')).toEqual([closes]);
    expect(await ids('')).toEqual([stays, moves, closes].sort());
    expect((await as('frontdesk', 'GET', '/api/v1/cases?status=inactive')).status).toBe(400);
  });
});
