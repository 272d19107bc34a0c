import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);

const count = async (sql: string, params: unknown[] = []) =>
  Number((await server.database.query<{ n: string }>(sql, params))[0]?.n ?? -1);

let shelterResident = '';
let dormitoryGuest = '';

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  shelterResident = await registerPerson(server, 'shelter.staff', {
    givenName: 'Ελένη',
    familyName: 'Ξενωνίδου',
    birthDate: '1990-04-12',
    sex: 'F',
  });
  dormitoryGuest = await registerPerson(server, 'dormitory.staff', { givenName: 'Στέλιος', familyName: 'Νυχτερινός' });
});
afterAll(async () => {
  await server.close();
});

describe('registering and reading a person', () => {
  it('the front desk registers a person at KEM: Latin spelling computed, version in the ETag, audited', async () => {
    const res = await as('frontdesk', 'POST', '/api/v1/persons', {
      givenName: 'Γιώργος',
      familyName: 'Παπαδόπουλος',
      fatherName: 'Νικόλαος',
      sex: 'M',
      birthDate: '1978-03-15',
      nationality: 'GR',
      identifiers: [
        { type: 'amka', value: '150378 0123 4' },
        { type: 'afm', value: '123456783' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"v1"');
    const person = await json<{
      id: string;
      givenNameLatin: string;
      familyNameLatin: string;
      registrations: { structure: { slug: string } }[];
      identifiers: { type: string; value: string; valid: boolean }[];
    }>(res);
    expect(person.givenNameLatin.toLowerCase()).toBe('giorgos');
    expect(person.familyNameLatin.toLowerCase()).toBe('papadopoulos');
    expect(person.registrations.map((r) => r.structure.slug)).toEqual(['kem']);
    expect(person.identifiers.find((i) => i.type === 'afm')).toEqual({
      type: 'afm',
      value: '123456783',
      valid: true,
      problem: null,
    });
    // A bad check digit is a warning kept with the record, not a refusal.
    expect(person.identifiers.find((i) => i.type === 'amka')?.valid).toBe(false);

    const read = await as('frontdesk', 'GET', `/api/v1/persons/${person.id}`);
    expect(read.status).toBe(200);
    const rows = await server.database.query<{ action: string; structure_id: string | null }>(
      `select action, structure_id from audit_event where person_id = $1 order by id`,
      [person.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['person.created', 'person.read']);
  });

  it('finds people by name in any script or spelling, only at the reader’s structures, one audit row per person listed', async () => {
    const res = await as('dormitory.staff', 'GET', '/api/v1/persons?q=stelios');
    expect(res.status).toBe(200);
    const body = await json<{ items: { id: string }[]; total: number }>(res);
    expect(body.items.map((p) => p.id)).toEqual([dormitoryGuest]);
    const all = await json<{ items: { id: string }[] }>(await as('dormitory.staff', 'GET', '/api/v1/persons'));
    expect(all.items.map((p) => p.id)).toEqual([dormitoryGuest]);
    const listed = await count(
      `select count(*) as n from audit_event where action = 'person.list' and actor_label = 'dormitory.staff'`,
    );
    expect(listed).toBe(2);
  });
});

describe('the women’s shelter compartment', () => {
  it('the dormitory worker asks for a shelter resident by id → 404, and an audit row says so', async () => {
    const res = await as('dormitory.staff', 'GET', `/api/v1/persons/${shelterResident}`);
    expect(res.status).toBe(404);
    const problem = await json<{ detail: string }>(res);
    expect(problem.detail).not.toContain('Ξενωνίδου');
    const [row] = await server.database.query<{ action: string; outcome: string; person_id: string }>(
      `select action, outcome, person_id from audit_event where actor_label = 'dormitory.staff' order by id desc limit 1`,
    );
    expect(row).toEqual({ action: 'access.denied', outcome: 'denied', person_id: shelterResident });
  });

  it('shelter staff see their resident; a social worker’s break-glass does not cross the compartment', async () => {
    expect((await as('shelter.staff', 'GET', `/api/v1/persons/${shelterResident}`)).status).toBe(200);
    const opened = await as('socialworker', 'POST', '/api/v1/break-glass', {
      entityType: 'person',
      entityId: shelterResident,
      reason: 'Emergency call from the hospital about this person',
    });
    expect(opened.status).toBe(201);
    expect((await as('socialworker', 'GET', `/api/v1/persons/${shelterResident}`)).status).toBe(404);
  });

  it('row-level security: an unscoped query as the application role returns no shelter rows', async () => {
    const unscoped = 'select count(*) as n from persons where compartment_id is not null';
    // Outside any actor's transaction, and inside a transaction set up for the dormitory.
    expect(await count(unscoped)).toBe(0);
    expect(await count('select count(*) as n from registrations where compartment_id is not null')).toBe(0);
    const dormitory = await server.database.query<{ id: string }>(`select id from structures where slug = 'homeless-dormitory'`);
    const shelter = await server.database.query<{ id: string }>(`select id from structures where slug = 'womens-shelter'`);
    const inside = (compartments: string) =>
      server.database.transaction(async (tx) => {
        await tx.query(`select set_config('merimna.compartments', $1, true)`, [compartments]);
        return Number((await tx.query<{ n: string }>(unscoped))[0]?.n);
      });
    expect(await inside(dormitory[0]?.id ?? '')).toBe(0);
    expect(await inside(shelter[0]?.id ?? '')).toBe(1);
    // The row is there: the owner (who migrates) sees it.
    await server.ownerExec(`create table rls_probe as select count(*) as n from persons where compartment_id is not null`);
    expect(await count('select n from rls_probe')).toBe(1);
    // The application role cannot write into a compartment it has not entered either.
    await expect(
      server.database.query(`update persons set given_name = 'X' where id = $1 returning id`, [shelterResident]),
    ).resolves.toEqual([]);
  });
});

describe('break-glass', () => {
  it('a social worker opens a dormitory guest for a stated reason; the read says so', async () => {
    expect((await as('socialworker', 'GET', `/api/v1/persons/${dormitoryGuest}`)).status).toBe(404);
    const opened = await as('socialworker', 'POST', '/api/v1/break-glass', {
      entityType: 'person',
      entityId: dormitoryGuest,
      reason: 'Found unconscious outside KEM, need his contacts',
    });
    expect(opened.status).toBe(201);
    const res = await as('socialworker', 'GET', `/api/v1/persons/${dormitoryGuest}`);
    expect(res.status).toBe(200);
    expect((await json<{ access: string }>(res)).access).toBe('break-glass');
    const [row] = await server.database.query<{ action: string; reason: string }>(
      `select action, reason from audit_event where actor_label = 'socialworker' and person_id = $1 order by id desc limit 1`,
      [dormitoryGuest],
    );
    expect(row).toEqual({ action: 'person.read', reason: 'break-glass' });
    // Reading is all it opens.
    const patch = await as(
      'socialworker',
      'PATCH',
      `/api/v1/persons/${dormitoryGuest}`,
      { phone: '6900000000' },
      { 'if-match': '"v1"' },
    );
    expect(patch.status).toBe(404);
  });
});

describe('sensitive fields', () => {
  let id = '';
  beforeAll(async () => {
    id = await registerPerson(server, 'socialworker', {
      givenName: 'Mohammad',
      familyName: 'Rahimi',
      legalStatus: 'asylum_seeker',
      healthNotes: 'Insulin-dependent diabetes',
      gbvNotes: 'Not applicable',
      identifiers: [
        { type: 'paaypa', value: '70012345678' },
        { type: 'passport', value: 'P1234567' },
      ],
    });
  });

  it('are left out for a reader not cleared for them, and the audit row names what was left out', async () => {
    const cleared = await json(await as('socialworker', 'GET', `/api/v1/persons/${id}`));
    expect(cleared.healthNotes).toBe('Insulin-dependent diabetes');
    expect(cleared.legalStatus).toBe('asylum_seeker');
    const frontdesk = await json(await as('frontdesk', 'GET', `/api/v1/persons/${id}`));
    expect(frontdesk).not.toHaveProperty('healthNotes');
    expect(frontdesk).not.toHaveProperty('gbvNotes');
    expect(frontdesk.legalStatus).toBe('asylum_seeker'); // the front desk is cleared for migration
    const [row] = await server.database.query<{ changes: { omitted: string[] } }>(
      `select changes from audit_event where actor_label = 'frontdesk' and person_id = $1 and action = 'person.read' order by id desc limit 1`,
      [id],
    );
    expect(row?.changes.omitted).toEqual(expect.arrayContaining(['healthNotes', 'gbvNotes', 'disabilityPercent']));
  });

  it('cannot be written by someone who may not read them, and nothing changes', async () => {
    const res = await as('frontdesk', 'PATCH', `/api/v1/persons/${id}`, { healthNotes: 'changed' }, { 'if-match': '"v1"' });
    expect(res.status).toBe(403);
    const problem = await json<{ errors: { field: string; code: string }[] }>(res);
    expect(problem.errors).toEqual([{ field: 'body.healthNotes', code: 'not_cleared' }]);
    const after = await json<{ version: number; healthNotes: string }>(await as('socialworker', 'GET', `/api/v1/persons/${id}`));
    expect(after).toMatchObject({ version: 1, healthNotes: 'Insulin-dependent diabetes' });
  });
});

describe('concurrent edits', () => {
  it('need If-Match; the second of two edits of the same version gets 409 with the current version', async () => {
    const id = await registerPerson(server, 'laundry.manager', { givenName: 'Κατερίνα', familyName: 'Ροδίτη' });
    const none = await as('laundry.manager', 'PATCH', `/api/v1/persons/${id}`, { phone: '6911111111' });
    expect(none.status).toBe(428);
    const [a, b] = await Promise.all([
      as('laundry.manager', 'PATCH', `/api/v1/persons/${id}`, { phone: '6911111111' }, { 'if-match': '"v1"' }),
      as('laundry.manager', 'PATCH', `/api/v1/persons/${id}`, { address: 'Εγνατίας 1' }, { 'if-match': '"v1"' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await json<{ currentVersion: string }>(loser)).toMatchObject({ currentVersion: '"v2"' });
    const current = await as('laundry.manager', 'GET', `/api/v1/persons/${id}`);
    expect(current.headers.get('etag')).toBe('"v2"');
  });
});

describe('bad input', () => {
  it('gets a clear error and writes nothing', async () => {
    const before = await count('select count(*) as n from persons');
    const cases: [unknown, number, string][] = [
      [{ givenName: 'Α', familyName: 'Β', birthDate: '2031-02-30' }, 400, 'body.birthDate'],
      [{ givenName: '', familyName: 'Β' }, 400, 'body.givenName'],
      [{ givenName: 'Α', familyName: 'Β', identifiers: [{ type: 'ssn', value: '1' }] }, 400, 'body.identifiers.0.type'],
      [{ givenName: 'Α', familyName: 'Β', structure: 'no-such-structure' }, 422, 'body.structure'],
    ];
    for (const [body, status, field] of cases) {
      const res = await as('frontdesk', 'POST', '/api/v1/persons', body, { 'accept-language': 'en' });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = await json<{ errors: { field: string }[] }>(res);
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    const notYours = await as('frontdesk', 'POST', '/api/v1/persons', {
      givenName: 'Α',
      familyName: 'Β',
      structure: 'social-laundry',
    });
    expect(notYours.status).toBe(403);
    const first = await as('frontdesk', 'POST', '/api/v1/persons', { givenName: 'Ιωάννα', familyName: 'Α', sourceId: 'old-17' });
    expect(first.status).toBe(201);
    const again = await as('frontdesk', 'POST', '/api/v1/persons', { givenName: 'Ιωάννα', familyName: 'Α', sourceId: 'old-17' });
    expect(again.status).toBe(409);
    expect(await count('select count(*) as n from persons')).toBe(before + 1);
  });
});
