import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, registerPerson, startTestServer, type TestServer } from '../../../../test/helpers/app.js';
import { sweepExpiredReferrals } from './index.js';

let server: TestServer;
const as = (...args: Parameters<TestServer['as']>) => server.as(...args);
const count = async (sql: string, params: unknown[] = []) =>
  Number((await server.database.query<{ n: string }>(sql, params))[0]?.n ?? -1);

interface Referral {
  id: string;
  status: string;
  version: number;
  personId: string | null;
  person: Record<string, unknown>;
  side: string;
  outcome: string | null;
  declineReason: string | null;
  declinedBy: string | null;
  consent: string;
  expiresAt: string | null;
}

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' }).format(new Date());
let person = '';
let kemCase = '';
let dormCase = '';

async function refer(username: string, body: Record<string, unknown>, status = 201): Promise<Referral> {
  const res = await as(username, 'POST', '/api/v1/referrals', body, { 'accept-language': 'en' });
  if (res.status !== status) throw new Error(`referring as ${username} answered ${res.status}: ${await res.text()}`);
  return json<Referral>(res);
}

async function move(username: string, r: { id: string; version: number }, body: Record<string, unknown>) {
  return as(username, 'POST', `/api/v1/referrals/${r.id}/transitions`, body, {
    'if-match': `"v${r.version}"`,
    'accept-language': 'en',
  });
}

async function moved(username: string, r: { id: string; version: number }, body: Record<string, unknown>): Promise<Referral> {
  const res = await move(username, r, body);
  if (res.status !== 200) throw new Error(`moving as ${username} answered ${res.status}: ${await res.text()}`);
  return json<Referral>(res);
}

async function consent(username: string, id: string, recipient: string | null) {
  const res = await as(username, 'POST', `/api/v1/persons/${id}/consents`, {
    purpose: 'referral',
    recipient,
    lawfulBasis: 'consent',
    givenAt: today,
  });
  if (res.status !== 201) throw new Error(`consent answered ${res.status}: ${await res.text()}`);
}

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  person = await registerPerson(server, 'frontdesk', {
    givenName: 'Θανάσης',
    familyName: 'Παραπομπίδης',
    birthDate: '1968-03-04',
    phone: '6900000001',
    address: 'Οδός Μυστική 1',
  });
  await consent('frontdesk', person, null);
  const opened = await as('frontdesk', 'POST', '/api/v1/cases', { person, type: 'homeless-reintegration' });
  kemCase = (await json<{ id: string }>(opened)).id;
  // The dormitory knows him too (registered there, linked to the same person) and has a case of its own.
  const there = await registerPerson(server, 'dormitory.manager', {
    givenName: 'Θανάσης',
    familyName: 'Παραπομπίδης',
    birthDate: '1968-03-04',
    linkTo: person,
  });
  const dorm = await as('dormitory.manager', 'POST', '/api/v1/cases', { person: there, type: 'general-support' });
  dormCase = (await json<{ id: string }>(dorm)).id;
});
afterAll(async () => {
  await server.close();
});

const entries = async (caseId: string) =>
  (
    await server.database.query<{ to: string; side: string }>(
      `select body->>'to' as "to", body->>'side' as side from case_entries
        where case_id = $1 and kind = 'referral_event' order by created_at, id`,
      [caseId],
    )
  ).map((e) => e.to);

