import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type RoleKey } from '../src/shared/access.js';
import { installAccess, type RouteTable } from '../src/server/platform/auth/index.js';
import { createTestUser, json, registerPerson, startTestServer, type TestServer } from './helpers/app.js';

// The access matrix, generated from the route table: every API route × every role (and nobody)
// × the kind of record (inside the caller's scope, outside it, inside the women's-shelter
// compartment), asserting allow, 403 or 404 from the role definitions in src/shared/access.ts.
// Routes on one record are those on a person (/persons/:id…), a case (/cases/:id…) and a
// referral (/referrals/:id…: a draft from the user's structure to an outside organisation).

interface MatrixUser {
  label: string;
  role: RoleKey;
  username: string;
  /** The person registered where this user works (the record inside scope). */
  inside: 'kem' | 'laundry' | 'arsis' | 'shelter';
}

const USERS: MatrixUser[] = [
  { label: 'frontdesk', role: 'frontdesk', username: 'frontdesk', inside: 'kem' },
  { label: 'social_worker', role: 'social_worker', username: 'socialworker', inside: 'kem' },
  { label: 'structure_staff', role: 'structure_staff', username: 'laundry.staff', inside: 'laundry' },
  { label: 'structure_manager', role: 'structure_manager', username: 'laundry.manager', inside: 'laundry' },
  { label: 'shelter structure_staff', role: 'structure_staff', username: 'shelter.staff', inside: 'shelter' },
  { label: 'director', role: 'director', username: 'director', inside: 'kem' },
  { label: 'dpo', role: 'dpo', username: 'dpo', inside: 'kem' },
  { label: 'admin', role: 'admin', username: 'admin', inside: 'kem' },
  { label: 'partner', role: 'partner', username: 'arsis.partner', inside: 'arsis' },
];

type Kind = 'inside' | 'outside' | 'compartment';

let server: TestServer;
const tokens = new Map<string, string>();
const persons: Record<MatrixUser['inside'] | 'dormitory', string> = {
  kem: '',
  laundry: '',
  arsis: '',
  shelter: '',
  dormitory: '',
};
const cases: Record<MatrixUser['inside'] | 'dormitory', string> = { ...persons };
const referrals: Record<MatrixUser['inside'] | 'dormitory', string> = { ...persons };
let sampleUserId = '';

async function draftReferral(username: string, person: string): Promise<string> {
  const res = await server.as(username, 'POST', '/api/v1/referrals', { person, targetOrganisation: 'efka' });
  if (res.status !== 201) throw new Error(`drafting a referral as ${username} answered ${res.status}: ${await res.text()}`);
  return (await json<{ id: string }>(res)).id;
}

async function openCase(username: string, person: string): Promise<string> {
  const res = await server.as(username, 'POST', '/api/v1/cases', { person, type: 'general-support' });
  if (res.status !== 201) throw new Error(`opening a case as ${username} answered ${res.status}: ${await res.text()}`);
  return (await json<{ id: string }>(res)).id;
}

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  for (const u of USERS) tokens.set(u.username, await server.tokenFor(u.username));
  const me = await json<{ user: { id: string } }>(
    await server.get('/api/v1/auth/me', { headers: { authorization: `Bearer ${tokens.get('admin') ?? ''}` } }),
  );
  sampleUserId = me.user.id;
  // Nobody in the demo registers at ARSIS's shelter: an administrator adds a worker there.
  await createTestUser(server, {
    username: 'arsis.intake',
    role: 'structure_staff',
    structure: 'filoxeneio-arsis',
    organisation: 'arsis',
  });
  persons.kem = await registerPerson(server, 'frontdesk', { givenName: 'Άννα', familyName: 'Κεμίδου' });
  persons.laundry = await registerPerson(server, 'laundry.staff', { givenName: 'Λάμπρος', familyName: 'Πλυντηράς' });
  persons.arsis = await registerPerson(server, 'arsis.intake', { givenName: 'Amina', familyName: 'Haidari' });
  persons.shelter = await registerPerson(server, 'shelter.staff', { givenName: 'Ελένη', familyName: 'Ξενωνίδου' });
  persons.dormitory = await registerPerson(server, 'dormitory.staff', { givenName: 'Στέλιος', familyName: 'Νυχτερινός' });
  // One open case of each of those persons, at the structure they are registered at.
  await createTestUser(server, {
    username: 'arsis.manager',
    role: 'structure_manager',
    structure: 'filoxeneio-arsis',
    organisation: 'arsis',
  });
  cases.kem = await openCase('frontdesk', persons.kem);
  cases.laundry = await openCase('laundry.manager', persons.laundry);
  cases.arsis = await openCase('arsis.manager', persons.arsis);
  cases.shelter = await openCase('shelter.manager', persons.shelter);
  cases.dormitory = await openCase('dormitory.manager', persons.dormitory);
  // One draft referral of each of them, from the same structure.
  referrals.kem = await draftReferral('frontdesk', persons.kem);
  referrals.laundry = await draftReferral('laundry.manager', persons.laundry);
  referrals.arsis = await draftReferral('arsis.manager', persons.arsis);
  referrals.shelter = await draftReferral('shelter.manager', persons.shelter);
  referrals.dormitory = await draftReferral('dormitory.manager', persons.dormitory);
});
afterAll(async () => {
  await server.close();
});

