import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';
import type { Purpose } from './consents.repo.js';
import { activeConsent } from './consents.service.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);

interface Consent {
  id: string;
  purpose: string;
  recipient: { slug: string; name: { el: string } } | null;
  lawfulBasis: string;
  givenAt: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
  status: 'active' | 'expired' | 'withdrawn';
  note: string | null;
}
interface Problem {
  type: string;
  errors?: { field: string; code: string }[];
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await server.database.query<{ n: string }>(sql, params))[0]?.n ?? -1);
const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
const tomorrow = () => new Date(Date.parse(`${today()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const organisation = async (slug: string) =>
  (await server.database.query<{ id: string }>(`select id from organisations where slug = $1`, [slug]))[0]?.id ?? '';
const active = (personId: string, purpose: Purpose, recipient: string | null) =>
  activeConsent(server.database.db, server.tenantId, personId, purpose, recipient);

let amina = '';
let shelterResident = '';
let dormitoryGuest = '';

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  amina = await registerPerson(server, 'frontdesk', {
    givenName: 'Amina',
    familyName: 'Haidari',
    birthDate: '1996-03-08',
    confirmNew: true,
  });
  shelterResident = await registerPerson(server, 'shelter.staff', {
    givenName: 'Ελένη',
    familyName: 'Ξενωνίδου',
    confirmNew: true,
  });
  dormitoryGuest = await registerPerson(server, 'dormitory.staff', {
    givenName: 'Στέλιος',
    familyName: 'Νυχτερινός',
    confirmNew: true,
  });
});
afterAll(async () => {
  await server.close();
});

describe('a consent’s life', () => {
  it('a consent to refer to ARSIS is recorded, listed as active; withdrawn; listed as withdrawn; withdrawing again → 409', async () => {
    const arsis = await organisation('arsis');
    expect(await active(amina, 'referral', arsis)).toBe(false);
    const res = await as('socialworker', 'POST', `/api/v1/persons/${amina}/consents`, {
      purpose: 'referral',
      recipient: 'arsis',
      lawfulBasis: 'consent',
      givenAt: today(),
      note: 'Signed form in the paper file',
    });
    expect(res.status).toBe(201);
    const consent = await json<Consent>(res);
    expect(consent).toMatchObject({
      purpose: 'referral',
      recipient: { slug: 'arsis' },
      lawfulBasis: 'consent',
      givenAt: today(),
      expiresAt: null,
      withdrawnAt: null,
      status: 'active',
      note: 'Signed form in the paper file',
    });
    expect(consent.recipient?.name.el).toBeTruthy();
    expect(await active(amina, 'referral', arsis)).toBe(true);
    // It covers this purpose and this recipient only.
    expect(await active(amina, 'data_sharing', arsis)).toBe(false);
    expect(await active(amina, 'referral', await organisation('praksis'))).toBe(false);
    expect(await active(amina, 'referral', null)).toBe(false);

    const listed = await json<{ items: Consent[] }>(await as('frontdesk', 'GET', `/api/v1/persons/${amina}/consents`));
    expect(listed.items).toEqual([consent]);

    const withdrawn = await as('frontdesk', 'POST', `/api/v1/consents/${consent.id}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    const after = await json<Consent>(withdrawn);
    expect(after).toMatchObject({ id: consent.id, status: 'withdrawn' });
    expect(after.withdrawnAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(await active(amina, 'referral', arsis)).toBe(false);
    const relisted = await json<{ items: Consent[] }>(await as('frontdesk', 'GET', `/api/v1/persons/${amina}/consents`));
    expect(relisted.items).toEqual([after]);

    const again = await as('frontdesk', 'POST', `/api/v1/consents/${consent.id}/withdraw`, {});
    expect(again.status).toBe(409);
    expect((await json<Problem>(again)).type).toBe('urn:merimna:problem:already_withdrawn');

    const rows = await server.database.query<{
      action: string;
      actor_label: string;
      person_id: string;
      changes: string[] | null;
    }>(
      `select action, actor_label, person_id, changes from audit_event where entity_type = 'consent' and entity_id = $1
        and action <> 'consent.read' order by id`,
      [consent.id],
    );
    expect(rows).toEqual([
      {
        action: 'consent.recorded',
        actor_label: 'socialworker',
        person_id: amina,
        changes: ['purpose', 'recipient', 'lawfulBasis', 'givenAt', 'note'],
      },
      { action: 'consent.withdrawn', actor_label: 'frontdesk', person_id: amina, changes: ['withdrawnAt'] },
    ]);
  });

  it('an expired consent shows as expired; consents are listed newest first; one audit row per consent listed', async () => {
    const id = await registerPerson(server, 'frontdesk', { givenName: 'Κώστας', familyName: 'Συναινέτης', confirmNew: true });
    const record = (body: Record<string, unknown>) =>
      as('frontdesk', 'POST', `/api/v1/persons/${id}/consents`, { lawfulBasis: 'consent', recipient: null, ...body });
    expect((await record({ purpose: 'contact', givenAt: '2024-01-10', expiresAt: '2025-01-10' })).status).toBe(201);
    expect((await record({ purpose: 'data_sharing', givenAt: '2025-06-01', expiresAt: null })).status).toBe(201);
    expect((await record({ purpose: 'referral', givenAt: today(), expiresAt: today(), lawfulBasis: 'public_task' })).status).toBe(
      201,
    );

    const reads = () => count(`select count(*) as n from audit_event where action = 'consent.read' and person_id = $1`, [id]);
    const before = await reads();
    const res = await as('frontdesk', 'GET', `/api/v1/persons/${id}/consents`);
    expect(res.status).toBe(200);
    const { items } = await json<{ items: Consent[] }>(res);
    expect(items.map((c) => [c.purpose, c.givenAt, c.status])).toEqual([
      ['referral', today(), 'active'],
      ['data_sharing', '2025-06-01', 'active'],
      ['contact', '2024-01-10', 'expired'],
    ]);
    expect(items.every((c) => c.recipient === null && c.note === null)).toBe(true);
    expect(await reads()).toBe(before + 3);

    // No recipient means any within the municipality: the municipality itself, not an NGO.
    expect(await active(id, 'data_sharing', null)).toBe(true);
    expect(await active(id, 'data_sharing', await organisation('thessaloniki'))).toBe(true);
    expect(await active(id, 'data_sharing', await organisation('arsis'))).toBe(false);
    expect(await active(id, 'contact', null)).toBe(false);
  });
});

