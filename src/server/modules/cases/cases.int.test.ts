import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);
const count = async (sql: string, params: unknown[] = []) =>
  Number((await server.database.query<{ n: string }>(sql, params))[0]?.n ?? -1);
const lastAudit = async (actor: string) =>
  (
    await server.database.query<{ action: string; outcome: string; entity_id: string }>(
      `select action, outcome, entity_id from audit_event where actor_label = $1 order by id desc limit 1`,
      [actor],
    )
  )[0];

interface Case {
  id: string;
  status: string;
  version: number;
  assignedTo: { username: string } | null;
  person: { id: string } | null;
}

async function openCase(username: string, body: Record<string, unknown>): Promise<Case> {
  const res = await as(username, 'POST', '/api/v1/cases', body);
  if (res.status !== 201) throw new Error(`opening a case as ${username} answered ${res.status}: ${await res.text()}`);
  return json<Case>(res);
}

const move = (username: string, id: string, body: Record<string, unknown>) =>
  as(username, 'POST', `/api/v1/cases/${id}/status`, body, { 'accept-language': 'en' });

let kemPerson = '';
let kemCase: Case;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  kemPerson = await registerPerson(server, 'frontdesk', { givenName: 'Νίκος', familyName: 'Καζαντζής', birthDate: '1970-05-01' });
  kemCase = await openCase('frontdesk', { person: kemPerson, type: 'general-support', summary: 'Χρειάζεται στέγη' });
});
afterAll(async () => {
  await server.close();
});

