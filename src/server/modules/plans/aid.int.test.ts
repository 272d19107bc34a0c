import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);
const count = async (sql: string, params: unknown[] = []) =>
  Number((await server.database.query<{ n: string }>(sql, params))[0]?.n ?? -1);

interface Aid {
  id: string;
  status: string;
  kind: string;
  amountCents: number | null;
  decision: { by: { username: string }; note: string | null } | null;
  settlement: { on: string; reference: string | null } | null;
}

async function openCase(username: string, person: string, type = 'general-support'): Promise<string> {
  const res = await as(username, 'POST', '/api/v1/cases', { person, type });
  if (res.status !== 201) throw new Error(`opening a case answered ${res.status}: ${await res.text()}`);
  return (await json<{ id: string }>(res)).id;
}
const recommend = (username: string, caseId: string, body: Record<string, unknown>) =>
  as(username, 'POST', `/api/v1/cases/${caseId}/aid-requests`, body, { 'accept-language': 'en' });
const decide = (username: string, id: string, body: Record<string, unknown>) =>
  as(username, 'POST', `/api/v1/aid-requests/${id}/decision`, body, { 'accept-language': 'en' });
const pay = (username: string, id: string, body: Record<string, unknown> = {}) =>
  as(username, 'POST', `/api/v1/aid-requests/${id}/payment`, body, { 'accept-language': 'en' });

let caseId = '';
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  const person = await registerPerson(server, 'socialworker', { givenName: 'Ευτυχία', familyName: 'Βοηθείδου' });
  caseId = await openCase('socialworker', person);
});
afterAll(async () => {
  await server.close();
});

describe('cash aid from the Mutual Aid Fund', () => {
  let aid: Aid;
  it('the social worker recommends 150 € from the Mutual Aid Fund; it waits in the approver’s queue', async () => {
    const res = await recommend('socialworker', caseId, {
      kind: 'cash',
      amountCents: 15_000,
      budgetLine: 'mutual-aid-fund',
      justification: 'Απλήρωτος λογαριασμός ρεύματος',
    });
    expect(res.status).toBe(201);
    aid = await json<Aid>(res);
    expect(aid).toMatchObject({ status: 'recommended', kind: 'cash', amountCents: 15_000, decision: null });
    const queue = await json<{ items: Aid[] }>(await as('director', 'GET', '/api/v1/aid-requests?status=recommended'));
    expect(queue.items.map((a) => a.id)).toEqual([aid.id]);
  });

  it('the social worker tries to approve her own recommendation and is refused (403), on record', async () => {
    const res = await decide('socialworker', aid.id, { decision: 'approved' });
    expect(res.status).toBe(403);
    const [row] = await server.database.query<{ action: string; reason: string }>(
      `select action, reason from audit_event where actor_label = 'socialworker' order by id desc limit 1`,
    );
    expect(row).toEqual({ action: 'access.denied', reason: 'case.approve' });
  });

  it('payment before approval is an illegal move (409 naming the allowed ones)', async () => {
    const res = await pay('socialworker', aid.id, { reference: 'ΧΕ-1' });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ currentStatus: 'recommended', allowed: ['approved', 'rejected'] });
  });

  it('the director approves with a note; a second decision is 409; the payment is recorded; all on the timeline', async () => {
    const approved = await decide('director', aid.id, { decision: 'approved', note: 'Εγκρίνεται' });
    expect(approved.status).toBe(200);
    expect(await json(approved)).toMatchObject({
      status: 'approved',
      decision: { by: { username: 'director' }, note: 'Εγκρίνεται' },
    });
    const again = await decide('director', aid.id, { decision: 'rejected' });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ currentStatus: 'approved', allowed: ['paid'] });
    expect((await pay('director', aid.id)).status).toBe(403);
    const paid = await pay('socialworker', aid.id, { on: '2026-11-30', reference: 'ΧΕ-2026/118' });
    expect(paid.status).toBe(200);
    expect(await json(paid)).toMatchObject({ status: 'paid', settlement: { on: '2026-11-30', reference: 'ΧΕ-2026/118' } });
    expect((await pay('socialworker', aid.id)).status).toBe(409);
    const timeline = await json<{ items: { body: { subject: string; step: string } }[] }>(
      await as('socialworker', 'GET', `/api/v1/cases/${caseId}/timeline?kind=approval`),
    );
    expect(timeline.items.map((e) => `${e.body.subject} ${e.body.step}`)).toEqual([
      'aid paid',
      'aid approved',
      'aid recommended',
    ]);
    const actions = await server.database.query<{ action: string }>(
      `select action from audit_event where entity_id = $1 and outcome = 'success' order by id`,
      [aid.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['aid.recommended', 'aid.list', 'aid.decided', 'aid.settled']);
  });
});