const PERSON_RECORD = '/api/v1/persons/:id';
const CASE_RECORD = '/api/v1/cases/:id';
const REFERRAL_RECORD = '/api/v1/referrals/:id';
const isRecordRoute = (url: string) =>
  url.startsWith(PERSON_RECORD) || url.startsWith(CASE_RECORD) || url.startsWith(REFERRAL_RECORD);

function recordFor(user: MatrixUser, kind: Kind, url: string): string {
  const records = url.startsWith(CASE_RECORD) ? cases : url.startsWith(REFERRAL_RECORD) ? referrals : persons;
  if (kind === 'inside') return records[user.inside];
  if (kind === 'compartment') return user.inside === 'shelter' ? records.kem : records.shelter;
  // All-structures roles see every structure of the municipality: ARSIS's shelter is another organisation's.
  if (url.startsWith(CASE_RECORD) || url.startsWith(REFERRAL_RECORD)) {
    return user.inside === 'arsis' ? records.dormitory : records.arsis;
  }
  return records.dormitory;
}

function sampleUrl(url: string, record: string): string {
  if (url.startsWith('/api/v1/persons')) return url.replace(/:id\b/, record);
  if (url.startsWith(CASE_RECORD)) return url.replace(/:id\b/, record).replace(/:entryId\b/, NOBODY);
  if (url.startsWith(REFERRAL_RECORD)) return url.replace(/:id\b/, record);
  return url.replace(/:id\b/, url.startsWith('/api/v1/users') ? sampleUserId : 'social-laundry');
}