describe('opening and listing cases', () => {
  it('the front desk opens a case at KEM: assigned to the opener, version 1 in the ETag, audited', async () => {
    expect(kemCase).toMatchObject({
      status: 'open',
      version: 1,
      assignedTo: { username: 'frontdesk' },
      person: { id: kemPerson },
    });
    const res = await as('frontdesk', 'GET', `/api/v1/cases/${kemCase.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v1"');
    const detail = await json<{ entryCounts: Record<string, number>; hiddenEntries: number }>(res);
    expect(detail.entryCounts).toMatchObject({ note: 0, status_change: 0 });
    const rows = await server.database.query<{ action: string }>(
      `select action from audit_event where entity_id = $1 order by id`,
      [kemCase.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['case.created', 'case.read']);
  });

  it('a type the structure does not offer is refused, naming the field', async () => {
    const person = await registerPerson(server, 'laundry.manager', { givenName: 'Σοφία', familyName: 'Πλύστρα' });
    const res = await as('laundry.manager', 'POST', '/api/v1/cases', { person, type: 'gbv-support' });
    expect(res.status).toBe(422);
    expect((await json<{ errors: { field: string }[] }>(res)).errors).toEqual([
      { field: 'body.type', code: 'unknown_reference' },
    ]);
  });

  it('lists my caseload by default, a structure’s cases on request, and nothing outside my scope', async () => {
    const mine = await json<{ items: { id: string }[] }>(await as('frontdesk', 'GET', '/api/v1/cases'));
    expect(mine.items.map((c) => c.id)).toContain(kemCase.id);
    const theirs = await json<{ items: { id: string }[] }>(await as('socialworker', 'GET', '/api/v1/cases'));
    expect(theirs.items.map((c) => c.id)).not.toContain(kemCase.id);
    const kem = await json<{ items: { id: string }[] }>(await as('socialworker', 'GET', '/api/v1/cases?structure=kem'));
    expect(kem.items.map((c) => c.id)).toContain(kemCase.id);
    const byPerson = await json<{ items: { id: string }[] }>(
      await as('socialworker', 'GET', `/api/v1/cases?person=${kemPerson}`),
    );
    expect(byPerson.items.map((c) => c.id)).toEqual([kemCase.id]);
    const elsewhere = await json<{ items: unknown[] }>(await as('dormitory.manager', 'GET', '/api/v1/cases?structure=kem'));
    expect(elsewhere.items).toEqual([]);
  });

  it('pages by cursor, newest first, with no case twice', async () => {
    for (const summary of ['a', 'b', 'c']) await openCase('frontdesk', { person: kemPerson, type: 'general-support', summary });
    const first = await json<{ items: { id: string }[]; nextCursor: string }>(
      await as('frontdesk', 'GET', '/api/v1/cases?limit=2'),
    );
    expect(first.items).toHaveLength(2);
    const second = await json<{ items: { id: string }[]; nextCursor: string | null }>(
      await as('frontdesk', 'GET', `/api/v1/cases?limit=2&cursor=${first.nextCursor}`),
    );
    const ids = [...first.items, ...second.items].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await as('frontdesk', 'GET', '/api/v1/cases?cursor=bm9wZQ')).status).toBe(400);
  });

  it('the dormitory manager asks for a KEM case by id → 404, and an audit row says so', async () => {
    const res = await as('dormitory.manager', 'GET', `/api/v1/cases/${kemCase.id}`);
    expect(res.status).toBe(404);
    expect(await lastAudit('dormitory.manager')).toEqual({ action: 'access.denied', outcome: 'denied', entity_id: kemCase.id });
  });
});

describe('concurrent edits', () => {
  it('need If-Match; of two workers editing version 1, the second gets 409 with the current version', async () => {
    const c = await openCase('socialworker', { person: kemPerson, type: 'general-support' });
    const path = `/api/v1/cases/${c.id}`;
    expect((await as('socialworker', 'PATCH', path, { summary: 'x' })).status).toBe(428);
    const first = await as('socialworker', 'PATCH', path, { summary: 'Στέγαση' }, { 'if-match': '"v1"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"v2"');
    const second = await as('frontdesk', 'PATCH', path, { summary: 'Εργασία' }, { 'if-match': '"v1"' });
    expect(second.status).toBe(409);
    expect(await json(second)).toMatchObject({ currentVersion: '"v2"' });
    const now = await json<{ summary: string }>(await as('frontdesk', 'GET', path));
    expect(now.summary).toBe('Στέγαση');
  });

  it('assigns only to a worker who may carry cases at the structure', async () => {
    const c = await openCase('socialworker', { person: kemPerson, type: 'general-support' });
    const staff = await json<{ user: { id: string } }>(await as('laundry.staff', 'GET', '/api/v1/auth/me'));
    const res = await as('socialworker', 'PATCH', `/api/v1/cases/${c.id}`, { assignedTo: staff.user.id }, { 'if-match': '"v1"' });
    expect(res.status).toBe(422);
  });
});

describe('status', () => {
  it('moves only by the legal transitions, and each change is a timeline entry', async () => {
    const c = await openCase('socialworker', { person: kemPerson, type: 'general-support' });
    const illegal = await move('socialworker', c.id, { status: 'in_service' });
    expect(illegal.status).toBe(409);
    expect(await json(illegal)).toMatchObject({ currentStatus: 'open', allowed: ['assessment', 'closed'] });
    expect((await move('socialworker', c.id, { status: 'assessment' })).status).toBe(200);
    expect((await move('socialworker', c.id, { status: 'plan', reason: 'goals_met' })).status).toBe(422);
    const noOutcome = await move('socialworker', c.id, { status: 'closed', reason: 'goals_met' });
    expect(noOutcome.status).toBe(422);
    // The front desk may move a case along but not close it.
    const frontdesk = await move('frontdesk', c.id, { status: 'closed', reason: 'goals_met', outcome: 'achieved' });
    expect(frontdesk.status).toBe(403);
    const closed = await move('socialworker', c.id, { status: 'closed', reason: 'goals_met', outcome: 'achieved' });
    expect(closed.status).toBe(200);
    expect(await json(closed)).toMatchObject({ status: 'closed', closureReason: 'goals_met', closureOutcome: 'achieved' });
    expect((await move('socialworker', c.id, { status: 'assessment' })).status).toBe(409);
    const note = await as('socialworker', 'POST', `/api/v1/cases/${c.id}/timeline`, { kind: 'note', text: 'late' });
    expect(note.status).toBe(409);
    const reopened = await move('socialworker', c.id, { status: 'open' });
    expect(await json(reopened)).toMatchObject({ status: 'open', closureReason: null, closedAt: null });
    const changes = await json<{ items: { body: { from: string; to: string } }[] }>(
      await as('socialworker', 'GET', `/api/v1/cases/${c.id}/timeline?kind=status_change`),
    );
    expect(changes.items.map((e) => `${e.body.from}→${e.body.to}`)).toEqual([
      'closed→open',
      'assessment→closed',
      'open→assessment',
    ]);
  });

  it('closing a type that needs approval waits for an approver', async () => {
    const guest = await registerPerson(server, 'dormitory.manager', { givenName: 'Παύλος', familyName: 'Αστεγος' });
    const c = await openCase('dormitory.manager', { person: guest, type: 'homeless-reintegration' });
    const close = { status: 'closed', reason: 'goals_met', outcome: 'achieved' };
    const early = await move('dormitory.manager', c.id, close);
    expect(early.status).toBe(409);
    expect((await json<{ type: string }>(early)).type).toBe('urn:merimna:problem:closure_needs_approval');
    // A manager cannot approve (no case.approve): the route refuses before anything is read.
    expect((await as('dormitory.manager', 'POST', `/api/v1/cases/${c.id}/closure-approval`, {})).status).toBe(403);
    const approved = await as('director', 'POST', `/api/v1/cases/${c.id}/closure-approval`, { note: 'Εγκρίνεται' });
    expect(approved.status).toBe(200);
    expect(await json(approved)).toMatchObject({ closureApproval: { by: 'director' } });
    expect((await as('director', 'POST', `/api/v1/cases/${c.id}/closure-approval`, {})).status).toBe(409);
    expect((await move('dormitory.manager', c.id, close)).status).toBe(200);
    const detail = await json<{ entryCounts: Record<string, number> }>(
      await as('dormitory.manager', 'GET', `/api/v1/cases/${c.id}`),
    );
    expect(detail.entryCounts).toMatchObject({ approval: 1, status_change: 1 });
  });
});

describe('the women’s shelter compartment', () => {
  let shelterCase: Case;
  beforeAll(async () => {
    const resident = await registerPerson(server, 'shelter.staff', { givenName: 'Μαρία', familyName: 'Ασφαλής', sex: 'F' });
    shelterCase = await openCase('shelter.manager', { person: resident, type: 'gbv-support' });
  });

  it('a shelter case is invisible outside: by id, in lists, and to an unscoped query', async () => {
    expect((await as('shelter.staff', 'GET', `/api/v1/cases/${shelterCase.id}`)).status).toBe(200);
    for (const user of ['director', 'socialworker', 'dormitory.manager']) {
      expect((await as(user, 'GET', `/api/v1/cases/${shelterCase.id}`)).status, user).toBe(404);
      expect((await as(user, 'GET', `/api/v1/cases/${shelterCase.id}/timeline`)).status, user).toBe(404);
    }
    const all = await json<{ items: { id: string }[] }>(await as('director', 'GET', '/api/v1/cases?assigned=any'));
    expect(all.items.map((c) => c.id)).not.toContain(shelterCase.id);
    expect(all.items.length).toBeGreaterThan(0);
    // Row-level security as the application role, outside any actor's transaction.
    expect(await count('select count(*) as n from cases where compartment_id is not null')).toBe(0);
    expect(await count('select count(*) as n from case_entries where compartment_id is not null')).toBe(0);
  });
});

describe('bulk reassignment', () => {
  it('the dormitory manager moves a leaving worker’s active cases to a colleague; others may not', async () => {
    const leaving = await createTestUser(server, {
      username: 'dorm.leaving',
      role: 'social_worker',
      structure: 'homeless-dormitory',
    });
    const taking = await createTestUser(server, {
      username: 'dorm.taking',
      role: 'social_worker',
      structure: 'homeless-dormitory',
    });
    const guest = await registerPerson(server, 'dormitory.manager', { givenName: 'Θωμάς', familyName: 'Νυχτοφύλακας' });
    const a = await openCase('dormitory.manager', { person: guest, type: 'general-support', assignedTo: leaving });
    const b = await openCase('dormitory.manager', { person: guest, type: 'general-support', assignedTo: leaving });
    const body = { structure: 'homeless-dormitory', from: leaving, to: taking };
    expect((await as('dormitory.staff', 'POST', '/api/v1/cases/reassign', body)).status).toBe(403);
    expect((await as('laundry.manager', 'POST', '/api/v1/cases/reassign', body)).status).toBe(403);
    const res = await as('dormitory.manager', 'POST', '/api/v1/cases/reassign', body);
    expect(res.status).toBe(200);
    const result = await json<{ reassigned: number; cases: string[] }>(res);
    expect(result.cases.sort()).toEqual([a.id, b.id].sort());
    const moved = await json<{ assignedTo: { username: string }; version: number }>(
      await as('dormitory.manager', 'GET', `/api/v1/cases/${a.id}`),
    );
    expect(moved).toMatchObject({ assignedTo: { username: 'dorm.taking' }, version: 2 });
    expect(await count(`select count(*) as n from audit_event where action = 'case.reassigned'`)).toBe(2);
  });
});