describe('an internal referral, the whole loop', () => {
  it('the front desk refers to the dormitory, which accepts, serves and completes; both case timelines follow', async () => {
    let r = await refer('frontdesk', {
      person,
      case: kemCase,
      targetStructure: 'homeless-dormitory',
      purpose: 'Χρειάζεται κρεβάτι για τον χειμώνα',
      send: true,
    });
    expect(r).toMatchObject({ status: 'sent', side: 'sender', consent: 'given', personId: person });
    // Only the minimum is shared: names, birth year and contact; not the address, not the full date.
    expect(Object.keys(r.person).sort()).toEqual(['birthYear', 'email', 'familyName', 'givenName', 'phone']);
    expect(r.expiresAt).not.toBeNull();

    const inbox = await json<{ items: Referral[] }>(await as('dormitory.manager', 'GET', '/api/v1/referrals?box=inbox'));
    const seen = inbox.items.find((i) => i.id === r.id);
    expect(seen).toMatchObject({ side: 'receiver', personId: null, person: { birthYear: 1968 } });
    expect(seen?.person).not.toHaveProperty('address');

    r = await moved('dormitory.manager', r, { to: 'received' });
    r = await moved('dormitory.manager', r, { to: 'accepted', note: 'Κρεβάτι 12' });
    r = await moved('dormitory.manager', r, { to: 'in_service' });
    const noOutcome = await move('dormitory.manager', r, { to: 'completed' });
    expect(noOutcome.status).toBe(422);
    r = await moved('dormitory.manager', r, { to: 'completed', outcome: 'service_provided', note: 'Τρεις μήνες' });
    expect(r).toMatchObject({ status: 'completed', outcome: 'service_provided' });

    const outbox = await json<{ items: Referral[] }>(
      await as('frontdesk', 'GET', '/api/v1/referrals?box=outbox&status=completed'),
    );
    expect(outbox.items.map((i) => i.id)).toContain(r.id);
    expect(await entries(kemCase)).toEqual(['draft', 'sent', 'received', 'accepted', 'in_service', 'completed']);
    expect(await entries(dormCase)).toEqual(['sent', 'received', 'accepted', 'in_service', 'completed']);
    const events = await json<{ items: { from: string | null; to: string; by: string }[] }>(
      await as('frontdesk', 'GET', `/api/v1/referrals/${r.id}/events`),
    );
    expect(events.items.map((e) => `${e.from ?? '-'}→${e.to} ${e.by}`)).toEqual([
      '-→draft frontdesk',
      'draft→sent frontdesk',
      'sent→received dormitory.manager',
      'received→accepted dormitory.manager',
      'accepted→in_service dormitory.manager',
      'in_service→completed dormitory.manager',
    ]);
    // A finished referral goes nowhere: 409 naming no allowed move.
    const again = await move('dormitory.manager', r, { to: 'cancelled' });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ currentStatus: 'completed', allowed: [] });
  });

  it('the receiver declines with a code; the sender cannot receive, nor decline for the provider (409 naming its moves)', async () => {
    let r = await refer('frontdesk', { person, targetStructure: 'homeless-dormitory', send: true });
    const senderMove = await move('frontdesk', r, { to: 'received' });
    expect(senderMove.status).toBe(409);
    expect(await json(senderMove)).toMatchObject({ currentStatus: 'sent', allowed: ['cancelled'] });
    r = await moved('dormitory.manager', r, { to: 'received' });
    const byProvider = await move('frontdesk', r, { to: 'declined', reason: 'no_capacity', declinedBy: 'provider' });
    expect(byProvider.status).toBe(409);
    // The dormitory's staff read the inbox but make no moves.
    expect((await move('dormitory.staff', r, { to: 'accepted' })).status).toBe(403);
    const noReason = await move('dormitory.manager', r, { to: 'declined', declinedBy: 'provider' });
    expect(noReason.status).toBe(422);
    r = await moved('dormitory.manager', r, { to: 'declined', reason: 'no_capacity', declinedBy: 'provider' });
    expect(r).toMatchObject({ status: 'declined', declineReason: 'no_capacity', declinedBy: 'provider' });
  });

  it('a stale If-Match answers 409 with the current version; none answers 428', async () => {
    const r = await refer('frontdesk', { person, targetStructure: 'homeless-dormitory' });
    const patched = await as('frontdesk', 'PATCH', `/api/v1/referrals/${r.id}`, { purpose: 'Στέγη' }, { 'if-match': '"v1"' });
    expect(patched.status).toBe(200);
    const stale = await as('frontdesk', 'PATCH', `/api/v1/referrals/${r.id}`, { purpose: 'Άλλο' }, { 'if-match': '"v1"' });
    expect(stale.status).toBe(409);
    expect(await json(stale)).toMatchObject({ currentVersion: '"v2"' });
    const staleMove = await move('frontdesk', r, { to: 'sent' });
    expect(staleMove.status).toBe(409);
    const none = await as('frontdesk', 'POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'sent' });
    expect(none.status).toBe(428);
    // The dormitory does not see a draft at all.
    expect((await as('dormitory.manager', 'GET', `/api/v1/referrals/${r.id}`)).status).toBe(404);
  });
});

describe('consent gates what is sent', () => {
  it('without a consent for the recipient sending is refused; an override needs the permission and a reason, audited', async () => {
    // A municipality-wide consent does not cover an NGO.
    const r = await refer('frontdesk', { person, targetOrganisation: 'praksis' });
    const refused = await move('frontdesk', r, { to: 'sent' });
    expect(refused.status).toBe(409);
    expect((await json<{ type: string }>(refused)).type).toBe('urn:merimna:problem:referral_consent_required');
    const noRight = await move('frontdesk', r, { to: 'sent', consentOverride: 'Κίνδυνος για τη ζωή του απόψε' });
    expect(noRight.status).toBe(403);
    const sw = await refer('socialworker', {
      person,
      structure: 'kem',
      targetOrganisation: 'praksis',
      send: true,
      consentOverride: 'Κίνδυνος για τη ζωή του απόψε',
    });
    expect(sw).toMatchObject({ status: 'sent', consent: 'overridden' });
    const [row] = await server.database.query<{ reason: string }>(
      `select reason from audit_event where action = 'referral.consent_overridden' and entity_id = $1`,
      [sw.id],
    );
    expect(row?.reason).toBe('Κίνδυνος για τη ζωή του απόψε');
    // With the person's consent for PRAKSIS, the front desk's draft goes.
    await consent('frontdesk', person, 'praksis');
    expect((await moved('frontdesk', r, { to: 'sent' })).consent).toBe('given');
  });
});