// Writes on a record get a body that passes validation but changes nothing, so that the answer
// tells whether the record was found: a record in scope answers with another problem (a
// conflict, an unknown reference), one outside scope with 404 person_not_found or case_not_found.
const NOBODY = '00000000-0000-4000-8000-000000000000';
const PROBES: Record<string, (record: string) => unknown> = {
  'PATCH /api/v1/persons/:id': () => ({}),
  'POST /api/v1/persons/:id/consents': () => ({
    purpose: 'referral',
    recipient: 'no-such-organisation',
    lawfulBasis: 'consent',
    givenAt: '2026-01-01',
  }),
  'POST /api/v1/persons/:id/merge-preview': (record) => ({ other: record }),
  'POST /api/v1/persons/:id/merge': (record) => ({ other: record, reason: 'access matrix probe' }),
  'POST /api/v1/persons/:id/unmerge': () => ({ link: NOBODY, reason: 'access matrix probe' }),
  // The cases are open: open → open is not a legal move (409).
  'PATCH /api/v1/cases/:id': () => ({}),
  'POST /api/v1/cases/:id/status': () => ({ status: 'open' }),
  // A general-support case needs no approval (409).
  'POST /api/v1/cases/:id/closure-approval': () => ({}),
  // The system's own kind of entry (422).
  'POST /api/v1/cases/:id/timeline': () => ({ kind: 'status_change', text: 'access matrix probe' }),
  // An entry nobody wrote (404 entry_not_found, not case_not_found).
  'POST /api/v1/cases/:id/timeline/:entryId/correct': () => ({ text: 'access matrix probe' }),
  // No If-Match (428): the case is found first, so a case outside scope is 404.
  'PUT /api/v1/cases/:id/plan': () => ({ goals: [] }),
  // The cases have no plan yet (409).
  'POST /api/v1/cases/:id/plan/reviews': () => ({ note: 'access matrix probe' }),
  // A form the case's type does not have (422).
  'POST /api/v1/cases/:id/assessments': () => ({ form: 'no-such-form', answers: {} }),
  // A budget line that does not exist (422).
  'POST /api/v1/cases/:id/aid-requests': () => ({
    kind: 'cash',
    amountCents: 100,
    budgetLine: 'no-such-line',
    justification: 'access matrix probe',
  }),
  // The referrals are drafts: nothing moves to draft (409), and a draft gets no link (409).
  'PATCH /api/v1/referrals/:id': () => ({}),
  'POST /api/v1/referrals/:id/transitions': () => ({ to: 'draft' }),
  'POST /api/v1/referrals/:id/external-link': () => ({}),
  // A JSON body is not a document: once the case or person is found, 415; outside scope 404.
  'POST /api/v1/cases/:id/documents': () => ({}),
  'POST /api/v1/persons/:id/documents': () => ({}),
};

async function call(
  method: string,
  url: string,
  token: string | null,
  record = persons.kem,
): Promise<{ status: number; type: string }> {
  const probe = PROBES[`${method} ${url}`];
  const res = await server.get(sampleUrl(url, record), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
      // A version nobody has: a record in scope answers 409 and nothing is written.
      ...(method === 'PATCH' ? { 'if-match': '"v999999"' } : {}),
    },
    // Elsewhere a body that no route accepts: an allowed caller gets 400, so nothing is written.
    ...(method === 'GET' ? {} : { body: JSON.stringify(probe ? probe(record) : { matrixProbe: true }) }),
  });
  const type = res.headers.get('content-type')?.includes('json') ? (((await res.json()) as { type?: string }).type ?? '') : '';
  if (!type) await res.arrayBuffer().catch(() => undefined);
  return { status: res.status, type };
}

const holds = (role: RoleKey, access: RouteTable[number]['access']) =>
  access === 'public' || access === 'signing-in' || access === 'signed-in' || ROLES[role].permissions.includes(access);