describe('goods, rejections and refusals', () => {
  it('goods are handed over, never paid; a rejected request is final', async () => {
    const goods = await json<Aid>(
      await recommend('socialworker', caseId, {
        kind: 'in_kind',
        goods: 'Χειμερινά ρούχα και παπούτσια',
        budgetLine: 'in-kind-donations',
        justification: 'Ο χειμώνας πλησιάζει',
      }),
    );
    expect((await decide('director', goods.id, { decision: 'approved' })).status).toBe(200);
    const handed = await pay('socialworker', goods.id);
    expect(handed.status).toBe(200);
    expect((await json<Aid>(handed)).status).toBe('handed_over');
    const rejected = await json<Aid>(
      await recommend('socialworker', caseId, {
        kind: 'cash',
        amountCents: 50_000,
        budgetLine: 'emergency-aid',
        justification: 'Ενοίκιο',
      }),
    );
    expect((await decide('director', rejected.id, { decision: 'rejected', note: 'Καλύπτεται από επίδομα' })).status).toBe(200);
    const after = await pay('socialworker', rejected.id);
    expect(after.status).toBe(409);
    expect(await json(after)).toMatchObject({ currentStatus: 'rejected', allowed: [] });
  });

  it('an unknown budget line is 422; a case outside the worker’s structures is 404; bad bodies are 400', async () => {
    const unknown = await recommend('socialworker', caseId, {
      kind: 'cash',
      amountCents: 100,
      budgetLine: 'no-such-line',
      justification: 'x',
    });
    expect(unknown.status).toBe(422);
    const guest = await registerPerson(server, 'dormitory.manager', { givenName: 'Μάρκος', familyName: 'Ξένος' });
    const elsewhere = await openCase('dormitory.manager', guest);
    const outside = await recommend('socialworker', elsewhere, {
      kind: 'cash',
      amountCents: 100,
      budgetLine: 'mutual-aid-fund',
      justification: 'x',
    });
    expect(outside.status).toBe(404);
    const cashWithoutAmount = await recommend('socialworker', caseId, {
      kind: 'cash',
      budgetLine: 'mutual-aid-fund',
      justification: 'x',
    });
    expect(cashWithoutAmount.status).toBe(400);
  });

  it('shelter aid is invisible outside the compartment: to the director’s queue and to an unscoped query', async () => {
    const resident = await registerPerson(server, 'shelter.staff', { givenName: 'Ζωή', familyName: 'Προστατευμένη', sex: 'F' });
    const shelterCase = await openCase('shelter.manager', resident, 'gbv-support');
    const res = await recommend('shelter.manager', shelterCase, {
      kind: 'in_kind',
      goods: 'Είδη υγιεινής',
      budgetLine: 'in-kind-donations',
      justification: 'Άφιξη στον ξενώνα',
    });
    expect(res.status).toBe(201);
    const id = (await json<Aid>(res)).id;
    const queue = await json<{ items: Aid[] }>(await as('director', 'GET', '/api/v1/aid-requests?status=recommended'));
    expect(queue.items.map((a) => a.id)).not.toContain(id);
    expect((await decide('director', id, { decision: 'approved' })).status).toBe(404);
    const mine = await json<{ items: Aid[] }>(await as('shelter.manager', 'GET', `/api/v1/cases/${shelterCase}/aid-requests`));
    expect(mine.items.map((a) => a.id)).toEqual([id]);
    expect(await count('select count(*) as n from aid_requests where compartment_id is not null')).toBe(0);
  });
});
