import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from './helpers/app.js';

// A scripted session of reads and writes across the API, then the audit trail is compared with
// what was touched: every staff record read or written has its row, and there is nothing more.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(async () => {
  await server.close();
});

interface Row {
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  actor_label: string;
  request_id: string | null;
}

describe('audit completeness', () => {
  it('records exactly the records each request touched', async () => {
    const admin = await server.signIn('admin');
    const [{ max: before } = { max: '0' }] = await server.database.query<{ max: string }>(
      'select coalesce(max(id), 0)::text as max from audit_event',
    );

    const list = await server.get('/api/v1/users?q=staff&limit=5', { headers: admin.headers() });
    const listed = (await json<{ items: { id: string }[] }>(list)).items.map((u) => u.id);
    expect(listed).toHaveLength(5);
    const listRequest = list.headers.get('x-request-id');

    const one = await server.get(`/api/v1/users/${listed[2] ?? ''}`, { headers: admin.headers() });
    expect(one.status).toBe(200);

    const created = await server.get('/api/v1/users', {
      method: 'POST',
      headers: admin.headers(true),
      body: JSON.stringify({
        username: 'audited.person',
        displayName: 'Audited Person',
        organisation: 'thessaloniki',
        password: 'a long password for audit',
        memberships: [{ role: 'director', structure: null }],
      }),
    });
    const createdId = (await json<{ id: string }>(created)).id;

    // Public reads of the directory hold no personal data and leave no row.
    await server.get('/api/v1/structures?q=ypnotirio');
    await server.get('/api/v1/structures/social-laundry');

    const rows = await server.database.query<Row>(
      `select action, entity_type, entity_id, actor_label, request_id from audit_event where id > $1 order by id`,
      [before],
    );
    expect(rows.filter((r) => r.action === 'user.list').map((r) => r.entity_id)).toEqual(listed);
    expect(rows.filter((r) => r.action === 'user.list').every((r) => r.request_id === listRequest)).toBe(true);
    expect(rows.filter((r) => r.action === 'user.read').map((r) => r.entity_id)).toEqual([listed[2]]);
    expect(rows.filter((r) => r.action === 'user.created').map((r) => r.entity_id)).toEqual([createdId]);
    expect(rows.every((r) => r.actor_label === 'admin')).toBe(true);
    expect(rows).toHaveLength(5 + 1 + 1);
  });
});

describe('audit completeness for personal records', () => {
  it('a worker’s session of reads and writes leaves one row per person touched, and nothing more', async () => {
    const kem = await server.signIn('frontdesk');
    const a = await registerPerson(server, 'frontdesk', { givenName: 'Ανδρέας', familyName: 'Αυδίτης' });
    const b = await registerPerson(server, 'frontdesk', { givenName: 'Βασιλική', familyName: 'Αυδίτη' });
    const elsewhere = await registerPerson(server, 'dormitory.staff', { givenName: 'Γρηγόρης', familyName: 'Αυδίτης' });
    const [{ max: before } = { max: '0' }] = await server.database.query<{ max: string }>(
      'select coalesce(max(id), 0)::text as max from audit_event',
    );

    const list = await server.get('/api/v1/persons?q=auditis', { headers: kem.headers() });
    const listed = (await json<{ items: { id: string }[] }>(list)).items.map((p) => p.id);
    expect(listed.sort()).toEqual([a, b].sort());
    const read = await server.get(`/api/v1/persons/${a}`, { headers: kem.headers() });
    const etag = read.headers.get('etag') ?? '';
    const patched = await server.get(`/api/v1/persons/${a}`, {
      method: 'PATCH',
      headers: { ...kem.headers(true), 'if-match': etag },
      body: JSON.stringify({ phone: '6912345678', address: 'Εγνατίας 10' }),
    });
    expect(patched.status).toBe(200);
    const refused = await server.get(`/api/v1/persons/${elsewhere}`, { headers: kem.headers() });
    expect(refused.status).toBe(404);
    const badPatch = await server.get(`/api/v1/persons/${b}`, {
      method: 'PATCH',
      headers: { ...kem.headers(true), 'if-match': '"v1"' },
      body: JSON.stringify({ birthDate: 'not a date' }),
    });
    expect(badPatch.status).toBe(400);

    const rows = await server.database.query<Row & { person_id: string | null; changes: unknown; outcome: string }>(
      `select action, entity_type, entity_id, actor_label, request_id, person_id, changes, outcome
         from audit_event where id > $1 order by id`,
      [before],
    );
    const summary = rows.map((r) => `${r.action} ${r.person_id ?? '-'} ${r.outcome}`);
    expect(summary.sort()).toEqual(
      [
        `person.list ${a} success`,
        `person.list ${b} success`,
        `person.read ${a} success`,
        `person.updated ${a} success`,
        `access.denied ${elsewhere} denied`,
      ].sort(),
    );
    expect(rows.find((r) => r.action === 'person.updated')?.changes).toEqual(['phone', 'address']);
    // Field names only: no value written to the trail.
    expect(JSON.stringify(rows)).not.toContain('6912345678');
    expect(rows.every((r) => r.actor_label === 'frontdesk')).toBe(true);
  });
});

