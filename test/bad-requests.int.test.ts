import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/server/platform/auth/index.js';
import { json, startTestServer, type TestServer } from './helpers/app.js';

// Every route of the API gets a table of malformed requests: each must answer 4xx as
// application/problem+json in Greek or English, never 500, and must write nothing.

let server: TestServer;
let routes: { method: string; path: string }[] = [];
let auth: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ seed: true, env: { MERIMNA_BODY_LIMIT: '65536' } });
  // One user who may call every route, so each request reaches validation and the handler.
  await createUser(
    server.database.db,
    { tenantId: server.tenantId, actorUserId: null, actorLabel: 'test', requestId: null, ip: null },
    {
      username: 'all.routes',
      displayName: 'All routes',
      email: null,
      organisation: 'thessaloniki',
      password: 'a long test password 1',
      memberships: ['admin', 'dpo', 'director', 'social_worker'].map((role) => ({ role: role as 'admin', structure: null })),
    },
  );
  auth = { authorization: `Bearer ${await server.tokenFor('all.routes')}` };
  const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await call('/api/openapi.json'));
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(async () => {
  await server.close();
});

const fill = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);
const call = (path: string, init: RequestInit = {}) =>
  server.get(path, { ...init, headers: { ...auth, ...(init.headers as Record<string, string> | undefined) } });

async function expectProblem(res: Response, status: number | number[], label: string) {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses, `${label} → ${res.status}`).toContain(res.status);
  expect(res.headers.get('content-type'), label).toContain('application/problem+json');
  const body = await json<{ type: string; title: string; status: number; detail: string; requestId: string }>(res);
  expect(body.status, label).toBe(res.status);
  expect(body.title.length, label).toBeGreaterThan(0);
  expect(body.detail.length, label).toBeGreaterThan(0);
  expect(body.type, label).toMatch(/^urn:merimna:problem:/);
  expect(body.requestId, label).toBe(res.headers.get('x-request-id'));
  return body;
}

async function countRows(): Promise<number> {
  const rows = await server.database.query<{ n: string }>(
    'select (select count(*) from structures) + (select count(*) from services) + (select count(*) from organisations) as n',
  );
  return Number(rows[0]?.n);
}

describe('bad requests to every route', () => {
  it('covers the routes of the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(8);
  });

  it('rejects unknown query parameters on every route', async () => {
    for (const r of routes) {
      const res = await call(`${fill(r.path, 'social-laundry')}?surprise=1`, {
        method: r.method,
        headers: { 'content-type': 'application/json' },
        ...(r.method === 'GET' ? {} : { body: '{}' }),
      });
      await expectProblem(res, 400, `${r.method} ${r.path}?surprise`);
    }
  });

  it('answers 404 for unknown ids and slugs', async () => {
    for (const r of routes.filter((x) => x.path.includes('{') && x.method === 'GET')) {
      for (const id of [randomUUID(), 'no-such-thing', 'Ω%20x']) {
        await expectProblem(await call(fill(r.path, id)), [404, 400], `${r.method} ${r.path} ${id}`);
      }
    }
  });

  it('rejects wrong types and out-of-range values in queries', async () => {
    for (const r of routes.filter((x) => x.method === 'GET' && !x.path.includes('{'))) {
      for (const q of [
        'limit=abc',
        'limit=0',
        'limit=100000',
        'offset=-1',
        'community=9',
        'need=bogus',
        'language=greek',
        'q=',
        `q=${'x'.repeat(500)}`,
      ]) {
        const res = await call(`${r.path}?${q}`);
        if (r.path.endsWith('/organisations') && /^(community|need|language)=/.test(q)) {
          await expectProblem(res, 400, `${r.path}?${q} (not a filter there)`);
        } else {
          await expectProblem(res, 400, `${r.path}?${q}`);
        }
      }
    }
  });

  it('rejects bad bodies on every write route and writes nothing', async () => {
    const before = await countRows();
    const writes = routes.filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    for (const r of writes) {
      const path = fill(r.path, 'social-laundry');
      const send = (body: string, type = 'application/json') =>
        call(path, { method: r.method, headers: { 'content-type': type }, body });
      await expectProblem(await send('{"name": '), 400, `${r.method} ${path} truncated JSON`);
      await expectProblem(await send('[]'), 400, `${r.method} ${path} array`);
      await expectProblem(await send('{"slug": 42, "name": "x"}'), 400, `${r.method} ${path} wrong types`);
      await expectProblem(await send('x'.repeat(70_000)), 413, `${r.method} ${path} oversized`);
      await expectProblem(await send('slug=x', 'text/plain'), 415, `${r.method} ${path} text/plain`);
      await expectProblem(await send(''), 400, `${r.method} ${path} empty`);
    }
    expect(await countRows()).toBe(before);
  });

  it('answers unknown API paths with a 404 problem', async () => {
    await expectProblem(await call('/api/v1/nothing-here'), 404, 'unknown path');
    await expectProblem(await call('/api/v2/structures'), 404, 'unknown version');
  });

  it('speaks Greek by default and English when asked', async () => {
    const el = await expectProblem(await call('/api/v1/structures/no-such-thing'), 404, 'el');
    expect(el.title).toBe('Δεν βρέθηκε');
    const en = await expectProblem(
      await call('/api/v1/structures/no-such-thing', { headers: { 'accept-language': 'en-GB,en;q=0.9' } }),
      404,
      'en',
    );
    expect(en.title).toBe('Not found');
  });

  it('does not echo the offending values back', async () => {
    const secret = 'Παπαδόπουλος-ΑΜΚΑ-01017012345';
    const res = await call(`/api/v1/structures?community=${encodeURIComponent(secret)}`);
    const text = await res.clone().text();
    await expectProblem(res, 400, 'echo');
    expect(text).not.toContain('Παπαδόπουλος');
    expect(text).toContain('query.community');
  });
});
