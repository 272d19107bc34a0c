import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);

interface Application {
  id: string;
  status: string;
  allowed: string[];
  submittedOn: string | null;
  referenceNumber: string | null;
  decidedOn: string | null;
  monthlyAmountCents: number | null;
  renewalOn: string | null;
  checklist: { key: string; done: boolean }[];
  version: number;
}

const day = (offset = 0) => {
  const d = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' }).format(new Date())}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const move = (username: string, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  as(username, 'POST', `/api/v1/benefit-applications/${id}/status`, body, { 'accept-language': 'en', ...headers });

let person = '';
let caseId = '';
let app: Application;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  person = await registerPerson(server, 'frontdesk', { givenName: 'Δήμητρα', familyName: 'Επιδοματίδου' });
  const opened = await as('frontdesk', 'POST', '/api/v1/cases', { person, type: 'general-support' });
  caseId = (await json<{ id: string }>(opened)).id;
});
afterAll(async () => {
  await server.close();
});

describe('a Minimum Guaranteed Income application, from preparing to an approved appeal', () => {
  it('the front desk files it on the person’s case, with the checklist of its type', async () => {
    const res = await as('frontdesk', 'POST', '/api/v1/benefit-applications', { person, case: caseId, type: 'minimum_income' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"v1"');
    app = await json<Application>(res);
    expect(app).toMatchObject({ status: 'preparing', allowed: ['submitted'], submittedOn: null });
    expect(app.checklist.map((i) => i.key)).toEqual([
      'id-document',
      'tax-return',
      'e9-property',
      'bank-account',
      'residence-proof',
    ]);
    expect(app.checklist.every((i) => !i.done)).toBe(true);
  });

  it('an illegal move (preparing → approved) is 409 naming the allowed moves, and nothing changes', async () => {
    const res = await move('frontdesk', app.id, { to: 'approved' });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ currentStatus: 'preparing', allowed: ['submitted'] });
    const again = await json<Application>(await as('frontdesk', 'GET', `/api/v1/benefit-applications/${app.id}`));
    expect(again.status).toBe('preparing');
  });

  it('ticks the checklist item by item; an item the type does not ask for is 404', async () => {
    const res = await as('frontdesk', 'PUT', `/api/v1/benefit-applications/${app.id}/checklist/tax-return`, { done: true });
    expect(res.status).toBe(200);
    app = await json<Application>(res);
    expect(app.checklist.filter((i) => i.done).map((i) => i.key)).toEqual(['tax-return']);
    const unknown = await as('frontdesk', 'PUT', `/api/v1/benefit-applications/${app.id}/checklist/lease`, { done: true });
    expect(unknown.status).toBe(404);
  });

  it('edits with If-Match: 428 without, 409 with the current version when stale, 200 when current', async () => {
    const path = `/api/v1/benefit-applications/${app.id}`;
    expect((await as('frontdesk', 'PATCH', path, { note: 'Τηλεφωνική επικοινωνία' })).status).toBe(428);
    const stale = await as('frontdesk', 'PATCH', path, { note: 'x' }, { 'if-match': '"v1"' });
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({ currentVersion: `"v${app.version}"` });
    const ok = await as('frontdesk', 'PATCH', path, { note: 'Τηλεφωνική επικοινωνία' }, { 'if-match': `"v${app.version}"` });
    expect(ok.status).toBe(200);
    app = await json<Application>(ok);
  });

  it('goes submitted → more documents → submitted → rejected → under appeal → approved, with days and amount', async () => {
    let res = await move('frontdesk', app.id, { to: 'submitted', referenceNumber: 'ΕΕΕ-2026-0042', on: day(-20) });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'submitted', submittedOn: day(-20), referenceNumber: 'ΕΕΕ-2026-0042' });
    res = await move('frontdesk', app.id, { to: 'more_documents_requested', note: 'Ζητήθηκε Ε9' });
    expect(res.status).toBe(200);
    res = await move('frontdesk', app.id, { to: 'submitted' });
    expect((await json<Application>(res)).submittedOn).toBe(day(-20));
    // A decision before the submission is refused.
    expect((await move('frontdesk', app.id, { to: 'rejected', on: day(-30) })).status).toBe(422);
    res = await move('frontdesk', app.id, { to: 'rejected', on: day(-5) });
    expect(await json(res)).toMatchObject({ status: 'rejected', decidedOn: day(-5), allowed: ['under_appeal'] });
    expect((await move('frontdesk', app.id, { to: 'under_appeal' })).status).toBe(200);
    res = await move('frontdesk', app.id, { to: 'approved', monthlyAmountCents: 20_000, renewalOn: day(10) });
    app = await json<Application>(res);
    expect(app).toMatchObject({
      status: 'approved',
      decidedOn: day(),
      monthlyAmountCents: 20_000,
      renewalOn: day(10),
      allowed: [],
    });
  });

  it('records every step as a benefit_step entry on the case', async () => {
    const timeline = await json<{ items: { kind: string; body: { step?: string } }[] }>(
      await as('frontdesk', 'GET', `/api/v1/cases/${caseId}/timeline?kind=benefit_step`),
    );
    expect(timeline.items.map((e) => e.body.step).reverse()).toEqual([
      'preparing',
      'checklist',
      'updated',
      'submitted',
      'more_documents_requested',
      'submitted',
      'rejected',
      'under_appeal',
      'approved',
    ]);
  });

  it('lists it among the renewals due within 30 days, not within 5', async () => {
    const due = await json<{ items: Application[] }>(
      await as('frontdesk', 'GET', '/api/v1/benefit-applications?renewalWithinDays=30'),
    );
    expect(due.items.map((a) => a.id)).toEqual([app.id]);
    const soon = await json<{ items: Application[] }>(
      await as('frontdesk', 'GET', '/api/v1/benefit-applications?renewalWithinDays=5'),
    );
    expect(soon.items).toEqual([]);
    const byPerson = await json<{ items: Application[] }>(
      await as('frontdesk', 'GET', `/api/v1/benefit-applications?person=${person}&status=approved`),
    );
    expect(byPerson.items.map((a) => a.id)).toEqual([app.id]);
  });
});