describe('scope', () => {
  let kemConsent = '';
  let shelterConsent = '';
  beforeAll(async () => {
    const body = { purpose: 'referral', recipient: 'arsis', lawfulBasis: 'consent', givenAt: '2026-02-02' };
    kemConsent = (await json<Consent>(await as('frontdesk', 'POST', `/api/v1/persons/${amina}/consents`, body))).id;
    const shelter = await as('shelter.manager', 'POST', `/api/v1/persons/${shelterResident}/consents`, body);
    expect(shelter.status).toBe(201);
    shelterConsent = (await json<Consent>(shelter)).id;
  });

  it('the laundry worker asks for the consents of a KEM client → 404, and the refusal is on record', async () => {
    const res = await as('laundry.staff', 'GET', `/api/v1/persons/${amina}/consents`);
    expect(res.status).toBe(404);
    expect((await json<Problem>(res)).type).toBe('urn:merimna:problem:person_not_found');
    const [row] = await server.database.query<{ action: string; outcome: string; person_id: string }>(
      `select action, outcome, person_id from audit_event where actor_label = 'laundry.staff' order by id desc limit 1`,
    );
    expect(row).toEqual({ action: 'access.denied', outcome: 'denied', person_id: amina });
  });

  it('the laundry manager can neither record nor withdraw a KEM client’s consent, and nothing changes', async () => {
    const before = await count('select count(*) as n from consents');
    const record = await as('laundry.manager', 'POST', `/api/v1/persons/${amina}/consents`, {
      purpose: 'contact',
      recipient: null,
      lawfulBasis: 'consent',
      givenAt: today(),
    });
    expect(record.status).toBe(404);
    const withdraw = await as('laundry.manager', 'POST', `/api/v1/consents/${kemConsent}/withdraw`, {});
    expect(withdraw.status).toBe(404);
    expect((await json<Problem>(withdraw)).type).toBe('urn:merimna:problem:consent_not_found');
    expect(await count('select count(*) as n from consents')).toBe(before);
    expect(await count('select count(*) as n from consents where id = $1 and withdrawn_at is null', [kemConsent])).toBe(1);
    const [row] = await server.database.query<{ action: string; entity_id: string; person_id: string }>(
      `select action, entity_id, person_id from audit_event where actor_label = 'laundry.manager' order by id desc limit 1`,
    );
    expect(row).toEqual({ action: 'access.denied', entity_id: kemConsent, person_id: amina });
  });

  it('a shelter resident’s consent is invisible outside the compartment', async () => {
    const res = await as('socialworker', 'POST', `/api/v1/consents/${shelterConsent}/withdraw`, {});
    expect(res.status).toBe(404);
    expect((await json<Problem>(res)).type).toBe('urn:merimna:problem:consent_not_found');
    expect((await as('socialworker', 'GET', `/api/v1/persons/${shelterResident}/consents`)).status).toBe(404);
    expect(await count('select count(*) as n from consents where compartment_id is not null')).toBe(0);
    // Outside the compartment's transactions, the referral module would find no consent either.
    expect(await active(shelterResident, 'referral', await organisation('arsis'))).toBe(false);
    const items = await json<{ items: Consent[] }>(
      await as('shelter.staff', 'GET', `/api/v1/persons/${shelterResident}/consents`),
    );
    expect(items.items.map((c) => [c.id, c.status])).toEqual([[shelterConsent, 'active']]);
  });

  it('break-glass opens a dormitory guest’s consents for reading only', async () => {
    const recorded = await as('dormitory.manager', 'POST', `/api/v1/persons/${dormitoryGuest}/consents`, {
      purpose: 'case_management',
      recipient: null,
      lawfulBasis: 'vital_interests',
      givenAt: today(),
    });
    expect(recorded.status).toBe(201);
    const opened = await as('socialworker', 'POST', '/api/v1/break-glass', {
      entityType: 'person',
      entityId: dormitoryGuest,
      reason: 'Taken to hospital at night, need to know who may be told',
    });
    expect(opened.status).toBe(201);
    const res = await as('socialworker', 'GET', `/api/v1/persons/${dormitoryGuest}/consents`);
    expect(res.status).toBe(200);
    expect((await json<{ items: Consent[] }>(res)).items).toHaveLength(1);
    const [row] = await server.database.query<{ action: string; reason: string }>(
      `select action, reason from audit_event where actor_label = 'socialworker' and person_id = $1 order by id desc limit 1`,
      [dormitoryGuest],
    );
    expect(row).toEqual({ action: 'consent.read', reason: 'break-glass' });
    const write = await as('socialworker', 'POST', `/api/v1/persons/${dormitoryGuest}/consents`, {
      purpose: 'contact',
      recipient: null,
      lawfulBasis: 'consent',
      givenAt: today(),
    });
    expect(write.status).toBe(404);
  });
});

