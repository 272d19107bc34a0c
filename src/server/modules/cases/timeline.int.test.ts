import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);
const count = async (sql: string, params: unknown[] = []) =>
  Number((await server.database.query<{ n: string }>(sql, params))[0]?.n ?? -1);

interface Entry {
  id: string;
  kind: string;
  body: { text?: string; delivery?: string };
  corrects: string | null;
  current: boolean;
  sensitivity: string | null;
}

let caseId = '';
let person = '';

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  person = await registerPerson(server, 'socialworker', { givenName: 'Ζωή', familyName: 'Σημειώτη' });
  const res = await as('socialworker', 'POST', '/api/v1/cases', { person, type: 'general-support', structure: 'kem' });
  caseId = (await json<{ id: string }>(res)).id;
});
afterAll(async () => {
  await server.close();
});

const note = (username: string, body: Record<string, unknown>) =>
  as(username, 'POST', `/api/v1/cases/${caseId}/timeline`, body, { 'accept-language': 'en' });
const correct = (username: string, entry: string, text: string) =>
  as(username, 'POST', `/api/v1/cases/${caseId}/timeline/${entry}/correct`, { text }, { 'accept-language': 'en' });
const timeline = async (username: string, query = '') =>
  json<{ items: Entry[]; hidden: number; nextCursor: string | null }>(
    await as(username, 'GET', `/api/v1/cases/${caseId}/timeline${query}`),
  );

describe('notes and their corrections', () => {
  it('the author corrects a note within 24 hours: a new version, and the history shows both', async () => {
    const first = await json<Entry>(await note('socialworker', { kind: 'note', text: 'Συνάντηση την Τρίτη' }));
    const res = await correct('socialworker', first.id, 'Συνάντηση την Τετάρτη');
    expect(res.status).toBe(201);
    const second = await json<Entry>(res);
    expect(second).toMatchObject({ kind: 'note', corrects: first.id, current: true });
    const notes = (await timeline('socialworker', '?kind=note')).items;
    expect(notes.map((e) => [e.body.text, e.current])).toEqual([
      ['Συνάντηση την Τετάρτη', true],
      ['Συνάντηση την Τρίτη', false],
    ]);
    // Only the latest version can be corrected again.
    expect((await correct('socialworker', first.id, 'τρίτη φορά')).status).toBe(409);
    expect((await correct('socialworker', second.id, 'Συνάντηση την Πέμπτη')).status).toBe(201);
  });

  it('someone else’s note cannot be corrected (403), nor a note older than 24 hours (409), nor other kinds', async () => {
    const mine = await json<Entry>(await note('socialworker', { kind: 'note', text: 'Τηλεφώνησε' }));
    const other = await correct('frontdesk', mine.id, 'Δεν τηλεφώνησε');
    expect(other.status).toBe(403);
    expect((await json<{ detail: string }>(other)).detail).toBe('Only the author of a note can correct it.');
    // A note written 25 hours ago (inserted as the owner, as the database's clock would have it).
    const [author] = await server.database.query<{ id: string }>(`select id from users where username = 'socialworker'`);
    const old = '00000000-0000-4000-8000-000000000025';
    await server.ownerExec(
      `insert into case_entries (tenant_id, id, case_id, kind, body, author_user_id, created_at)
       values ('${server.tenantId}', '${old}', '${caseId}', 'note', '{"text": "old"}', '${author?.id ?? ''}',
               now() - interval '25 hours')`,
    );
    const late = await correct('socialworker', old, 'corrected');
    expect(late.status).toBe(409);
    expect((await json<{ type: string }>(late)).type).toBe('urn:merimna:problem:correction_window');
    const assessment = await json<Entry>(await note('socialworker', { kind: 'assessment', text: 'Ανάγκες: στέγη' }));
    expect((await correct('socialworker', assessment.id, 'x')).status).toBe(409);
    expect((await note('socialworker', { kind: 'status_change', text: 'x' })).status).toBe(422);
  });

  it('nothing on the timeline can be changed or deleted by the application', async () => {
    await expect(server.database.query(`update case_entries set body = '{}'`)).rejects.toThrow();
    await expect(server.database.query(`delete from case_entries`)).rejects.toThrow();
  });
});

