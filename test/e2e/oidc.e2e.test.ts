import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function signInAtProvider(login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.base}/app/sign-in`);
  await page.getByRole('link', { name: 'Σύνδεση με τον λογαριασμό του Δήμου' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  const consent = page.getByRole('button', { name: 'Continue' });
  await Promise.race([
    consent.waitFor({ timeout: 10_000 }).then(() => consent.click()),
    page.waitForURL(`${server.base}/app**`),
  ]).catch(() => undefined);
  await page.waitForURL(new RegExp(`^${server.base.replace(/[.]/g, '\\.')}/app`));
  return page;
}

describe('signing in through the municipality’s identity provider', () => {
  it('links a known user on first sign-in and opens a session', async () => {
    const page = await signInAtProvider('laundry.staff');
    expect(new URL(page.url()).pathname).toBe('/app');
    await page.getByRole('heading', { level: 1, name: /Καλώς ήρθατε/ }).waitFor();
    const me = await page.evaluate(
      async () => (await fetch('/api/v1/auth/me')).json() as Promise<{ user: { username: string } }>,
    );
    expect(me.user.username).toBe('laundry.staff');
    const [row] = await server.database.query<{ oidc_subject: string | null }>(
      `select oidc_subject from users where username = 'laundry.staff'`,
    );
    expect(row?.oidc_subject).toBe('laundry.staff');
    await page.context().close();
  });

  it('refuses an identity that matches no user, and records it', async () => {
    const page = await signInAtProvider('somebody.unknown');
    await page.waitForURL(/\/app\/sign-in\?error=oidc/);
    await page.getByText('Η σύνδεση μέσω του λογαριασμού του Δήμου δεν ολοκληρώθηκε.').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
    const [row] = await server.database.query<{ reason: string }>(
      `select reason from audit_event where action = 'auth.oidc_failed' order by audit_event.id desc limit 1`,
    );
    expect(row?.reason).toBe('unknown_identity');
    await page.context().close();
  });

  it('says whether it is offered', async () => {
    expect(await json(await server.get('/api/v1/auth/oidc'))).toEqual({ enabled: true });
  });
});