describe('audit completeness for case files and the service log', () => {
  it('a worker’s session on cases leaves one row per case or delivery touched, and nothing more', async () => {
    const person = await registerPerson(server, 'socialworker', { givenName: 'Ερμής', familyName: 'Φακέλου' });
    const opened = await server.as('socialworker', 'POST', '/api/v1/cases', {
      person,
      type: 'general-support',
      structure: 'kem',
    });
    const caseId = (await json<{ id: string }>(opened)).id;
    const guest = await registerPerson(server, 'dormitory.manager', { givenName: 'Ορέστης', familyName: 'Φακέλου' });
    const elsewhere = await server.as('dormitory.manager', 'POST', '/api/v1/cases', { person: guest, type: 'general-support' });
    const elsewhereId = (await json<{ id: string }>(elsewhere)).id;
    const [{ max: before } = { max: '0' }] = await server.database.query<{ max: string }>(
      'select coalesce(max(id), 0)::text as max from audit_event',
    );

    const list = await json<{ items: { id: string }[] }>(await server.as('socialworker', 'GET', '/api/v1/cases'));
    expect(list.items.map((c) => c.id)).toEqual([caseId]);
    await server.as('socialworker', 'GET', `/api/v1/cases/${caseId}`);
    const patched = await server.as(
      'socialworker',
      'PATCH',
      `/api/v1/cases/${caseId}`,
      { summary: 'Στέγαση' },
      { 'if-match': '"v1"' },
    );
    expect(patched.status).toBe(200);
    const moved = await server.as('socialworker', 'POST', `/api/v1/cases/${caseId}/status`, { status: 'assessment' });
    expect(moved.status).toBe(200);
    const note = await server.as('socialworker', 'POST', `/api/v1/cases/${caseId}/timeline`, {
      kind: 'note',
      text: 'Πρώτη επαφή',
    });
    const noteId = (await json<{ id: string }>(note)).id;
    await server.as('socialworker', 'GET', `/api/v1/cases/${caseId}/timeline`);
    expect((await server.as('socialworker', 'GET', `/api/v1/cases/${elsewhereId}`)).status).toBe(404);
    const delivered = await server.as('socialworker', 'POST', '/api/v1/service-deliveries', {
      structure: 'kem',
      service: 'kem-information-referral',
      person,
      case: caseId,
    });
    expect(delivered.status).toBe(201);
    const deliveryId = (await json<{ id: string }>(delivered)).id;
    await server.as('socialworker', 'GET', `/api/v1/service-deliveries?person=${person}`);

    const rows = await server.database.query<{ action: string; entity_id: string; person_id: string | null; outcome: string }>(
      `select action, entity_id, person_id, outcome from audit_event where id > $1 order by id`,
      [before],
    );
    expect(rows.map((r) => `${r.action} ${r.entity_id} ${r.person_id ?? '-'} ${r.outcome}`)).toEqual([
      `case.list ${caseId} ${person} success`,
      `case.read ${caseId} ${person} success`,
      `case.updated ${caseId} ${person} success`,
      `case.status_changed ${caseId} ${person} success`,
      `case.entry_added ${caseId} ${person} success`,
      `case.timeline_read ${caseId} ${person} success`,
      `access.denied ${elsewhereId} - denied`,
      `service_delivery.recorded ${deliveryId} ${person} success`,
      `service_delivery.list ${deliveryId} ${person} success`,
    ]);
    // Field names and ids only: no text written on the timeline reaches the trail.
    expect(JSON.stringify(rows)).not.toContain('Πρώτη επαφή');
    expect(noteId).toBeTruthy();
  });
});
