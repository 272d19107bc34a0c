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

describe('audit completeness for assessments, plans and aid', () => {
  it('a worker’s session on a case’s assessment, plan and aid leaves one row per record touched, and nothing more', async () => {
    const person = await registerPerson(server, 'socialworker', { givenName: 'Σταύρος', familyName: 'Σχεδίου' });
    const caseId = (
      await json<{ id: string }>(await server.as('socialworker', 'POST', '/api/v1/cases', { person, type: 'general-support' }))
    ).id;
    const guest = await registerPerson(server, 'dormitory.manager', { givenName: 'Ίων', familyName: 'Σχεδίου' });
    const elsewhere = (
      await json<{ id: string }>(
        await server.as('dormitory.manager', 'POST', '/api/v1/cases', { person: guest, type: 'general-support' }),
      )
    ).id;
    const me = (await json<{ user: { id: string } }>(await server.as('socialworker', 'GET', '/api/v1/auth/me'))).user.id;
    const [{ max: before } = { max: '0' }] = await server.database.query<{ max: string }>(
      'select coalesce(max(id), 0)::text as max from audit_event',
    );

    // Questionnaires are configuration: no row.
    await server.as('socialworker', 'GET', '/api/v1/assessment-forms?type=general-support');
    const answers = { housing: 1, income: 2, health: 3, legal_status: 4, employment: 5, language: 1, childcare: 2, safety: 3 };
    const assessed = await server.as('socialworker', 'POST', `/api/v1/cases/${caseId}/assessments`, { answers });
    const assessment = (await json<{ id: string }>(assessed)).id;
    await server.as('socialworker', 'GET', `/api/v1/cases/${caseId}/assessments`);
    await server.as('socialworker', 'GET', `/api/v1/cases/${caseId}/assessments/scores`);
    const written = await server.as(
      'socialworker',
      'PUT',
      `/api/v1/cases/${caseId}/plan`,
      {
        goals: [
          {
            domain: 'housing',
            text: 'Ιδιωτικός στόχος',
            actions: [{ text: 'Ιδιωτική ενέργεια', owner: { kind: 'worker', user: me }, dueOn: '2026-01-05' }],
          },
        ],
      },
      { 'if-match': '"v0"' },
    );
    expect(written.status).toBe(200);
    const action = (await json<{ goals: { actions: { id: string }[] }[] }>(written)).goals[0]?.actions[0]?.id ?? '';
    const [{ id: plan } = { id: '' }] = await server.database.query<{ id: string }>(
      'select id from action_plans where case_id = $1',
      [caseId],
    );
    await server.as('socialworker', 'GET', `/api/v1/cases/${caseId}/plan`);
    await server.as('socialworker', 'GET', '/api/v1/tasks/overdue');
    await server.as('socialworker', 'PATCH', `/api/v1/plan-actions/${action}`, { status: 'done' });
    await server.as('socialworker', 'POST', `/api/v1/cases/${caseId}/plan/reviews`, { note: 'Ιδιωτική επισκόπηση' });
    const recommended = await server.as('socialworker', 'POST', `/api/v1/cases/${caseId}/aid-requests`, {
      kind: 'cash',
      amountCents: 20_000,
      budgetLine: 'mutual-aid-fund',
      justification: 'Ιδιωτική αιτιολόγηση',
    });
    const aid = (await json<{ id: string }>(recommended)).id;
    await server.as('socialworker', 'GET', `/api/v1/cases/${caseId}/aid-requests`);
    expect((await server.as('director', 'POST', `/api/v1/aid-requests/${aid}/decision`, { decision: 'approved' })).status).toBe(
      200,
    );
    expect((await server.as('socialworker', 'GET', `/api/v1/cases/${elsewhere}/plan`)).status).toBe(404);

    const rows = await server.database.query<{
      action: string;
      entity_id: string;
      person_id: string | null;
      actor_label: string;
    }>(`select action, entity_id, person_id, actor_label from audit_event where id > $1 order by id`, [before]);
    expect(rows.map((r) => `${r.actor_label} ${r.action} ${r.entity_id} ${r.person_id ?? '-'}`)).toEqual([
      `socialworker assessment.recorded ${assessment} ${person}`,
      `socialworker assessment.list ${caseId} ${person}`,
      `socialworker assessment.scores_read ${caseId} ${person}`,
      `socialworker plan.updated ${plan} ${person}`,
      `socialworker plan.read ${caseId} ${person}`,
      `socialworker task.list ${action} ${person}`,
      `socialworker plan.action_updated ${action} ${person}`,
      `socialworker plan.reviewed ${plan} ${person}`,
      `socialworker aid.recommended ${aid} ${person}`,
      `socialworker aid.list ${aid} ${person}`,
      `director aid.decided ${aid} ${person}`,
      `socialworker access.denied ${elsewhere} -`,
    ]);
    // Ids and field names only: no text of the plan, the review or the justification reaches the trail.
    expect(JSON.stringify(rows)).not.toContain('Ιδιωτικ');
  });
});

