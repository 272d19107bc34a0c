import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { freePort, json, startTestServer, type TestServer } from '../helpers/app.js';
import { startOidcProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { launchChromium } from './browser.js';

let server: TestServer;
let provider: TestProvider;
let browser: Browser;

beforeAll(async () => {
  // The provider must know Merimna's callback before Merimna knows the provider: fix the port first.
  const port = await freePort();
  provider = await startOidcProvider(`http://127.0.0.1:${port}/api/v1/auth/oidc/callback`);
  server = await startTestServer({
    seed: true,
    port,
    env: {
      MERIMNA_OIDC_ISSUER: provider.issuer,
      MERIMNA_OIDC_CLIENT_ID: provider.clientId,
      MERIMNA_OIDC_CLIENT_SECRET: provider.clientSecret,
    },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await server.close();
  await provider.stop();
});

const backAtMerimna = () => new RegExp(`^${server.base.replace(/[.]/g, '\\.')}/app`);

/**
 * Opens the start route (the address the sign-in page links to), types a login at the provider,
 * consents if asked. The staff UI is left out on purpose: its own journeys test the link.
 */
async function signInAtProvider(login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.base}/api/v1/auth/oidc/start`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  // The provider asks for consent on a first authorization; either way the browser ends up back here.
  const consent = page.getByRole('button', { name: 'Continue' });
  const back = page.waitForURL(backAtMerimna());
  const shown = await Promise.race([consent.waitFor().then(() => true), back.then(() => false)]).catch(() => false);
  if (shown) await consent.click();
  await back;
  return page;
}

const me = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch('/api/v1/auth/me');
    return { status: res.status, body: (await res.json()) as { user?: { username: string }; mfa?: string } };
  });

async function lastFailure(): Promise<string | undefined> {
  const [row] = await server.database.query<{ reason: string }>(
    `select reason from audit_event where action = 'auth.oidc_failed' order by id desc limit 1`,
  );
  return row?.reason;
}

/** Starts a sign-in without a browser: the provider's address and the state cookie. */
async function start(): Promise<{ location: URL; cookie: string; setCookie: string }> {
  const res = await server.get('/api/v1/auth/oidc/start', { redirect: 'manual' });
  expect(res.status).toBe(302);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { location: new URL(res.headers.get('location') ?? ''), cookie: setCookie.split(';')[0] ?? '', setCookie };
}

const callback = (query: string, cookie?: string) =>
  server.get(`/api/v1/auth/oidc/callback?${query}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

describe('signing in through the municipality’s identity provider', () => {
  it('links a known user on first sign-in and opens a session', async () => {
    const page = await signInAtProvider('laundry.staff');
    expect(new URL(page.url()).pathname).toBe('/app');
    const answer = await me(page);
    expect(answer.status).toBe(200);
    expect(answer.body.user?.username).toBe('laundry.staff');
    expect(answer.body.mfa).toBe('not_required');
    const [row] = await server.database.query<{ oidc_issuer: string | null; oidc_subject: string | null }>(
      `select oidc_issuer, oidc_subject from users where username = 'laundry.staff'`,
    );
    expect(row).toEqual({ oidc_issuer: provider.issuer, oidc_subject: 'laundry.staff' });
    const [audit] = await server.database.query<{ actor_label: string; changes: unknown }>(
      `select actor_label, changes from audit_event where action = 'auth.oidc_login' order by id desc limit 1`,
    );
    expect(audit).toEqual({ actor_label: 'laundry.staff', changes: ['oidc_issuer', 'oidc_subject'] });
    await page.context().close();
  });

  it('refuses an identity that matches no user, and records it', async () => {
    const page = await signInAtProvider('somebody.unknown');
    expect(page.url()).toBe(`${server.base}/app/sign-in?error=oidc`);
    expect((await me(page)).status).toBe(401);
    expect(await lastFailure()).toBe('unknown_identity');
    const [row] = await server.database.query<{ n: string }>(
      `select count(*) as n from users where oidc_subject = 'somebody.unknown'`,
    );
    expect(Number(row?.n)).toBe(0);
    await page.context().close();
  });

  it('still asks a social worker for Merimna’s second factor when the provider did not check one', async () => {
    const page = await signInAtProvider('socialworker');
    const answer = await me(page);
    expect(answer.status).toBe(200);
    expect(answer.body.user?.username).toBe('socialworker');
    expect(answer.body.mfa).toBe('required');
    await page.context().close();
  });

  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const { location, setCookie } = await start();
    expect(location.origin).toBe(provider.issuer);
    const q = location.searchParams;
    expect(q.get('client_id')).toBe(provider.clientId);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('scope')).toBe('openid profile email');
    expect(q.get('redirect_uri')).toBe(`${server.base}/api/v1/auth/oidc/callback`);
    expect(q.get('code_challenge_method')).toBe('S256');
    for (const p of ['code_challenge', 'state', 'nonce']) expect(q.get(p)?.length, p).toBeGreaterThanOrEqual(32);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Path=\/api\/v1\/auth\/oidc(;|$)/);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('turns a refused consent, a missing, forged or used state and a bad code into the sign-in page, never an error', async () => {
    const toSignIn = async (res: Response, reason: string) => {
      expect(res.status, reason).toBe(302);
      expect(res.headers.get('location'), reason).toBe('/app/sign-in?error=oidc');
      expect(await lastFailure()).toBe(reason);
    };
    await toSignIn(await callback('code=abc&state=xyz'), 'no_state');
    await toSignIn(await callback('code=abc&state=xyz', 'merimna_oidc=forged'), 'unknown_or_expired_state');

    const denied = await start();
    const state = denied.location.searchParams.get('state') ?? '';
    await toSignIn(
      await callback(`error=access_denied&error_description=End-User+aborted&state=${state}`, denied.cookie),
      'provider_error:access_denied',
    );
    // One use only: the same state cannot be replayed.
    await toSignIn(await callback(`code=abc&state=${state}`, denied.cookie), 'unknown_or_expired_state');

    const badCode = await start();
    await toSignIn(
      await callback(`code=not-a-code&state=${badCode.location.searchParams.get('state') ?? ''}`, badCode.cookie),
      'token_exchange_failed',
    );
    const wrongState = await start();
    await toSignIn(await callback('code=abc&state=not-the-one', wrongState.cookie), 'token_exchange_failed');
  });

  it('ends a session presented at the callback, even when the sign-in fails', async () => {
    const session = await server.signIn('laundry.manager');
    expect((await server.get('/api/v1/auth/me', { headers: session.headers() })).status).toBe(200);
    const res = await callback('code=abc&state=xyz', session.cookie);
    expect(res.status).toBe(302);
    expect((await server.get('/api/v1/auth/me', { headers: session.headers() })).status).toBe(401);
  });

  it('rejects parameters a provider does not send', async () => {
    const res = await callback('code=abc&state=xyz&redirect=https://evil.example');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('says whether it is offered', async () => {
    expect(await json(await server.get('/api/v1/auth/oidc'))).toEqual({ enabled: true });
  });
});

describe('without an identity provider configured', () => {
  it('offers no such sign-in and answers 404 on its routes', async () => {
    // The same database behind a second app built without the OIDC settings.
    const plain = await buildApp({
      config: { ...server.config, oidc: null },
      database: server.database,
      tenantId: server.tenantId,
    });
    try {
      expect((await plain.inject('/api/v1/auth/oidc')).json()).toEqual({ enabled: false });
      for (const url of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback?code=abc&state=xyz']) {
        const res = await plain.inject(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type'], url).toContain('application/problem+json');
      }
    } finally {
      await plain.close();
    }
  });
});

describe('with the identity provider unreachable', () => {
  it('sends the browser back to the sign-in page rather than an error', async () => {
    const oidc = server.config.oidc;
    if (!oidc) throw new Error('the server was started with OIDC');
    const down = await buildApp({
      config: { ...server.config, oidc: { ...oidc, issuer: `http://127.0.0.1:${await freePort()}` } },
      database: server.database,
      tenantId: server.tenantId,
    });
    try {
      const res = await down.inject('/api/v1/auth/oidc/start');
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/app/sign-in?error=oidc');
      expect(res.headers['set-cookie']).toBeUndefined();
    } finally {
      await down.close();
    }
  });
});
