import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_KEYS, ROLES, type RoleKey } from '../src/shared/access.js';
import { json, startTestServer, type TestServer } from './helpers/app.js';

// The access matrix, generated from the route table: every API route × every role (and nobody),
// asserting allow or deny from the role definitions in src/shared/access.ts.
// Records: the directory's public records and staff users for now; people, cases and the
// women's-shelter compartment join this matrix when those modules exist.

const DEMO_USER: Record<RoleKey, string> = {
  frontdesk: 'frontdesk',
  social_worker: 'socialworker',
  structure_staff: 'laundry.staff',
  structure_manager: 'laundry.manager',
  director: 'director',
  dpo: 'dpo',
  admin: 'admin',
  partner: 'arsis.partner',
};

let server: TestServer;
const tokens = new Map<RoleKey, string>();
let sampleUserId = '';

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  for (const role of ROLE_KEYS) tokens.set(role, await server.tokenFor(DEMO_USER[role]));
  const me = await json<{ user: { id: string } }>(
    await server.get('/api/v1/auth/me', { headers: { authorization: `Bearer ${tokens.get('admin') ?? ''}` } }),
  );
  sampleUserId = me.user.id;
});
afterAll(async () => {
  await server.close();
});

function sampleUrl(url: string): string {
  return url.replace(/:id\b/, url.startsWith('/api/v1/users') ? sampleUserId : 'social-laundry');
}

async function call(method: string, url: string, token: string | null): Promise<number> {
  const res = await server.get(sampleUrl(url), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
    },
    // A body that no route accepts: an allowed caller gets 400, so nothing is written.
    ...(method === 'GET' ? {} : { body: JSON.stringify({ matrixProbe: true }) }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('the access matrix', () => {
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

  it('allows exactly what each role holds and denies the rest', async () => {
    const unexpected: string[] = [];
    let cells = 0;
    for (const route of server.app.ctx.routeTable) {
      const anonymous = await call(route.method, route.url, null);
      cells++;
      if (route.access === 'public' ? anonymous === 401 || anonymous === 403 : anonymous !== 401) {
        unexpected.push(`nobody ${route.method} ${route.url} → ${anonymous}`);
      }
      for (const role of ROLE_KEYS) {
        const status = await call(route.method, route.url, tokens.get(role) ?? null);
        cells++;
        const allowed =
          route.access === 'public' ||
          route.access === 'signing-in' ||
          route.access === 'signed-in' ||
          ROLES[role].permissions.includes(route.access);
        const denied = status === 403 || status === 401;
        if (allowed === denied) unexpected.push(`${role} ${route.method} ${route.url} (${route.access}) → ${status}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(cells).toBe(server.app.ctx.routeTable.length * (ROLE_KEYS.length + 1));
  });

  it('tells the story: the laundry worker asks for the staff list and is refused, and the refusal is on record', async () => {
    const status = await call('GET', '/api/v1/users', tokens.get('structure_staff') ?? null);
    expect(status).toBe(403);
    const [row] = await server.database.query<{ action: string; outcome: string; reason: string }>(
      `select action, outcome, reason from audit_event where actor_label = 'laundry.staff' order by audit_event.id desc limit 1`,
    );
    expect(row).toEqual({ action: 'access.denied', outcome: 'denied', reason: 'user.read' });
  });
});