describe('who sees an application', () => {
  it('pages newest first with a cursor', async () => {
    for (const type of ['housing_allowance', 'child_benefit']) {
      expect((await as('frontdesk', 'POST', '/api/v1/benefit-applications', { person, type })).status).toBe(201);
    }
    const first = await json<{ items: Application[]; nextCursor: string | null }>(
      await as('frontdesk', 'GET', '/api/v1/benefit-applications?limit=2'),
    );
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await json<{ items: Application[]; nextCursor: string | null }>(
      await as('frontdesk', 'GET', `/api/v1/benefit-applications?limit=2&cursor=${first.nextCursor ?? ''}`),
    );
    expect(second.items.map((a) => a.id)).toEqual([app.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('the dormitory’s front desk does not find the KEM’s application (404, on record), nor lists it', async () => {
    await createTestUser(server, { username: 'dormitory.frontdesk', role: 'frontdesk', structure: 'homeless-dormitory' });
    const res = await as('dormitory.frontdesk', 'GET', `/api/v1/benefit-applications/${app.id}`);
    expect(res.status).toBe(404);
    expect((await json<{ type: string }>(res)).type).toBe('urn:merimna:problem:benefit_not_found');
    const [row] = await server.database.query<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_event where actor_label = 'dormitory.frontdesk' order by id desc limit 1`,
    );
    expect(row).toEqual({ action: 'access.denied', entity_id: app.id });
    const list = await json<{ items: Application[] }>(await as('dormitory.frontdesk', 'GET', '/api/v1/benefit-applications'));
    expect(list.items).toEqual([]);
    expect((await move('dormitory.frontdesk', app.id, { to: 'submitted' })).status).toBe(404);
  });

  it('the laundry’s staff may not read applications at all (403)', async () => {
    expect((await as('laundry.staff', 'GET', '/api/v1/benefit-applications')).status).toBe(403);
  });

  it('an application filed at the women’s shelter is invisible outside it, also to a query that forgets its scope', async () => {
    await createTestUser(server, { username: 'shelter.socialworker', role: 'social_worker', structure: 'womens-shelter' });
    const resident = await registerPerson(server, 'shelter.staff', { givenName: 'Ειρήνη', familyName: 'Ασφαλίδου' });
    const filed = await as('shelter.socialworker', 'POST', '/api/v1/benefit-applications', {
      person: resident,
      type: 'child_benefit',
    });
    expect(filed.status).toBe(201);
    const { id } = await json<{ id: string }>(filed);
    expect((await as('shelter.socialworker', 'GET', `/api/v1/benefit-applications/${id}`)).status).toBe(200);
    expect((await as('frontdesk', 'GET', `/api/v1/benefit-applications/${id}`)).status).toBe(404);
    const list = await json<{ items: Application[] }>(await as('socialworker', 'GET', '/api/v1/benefit-applications?limit=200'));
    expect(list.items.map((a) => a.id)).not.toContain(id);
    const [stored] = await server.database.query<{ compartment_id: string | null }>(
      'select compartment_id from benefit_applications where id = $1',
      [id],
    );
    expect(stored?.compartment_id).not.toBeNull();
  });
});