describe('the access matrix', () => {
  it('refuses a route that declares no access, so the server cannot start with one', async () => {
    const app = Fastify();
    installAccess(app, []);
    expect(() => app.get('/api/v1/forgotten', async () => ({ ok: true }))).toThrow(/declares no access/);
    // A route that declares its access registers.
    app.get('/api/v1/declared', { config: { access: 'person.read' } }, async () => ({ ok: true }));
    await app.ready();
    await app.close();
  });

  it('has a probe for every write on a person, case or referral record, so the matrix can see scope behind validation', () => {
    const writes = server.app.ctx.routeTable
      .filter((r) => isRecordRoute(r.url) && r.method !== 'GET')
      .map((r) => `${r.method} ${r.url}`);
    expect(writes.filter((w) => !(w in PROBES))).toEqual([]);
  });

  it('has a declared access on every API route, and the OpenAPI document lists no other', async () => {
    const table = server.app.ctx.routeTable;
    expect(table.length).toBeGreaterThan(15);
    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await server.get('/api/openapi.json'));
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const declared = new Set(table.map((r) => `${r.method} ${r.url}`));
    expect(documented.filter((d) => !declared.has(d))).toEqual([]);
  });

  it('allows exactly what each role holds, inside its scope, and answers 403 or 404 for the rest', async () => {
    const unexpected: string[] = [];
    let cells = 0;
    for (const route of server.app.ctx.routeTable) {
      const recordRoute = isRecordRoute(route.url);
      const kinds: Kind[] = recordRoute ? ['inside', 'outside', 'compartment'] : ['inside'];
      const anonymous = (await call(route.method, route.url, null)).status;
      cells++;
      if (route.access === 'public' ? anonymous === 401 || anonymous === 403 : anonymous !== 401) {
        unexpected.push(`nobody ${route.method} ${route.url} → ${anonymous}`);
      }
      for (const user of USERS) {
        for (const kind of kinds) {
          const { status, type } = await call(
            route.method,
            route.url,
            tokens.get(user.username) ?? null,
            recordFor(user, kind, route.url),
          );
          cells++;
          const permitted = holds(user.role, route.access);
          const expected = !permitted ? 'forbidden' : recordRoute && kind !== 'inside' ? 'not found' : 'allowed';
          const hidden =
            status === 404 &&
            ['person_not_found', 'case_not_found', 'referral_not_found'].some((t) => type === `urn:merimna:problem:${t}`);
          const got = status === 401 || status === 403 ? 'forbidden' : hidden ? 'not found' : status >= 500 ? 'error' : 'allowed';
          if (got !== expected) {
            unexpected.push(
              `${user.label} ${route.method} ${route.url} [${kind}] (${route.access}) → ${status}, expected ${expected}`,
            );
          }
        }
      }
    }
    expect(unexpected).toEqual([]);
    const recordRoutes = server.app.ctx.routeTable.filter((r) => isRecordRoute(r.url)).length;
    const otherRoutes = server.app.ctx.routeTable.length - recordRoutes;
    expect(cells).toBe(otherRoutes * (USERS.length + 1) + recordRoutes * (USERS.length * 3 + 1));
    process.stdout.write(
      `access matrix: ${server.app.ctx.routeTable.length} routes (${recordRoutes} on person, case or referral records × 3 kinds) × ` +
        `${USERS.length} users of ${new Set(USERS.map((u) => u.role)).size} roles + nobody = ${cells} cells, 0 unexpected\n`,
    );
  }, 240_000); // about 1,100 requests: more than the default 30 s when the machine is busy

  it('tells the story: the laundry worker asks for the staff list and is refused, and the refusal is on record', async () => {
    const { status } = await call('GET', '/api/v1/users', tokens.get('laundry.staff') ?? null);
    expect(status).toBe(403);
    const [row] = await server.database.query<{ action: string; outcome: string; reason: string }>(
      `select action, outcome, reason from audit_event where actor_label = 'laundry.staff' order by audit_event.id desc limit 1`,
    );
    expect(row).toEqual({ action: 'access.denied', outcome: 'denied', reason: 'user.read' });
  });

  it('tells the story: the laundry worker tries to open a case for a guest and is refused, on record', async () => {
    const res = await server.as('laundry.staff', 'POST', '/api/v1/cases', { person: persons.laundry, type: 'general-support' });
    expect(res.status).toBe(403);
    const [row] = await server.database.query<{ action: string; reason: string }>(
      `select action, reason from audit_event where actor_label = 'laundry.staff' order by audit_event.id desc limit 1`,
    );
    expect(row).toEqual({ action: 'access.denied', reason: 'case.create' });
    expect(await server.database.query(`select 1 from cases where person_id = $1`, [persons.laundry])).toHaveLength(1);
  });

  it('tells the story: the laundry manager may move a case along but not approve its closure, nor reassign at the dormitory', async () => {
    const approve = await server.as('laundry.manager', 'POST', `/api/v1/cases/${cases.laundry}/closure-approval`, {});
    expect(approve.status).toBe(403);
    const reassign = await server.as('laundry.manager', 'POST', '/api/v1/cases/reassign', {
      structure: 'homeless-dormitory',
      from: NOBODY,
      to: sampleUserId,
    });
    expect(reassign.status).toBe(403);
    const partner = await server.as('arsis.partner', 'POST', '/api/v1/service-deliveries', {
      service: 'laundry-wash-dry',
      person: persons.arsis,
    });
    expect(partner.status).toBe(403);
  });
});