describe('audit completeness for referrals', () => {
  it('a referral sent and received leaves one row per step and per read, and nothing more', async () => {
    const person = await registerPerson(server, 'frontdesk', { givenName: 'Παναγιώτα', familyName: 'Παραπεμπόμενη' });
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' }).format(new Date());
    await server.as('frontdesk', 'POST', `/api/v1/persons/${person}/consents`, {
      purpose: 'referral',
      recipient: null,
      lawfulBasis: 'consent',
      givenAt: day,
    });
    const [{ max: before } = { max: '0' }] = await server.database.query<{ max: string }>(
      'select coalesce(max(id), 0)::text as max from audit_event',
    );

    const sent = await server.as('frontdesk', 'POST', '/api/v1/referrals', {
      person,
      targetStructure: 'homeless-dormitory',
      purpose: 'Ιδιωτικό κείμενο',
      send: true,
    });
    const { id } = await json<{ id: string }>(sent);
    await server.as('dormitory.manager', 'GET', '/api/v1/referrals?box=inbox');
    const read = await server.as('dormitory.manager', 'GET', `/api/v1/referrals/${id}`);
    const received = await server.as(
      'dormitory.manager',
      'POST',
      `/api/v1/referrals/${id}/transitions`,
      { to: 'received' },
      { 'if-match': read.headers.get('etag') ?? '' },
    );
    expect(received.status).toBe(200);
    await server.as('frontdesk', 'GET', `/api/v1/referrals/${id}/events`);
    expect((await server.as('laundry.staff', 'GET', `/api/v1/referrals/${id}`)).status).toBe(404);

    const rows = await server.database.query<{
      action: string;
      entity_id: string;
      person_id: string | null;
      actor_label: string;
    }>(`select action, entity_id, person_id, actor_label from audit_event where id > $1 order by id`, [before]);
    expect(rows.map((r) => `${r.actor_label} ${r.action} ${r.entity_id} ${r.person_id ?? '-'}`)).toEqual([
      `frontdesk referral.created ${id} ${person}`,
      `frontdesk referral.status_changed ${id} ${person}`,
      `dormitory.manager referral.list ${id} ${person}`,
      `dormitory.manager referral.read ${id} ${person}`,
      `dormitory.manager referral.status_changed ${id} ${person}`,
      `frontdesk referral.events_read ${id} ${person}`,
      `laundry.staff access.denied ${id} -`,
    ]);
    expect(JSON.stringify(rows)).not.toContain('Ιδιωτικό');
  });
});

describe('audit completeness for benefit applications and documents', () => {
  it('a front-desk session on an application and a document leaves one row per record touched, and nothing more', async () => {
    const person = await registerPerson(server, 'frontdesk', { givenName: 'Αγλαΐα', familyName: 'Επιδόματος' });
    const caseId = (
      await json<{ id: string }>(await server.as('frontdesk', 'POST', '/api/v1/cases', { person, type: 'general-support' }))
    ).id;
    const [{ max: before } = { max: '0' }] = await server.database.query<{ max: string }>(
      'select coalesce(max(id), 0)::text as max from audit_event',
    );

    const filed = await server.as('frontdesk', 'POST', '/api/v1/benefit-applications', {
      person,
      case: caseId,
      type: 'housing_allowance',
      note: 'Ιδιωτική σημείωση',
    });
    const { id } = await json<{ id: string }>(filed);
    await server.as('frontdesk', 'GET', `/api/v1/benefit-applications/${id}`);
    await server.as('frontdesk', 'PUT', `/api/v1/benefit-applications/${id}/checklist/lease`, { done: true });
    await server.as('frontdesk', 'POST', `/api/v1/benefit-applications/${id}/status`, { to: 'submitted' });
    await server.as('frontdesk', 'GET', `/api/v1/benefit-applications?person=${person}`);
    const token = await server.tokenFor('frontdesk');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
    const uploaded = await server.get(`/api/v1/cases/${caseId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'x-file-name': 'Idiotiko.pdf' },
      body: pdf,
    });
    const doc = (await json<{ id: string }>(uploaded)).id;
    await server.as('frontdesk', 'GET', `/api/v1/cases/${caseId}/documents`);
    await server.as('frontdesk', 'GET', `/api/v1/documents/${doc}`);
    await (await server.as('frontdesk', 'GET', `/api/v1/documents/${doc}/content`)).arrayBuffer();
    expect((await server.as('dormitory.manager', 'GET', `/api/v1/documents/${doc}`)).status).toBe(404);

    const rows = await server.database.query<{
      action: string;
      entity_id: string;
      person_id: string | null;
      actor_label: string;
    }>(`select action, entity_id, person_id, actor_label from audit_event where id > $1 order by id`, [before]);
    expect(rows.map((r) => `${r.actor_label} ${r.action} ${r.entity_id} ${r.person_id ?? '-'}`)).toEqual([
      `frontdesk benefit.created ${id} ${person}`,
      `frontdesk benefit.read ${id} ${person}`,
      `frontdesk benefit.checklist_marked ${id} ${person}`,
      `frontdesk benefit.status_changed ${id} ${person}`,
      `frontdesk benefit.list ${id} ${person}`,
      `frontdesk document.uploaded ${doc} ${person}`,
      `frontdesk document.list ${doc} ${person}`,
      `frontdesk document.read ${doc} ${person}`,
      `frontdesk document.downloaded ${doc} ${person}`,
      `dormitory.manager access.denied ${doc} -`,
    ]);
    // Ids and field names only: no note and no file name reaches the trail.
    expect(JSON.stringify(rows)).not.toContain('Ιδιωτικ');
    expect(JSON.stringify(rows)).not.toContain('Idiotiko');
  });
});