describe('sensitive entries', () => {
  it('are left out for a reader not cleared for the label, and counted as hidden', async () => {
    const gbv = await note('socialworker', { kind: 'note', text: 'Αναφέρει βία από τον σύζυγο', sensitivity: 'gbv' });
    expect(gbv.status).toBe(201);
    const cleared = await timeline('socialworker');
    expect(cleared.items.some((e) => e.sensitivity === 'gbv')).toBe(true);
    expect(cleared.hidden).toBe(0);
    const frontdesk = await timeline('frontdesk');
    expect(frontdesk.items.some((e) => e.sensitivity === 'gbv')).toBe(false);
    expect(frontdesk.hidden).toBe(1);
    expect(JSON.stringify(frontdesk)).not.toContain('σύζυγο');
    const detail = await json<{ hiddenEntries: number }>(await as('frontdesk', 'GET', `/api/v1/cases/${caseId}`));
    expect(detail.hiddenEntries).toBe(1);
    // Nor can the front desk write under a label it may not read back.
    const refused = await note('frontdesk', { kind: 'note', text: 'x', sensitivity: 'health' });
    expect(refused.status).toBe(403);
  });

  it('pages newest first by cursor', async () => {
    const first = await timeline('socialworker', '?limit=2');
    expect(first.items).toHaveLength(2);
    const rest = await timeline('socialworker', `?limit=200&cursor=${first.nextCursor ?? ''}`);
    const all = await timeline('socialworker', '?limit=200');
    expect([...first.items, ...rest.items].map((e) => e.id)).toEqual(all.items.map((e) => e.id));
  });
});

describe('the service log', () => {
  let guests: string[] = [];
  beforeAll(async () => {
    guests = [];
    for (const givenName of ['Άρης', 'Βέρα', 'Γιάννης']) {
      guests.push(await registerPerson(server, 'laundry.staff', { givenName, familyName: 'Πλυντηρίου' }));
    }
  });

  it('a bulk list is all or nothing: one person outside the worker’s scope and nothing is recorded', async () => {
    const outsider = await registerPerson(server, 'dormitory.staff', { givenName: 'Δημήτρης', familyName: 'Αλλού' });
    const body = { service: 'laundry-wash-dry', persons: [...guests, outsider] };
    const res = await as('laundry.staff', 'POST', '/api/v1/service-deliveries/bulk', body);
    expect(res.status).toBe(422);
    expect((await json<{ errors: { field: string }[] }>(res)).errors).toEqual([
      { field: 'body.persons.3', code: 'unknown_reference' },
    ]);
    expect(await count('select count(*) as n from service_deliveries')).toBe(0);
    const [denied] = await server.database.query<{ action: string; person_id: string }>(
      `select action, person_id from audit_event where actor_label = 'laundry.staff' order by id desc limit 1`,
    );
    expect(denied).toEqual({ action: 'access.denied', person_id: outsider });
    const unknownService = await as('laundry.staff', 'POST', '/api/v1/service-deliveries/bulk', {
      ...body,
      service: 'soup-kitchen-meal',
    });
    expect(unknownService.status).toBe(422);
    const repeated = await as('laundry.staff', 'POST', '/api/v1/service-deliveries/bulk', {
      ...body,
      persons: [guests[0], guests[0]],
    });
    expect(repeated.status).toBe(422);
  });

  it('records the whole list, and the day screen and the person’s history show it', async () => {
    const res = await as('laundry.staff', 'POST', '/api/v1/service-deliveries/bulk', {
      service: 'laundry-wash-dry',
      persons: guests,
    });
    expect(res.status).toBe(201);
    expect((await json<{ items: unknown[] }>(res)).items).toHaveLength(3);
    const day = await json<{ items: { person: { id: string } }[] }>(
      await as('laundry.staff', 'GET', '/api/v1/service-deliveries'),
    );
    expect(day.items.map((d) => d.person.id).sort()).toEqual([...guests].sort());
    const history = await json<{ items: unknown[] }>(
      await as('laundry.manager', 'GET', `/api/v1/service-deliveries?person=${guests[0] ?? ''}`),
    );
    expect(history.items).toHaveLength(1);
    const elsewhere = await json<{ items: unknown[] }>(
      await as('dormitory.manager', 'GET', '/api/v1/service-deliveries?structure=social-laundry'),
    );
    expect(elsewhere.items).toEqual([]);
    expect(await count(`select count(*) as n from audit_event where action = 'service_delivery.recorded'`)).toBe(3);
  });

  it('a delivery under a case is a service_delivered entry on its timeline', async () => {
    const guest = guests[1] ?? '';
    const opened = await as('laundry.manager', 'POST', '/api/v1/cases', { person: guest, type: 'general-support' });
    const laundryCase = (await json<{ id: string }>(opened)).id;
    const res = await as('laundry.staff', 'POST', '/api/v1/service-deliveries', {
      service: 'laundry-wash-dry',
      person: guest,
      case: laundryCase,
      quantity: 2,
    });
    expect(res.status).toBe(201);
    const delivery = await json<{ id: string; case: string }>(res);
    expect(delivery.case).toBe(laundryCase);
    const entries = await json<{ items: Entry[] }>(
      await as('laundry.staff', 'GET', `/api/v1/cases/${laundryCase}/timeline?kind=service_delivered`),
    );
    expect(entries.items.map((e) => e.body.delivery)).toEqual([delivery.id]);
    // Not under someone else's case.
    const wrong = await as('laundry.staff', 'POST', '/api/v1/service-deliveries', {
      service: 'laundry-wash-dry',
      person: guests[2],
      case: laundryCase,
    });
    expect(wrong.status).toBe(422);
  });
});
