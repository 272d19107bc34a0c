import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import * as OTPAuth from 'otpauth';
import { seedDemo } from '../../src/server/runtime.js';
import { createApiToken, DEMO_PASSWORD, demoTotpSecret, findUserByUsername } from '../../src/server/platform/auth/index.js';
import type { Database } from '../../src/server/platform/db/database.js';
import { freshDatabase } from './database.js';

/** A Merimna server on a fresh database, listening on a random loopback port. */
export interface TestServer {
  app: FastifyInstance;
  database: Database;
  tenantId: string;
  config: Config;
  base: string;
  /** fetch against the server; a path such as /api/v1/structures. */
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Runs SQL as the database owner (schema changes, tampering). */
  ownerExec(sql: string): Promise<void>;
  /** An API token for a demo user (Authorization: Bearer). */
  tokenFor(username: string): Promise<string>;
  /** A request as a user, with an API token kept for the file (JSON body when one is given). */
  as(username: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Signs a demo user in through the API (second factor included); returns headers for later requests. */
  signIn(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

/** Starts a server for one test file; `seed` loads the demo catalogue. */
export async function startTestServer(
  options: { seed?: boolean; env?: Record<string, string>; port?: number } = {},
): Promise<TestServer> {
  const fresh = await freshDatabase();
  const port = options.port ?? (await freePort());
  const config = loadConfig({
    NODE_ENV: 'test',
    MERIMNA_LOG_LEVEL: 'silent',
    MERIMNA_WEB_DIR: 'dist/web',
    MERIMNA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...options.env,
  });
  if (options.seed) await seedDemo(fresh.database, fresh.tenantId, { production: false });
  const app = await buildApp({ config, database: fresh.database, tenantId: fresh.tenantId });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not bind a port');
  const base = `http://127.0.0.1:${address.port}`;
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = async (username: string) => {
    const user = await findUserByUsername(fresh.database.db, fresh.tenantId, username);
    if (!user) throw new Error(`no user ${username}`);
    return (await createApiToken(fresh.database.db, fresh.tenantId, user.id, { expiresInMs: 3_600_000, label: 'test' })).token;
  };
  return {
    app,
    database: fresh.database,
    tenantId: fresh.tenantId,
    config,
    base,
    get: (path, init) => fetch(base + path, init),
    ownerExec: (sql) => fresh.ownerExec(sql),
    tokenFor,
    async as(username, method, path, body, headers = {}) {
      let token = tokens.get(username);
      if (!token) {
        token = tokenFor(username);
        tokens.set(username, token);
      }
      return fetch(base + path, {
        method,
        headers: {
          authorization: `Bearer ${await token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    async signIn(username, password = DEMO_PASSWORD) {
      return signIn(base, username, password);
    },
    async close() {
      await app.close();
      await fresh.close();
    },
  };
}

/** A free loopback port (the public URL must be known before the server starts: OIDC redirects). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A signed-in browser-like session: cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a request: cookie, CSRF token on writes, JSON content type when a body is sent. */
  headers(write?: boolean): Record<string, string>;
}

/** The current TOTP code of a demo user. */
export function demoTotp(username: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(demoTotpSecret(username)) }).generate();
}

async function signIn(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  let me = (await res.json()) as { csrfToken: string; mfa: string };
  if (me.mfa === 'required') {
    const mfa = await fetch(`${base}/api/v1/auth/mfa`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ code: demoTotp(username) }),
    });
    if (mfa.status !== 200) throw new Error(`second factor of ${username} answered ${mfa.status}: ${await mfa.text()}`);
    me = (await mfa.json()) as { csrfToken: string; mfa: string };
  }
  const csrfToken = me.csrfToken;
  return {
    cookie,
    csrfToken,
    headers: (write = false) => ({ cookie, ...(write ? { 'x-csrf-token': csrfToken, 'content-type': 'application/json' } : {}) }),
  };
}

/** The JSON body of a response, typed loosely for assertions. */
export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** Creates a staff user through the administrators' API (password: the demo password). */
export async function createTestUser(
  server: TestServer,
  u: { username: string; role: string; structure: string | null; organisation?: string },
): Promise<string> {
  const res = await server.as('admin', 'POST', '/api/v1/users', {
    username: u.username,
    displayName: u.username,
    organisation: u.organisation ?? 'thessaloniki',
    password: 'a long password for tests',
    memberships: [{ role: u.role, structure: u.structure }],
  });
  if (res.status !== 201) throw new Error(`creating ${u.username} answered ${res.status}: ${await res.text()}`);
  return (await json<{ id: string }>(res)).id;
}

/** Registers a person through the API as a user (at the user's only structure unless `structure` is given); returns the id. */
export async function registerPerson(server: TestServer, username: string, person: Record<string, unknown>): Promise<string> {
  const res = await server.as(username, 'POST', '/api/v1/persons', person);
  if (res.status !== 201) throw new Error(`registering a person as ${username} answered ${res.status}: ${await res.text()}`);
  return (await json<{ id: string }>(res)).id;
}