describe('bad input', () => {
  it('gets a clear problem and writes nothing', async () => {
    const before = await count('select count(*) as n from consents');
    const stranger = '00000000-0000-4000-8000-000000000000';
    const ok = { purpose: 'referral', recipient: 'arsis', lawfulBasis: 'consent', givenAt: '2026-02-02' };
    const cases: [string, unknown, number, string, string | null][] = [
      [amina, { ...ok, recipient: 'no-such-ngo' }, 422, 'organisation_not_found', 'body.recipient'],
      [amina, { ...ok, expiresAt: '2026-02-01' }, 422, 'validation', 'body.expiresAt'],
      [amina, { ...ok, givenAt: tomorrow() }, 422, 'validation', 'body.givenAt'],
      [amina, { ...ok, givenAt: '2026-02-30' }, 400, 'validation', 'body.givenAt'],
      [amina, { ...ok, expiresAt: '2027-13-01' }, 400, 'validation', 'body.expiresAt'],
      [amina, { ...ok, givenAt: '02/02/2026' }, 400, 'validation', 'body.givenAt'],
      [amina, { ...ok, purpose: 'marketing' }, 400, 'validation', 'body.purpose'],
      [amina, { ...ok, lawfulBasis: 'because' }, 400, 'validation', 'body.lawfulBasis'],
      [amina, { purpose: 'referral', lawfulBasis: 'consent', givenAt: '2026-02-02' }, 400, 'validation', 'body.recipient'],
      [stranger, ok, 404, 'person_not_found', null],
      ['not-a-uuid', ok, 400, 'validation', 'params.id'],
    ];
    for (const [id, body, status, type, field] of cases) {
      const res = await as('frontdesk', 'POST', `/api/v1/persons/${id}/consents`, body, { 'accept-language': 'en' });
      const label = JSON.stringify(body);
      expect(res.status, label).toBe(status);
      expect(res.headers.get('content-type'), label).toContain('application/problem+json');
      const problem = await json<Problem>(res);
      expect(problem.type, label).toBe(`urn:merimna:problem:${type}`);
      if (field)
        expect(
          problem.errors?.map((e) => e.field),
          label,
        ).toContain(field);
      else expect(problem.errors, label).toBeUndefined();
    }
    const unknown = await as('frontdesk', 'POST', `/api/v1/consents/${stranger}/withdraw`, {});
    expect(unknown.status).toBe(404);
    const extra = await as('frontdesk', 'POST', `/api/v1/consents/${stranger}/withdraw`, { reason: 'x' });
    expect(extra.status).toBe(400);
    expect(await count('select count(*) as n from consents')).toBe(before);
  });
});