describe('the women’s shelter compartment', () => {
  it('a referral from the shelter is invisible outside, also to a query that forgets its scope', async () => {
    const resident = await registerPerson(server, 'shelter.manager', { givenName: 'Μαρία', familyName: 'Κρυφή' });
    await consent('shelter.manager', resident, 'gsge-counselling-centres');
    const inside = await refer('shelter.manager', {
      person: resident,
      targetOrganisation: 'gsge-counselling-centres',
      send: true,
    });
    expect(inside.status).toBe('sent');
    const internal = await as('shelter.manager', 'POST', '/api/v1/referrals', { person: resident, targetStructure: 'kem' });
    expect(internal.status).toBe(422);
    expect((await as('director', 'GET', `/api/v1/referrals/${inside.id}`)).status).toBe(404);
    expect((await as('frontdesk', 'GET', `/api/v1/referrals/${inside.id}`)).status).toBe(404);
    expect(await count('select count(*) as n from referrals where compartment_id is not null')).toBe(0);
    expect(await count('select count(*) as n from referral_events where compartment_id is not null')).toBe(0);
    expect((await as('shelter.staff', 'GET', `/api/v1/referrals/${inside.id}`)).status).toBe(200);
  });
});

describe('an outside organisation through its link', () => {
  it('reads only the shared fields, accepts and completes through the token; a wrong token is 404, an expired one 410', async () => {
    await consent('frontdesk', person, 'solidaritynow');
    const r = await refer('frontdesk', {
      person,
      case: kemCase,
      targetOrganisation: 'solidaritynow',
      sharedFields: ['givenName', 'familyName', 'phone'],
      send: true,
    });
    const created = await as('frontdesk', 'POST', `/api/v1/referrals/${r.id}/external-link`, { days: 7 });
    expect(created.status).toBe(201);
    const { url } = await json<{ url: string }>(created);
    const path = new URL(url).pathname;
    const token = path.split('/').pop() ?? '';
    // Only the token's hash is kept.
    const hash = createHash('sha256').update(token).digest('hex');
    expect(await count('select count(*) as n from referral_links where token_hash = $1', [hash])).toBe(1);
    expect(await count('select count(*) as n from referral_links where token_hash = $1', [token])).toBe(0);

    const read = await server.get(path);
    expect(read.status).toBe(200);
    const seen = await json<{ status: string; person: Record<string, unknown> }>(read);
    expect(seen.status).toBe('received');
    expect(seen.person).toEqual({ givenName: 'Θανάσης', familyName: 'Παραπομπίδης', phone: '6900000001' });
    const accept = await server.get(`${path}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(accept.status).toBe(200);
    const complete = await server.get(`${path}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'partly_provided' }),
    });
    expect(await json(complete)).toMatchObject({ status: 'completed', outcome: 'partly_provided' });
    expect(await entries(kemCase)).toEqual(expect.arrayContaining(['received', 'accepted', 'in_service', 'completed']));
    const letter = await server.get(`${path}/letter.pdf?lang=el`);
    expect(letter.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await letter.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const wrong = await server.get(`/api/v1/referral-links/${'A'.repeat(43)}`);
    expect(wrong.status).toBe(404);
    await server.ownerExec(`update referral_links set expires_at = now() - interval '1 minute'`);
    expect((await server.get(path)).status).toBe(410);
  });

  it('the staff letter is a PDF in Greek or English', async () => {
    const r = await refer('frontdesk', { person, targetStructure: 'homeless-dormitory', purpose: 'Στέγη' });
    for (const lang of ['el', 'en']) {
      const res = await as('frontdesk', 'GET', `/api/v1/referrals/${r.id}/letter.pdf?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
  });
});

describe('the time limit', () => {
  it('an overdue referral expires when read, or by the scheduler’s sweep, with an event by the system', async () => {
    const a = await refer('frontdesk', { person, targetStructure: 'homeless-dormitory', send: true });
    const b = await refer('frontdesk', { person, targetStructure: 'homeless-day-centre', send: true });
    await server.ownerExec(`update referrals set expires_at = now() - interval '1 hour' where id in ('${a.id}', '${b.id}')`);
    const read = await json<Referral>(await as('frontdesk', 'GET', `/api/v1/referrals/${a.id}`));
    expect(read.status).toBe('expired');
    expect(await sweepExpiredReferrals(server.database.db, server.tenantId)).toBe(1);
    const events = await json<{ items: { to: string; by: string }[] }>(
      await as('frontdesk', 'GET', `/api/v1/referrals/${b.id}/events`),
    );
    expect(events.items.at(-1)).toMatchObject({ to: 'expired', by: 'system' });
  });
});

describe('the public link routes are rate-limited', () => {
  it('after 20 tokens that name no working link from one address, it answers 429 with Retry-After', async () => {
    let refusedAt = -1;
    for (let i = 0; i < 21 && refusedAt < 0; i++) {
      const res = await server.get(`/api/v1/referral-links/${'B'.repeat(42)}${i % 10}`);
      if (res.status === 429) {
        refusedAt = i;
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      } else expect(res.status).toBe(404);
    }
    // Two failures came from the tests above (a wrong token, an expired link).
    expect(refusedAt).toBe(18);
  });
});
