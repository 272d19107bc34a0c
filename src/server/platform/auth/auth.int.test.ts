import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import type { TMe } from '../../../shared/auth.js';
import { json, startTestServer, type TestServer } from '../../../../test/helpers/app.js';

let server: TestServer;
let adminToken: string;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  adminToken = await server.tokenFor('admin');
});
afterAll(async () => {
  await server.close();
});

const send = (path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
  server.get(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const lastAudit = async (where: string) =>
  (
    await server.database.query<{ action: string; outcome: string; actor_label: string }>(
      `select action, outcome, actor_label from audit_event where ${where} order by id desc limit 1`,
    )
  )[0];

describe('signing in', () => {
  it('refuses a wrong password with a generic message, and audits it', async () => {
    const res = await send('/api/v1/auth/login', { username: 'laundry.staff', password: 'not the password at all' });
    expect(res.status).toBe(401);
    const body = await json<{ detail: string }>(res);
    expect(body.detail).toBe('Λάθος όνομα χρήστη ή κωδικός πρόσβασης.');
    expect(await lastAudit(`action = 'auth.login_failed'`)).toMatchObject({ outcome: 'failure' });
    const unknown = await send(
      '/api/v1/auth/login',
      { username: 'nobody.here', password: 'not the password at all' },
      { 'accept-language': 'en' },
    );
    expect(unknown.status).toBe(401);
    expect((await json<{ detail: string }>(unknown)).detail).toBe('Wrong username or password.');
  });

  it('signs in a role without sensitive clearances with a password alone, in an HttpOnly SameSite cookie', async () => {
    const res = await send('/api/v1/auth/login', { username: 'Laundry.Staff', password: 'Merimna-Demo-2026' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^merimna_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await json<TMe>(res);
    expect(me.mfa).toBe('not_required');
    expect(me.memberships[0]).toMatchObject({ role: 'structure_staff', structure: { slug: 'social-laundry' } });
    expect(me.permissions).toContain('stock.dispense');
    expect(me.permissions).not.toContain('user.read');
  });

  it('asks roles with sensitive clearances for the second factor before anything else', async () => {
    const res = await send('/api/v1/auth/login', { username: 'frontdesk', password: 'Merimna-Demo-2026' });
    const me = await json<TMe>(res);
    expect(me.mfa).toBe('required');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const blocked = await server.get('/api/v1/auth/logout-everywhere', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(blocked.status).toBe(401);
    const wrong = await send('/api/v1/auth/mfa', { code: '000000' }, { cookie, 'x-csrf-token': me.csrfToken });
    expect(wrong.status).toBe(401);
    const session = await server.signIn('frontdesk');
    const meAfter = await json<TMe>(await server.get('/api/v1/auth/me', { headers: session.headers() }));
    expect(meAfter.mfa).toBe('verified');
    expect(meAfter.clearances).toContain('migration');
  });

  it('rotates the session at sign-in: the cookie presented before no longer works', async () => {
    const first = await server.signIn('laundry.manager');
    const again = await send(
      '/api/v1/auth/login',
      { username: 'laundry.manager', password: 'Merimna-Demo-2026' },
      { cookie: first.cookie },
    );
    expect(again.status).toBe(200);
    expect((again.headers.get('set-cookie') ?? '').split(';')[0]).not.toBe(first.cookie);
    expect((await server.get('/api/v1/auth/me', { headers: first.headers() })).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await server.signIn('laundry.staff');
    const res = await server.get('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect((await server.get('/api/v1/auth/me', { headers: s.headers() })).status).toBe(200);
  });

  it('ends a session after 30 idle minutes', async () => {
    const s = await server.signIn('grocery.staff');
    await server.database.query(
      `update sessions set last_seen_at = now() - interval '31 minutes' where revoked_at is null and user_id = (select id from users where username = 'grocery.staff')`,
    );
    const res = await server.get('/api/v1/auth/me', { headers: s.headers() });
    expect(res.status).toBe(401);
    expect((await json<{ detail: string }>(res)).detail).toContain('έληξε');
  });

  it('ends a session after 12 hours however active it is', async () => {
    const s = await server.signIn('grocery.manager');
    await server.database.query(
      `update sessions set expires_at = now() - interval '1 second' where revoked_at is null and user_id = (select id from users where username = 'grocery.manager')`,
    );
    expect((await server.get('/api/v1/auth/me', { headers: s.headers() })).status).toBe(401);
  });

  it('signs out, and signs out everywhere', async () => {
    const a = await server.signIn('pharmacy.staff');
    const b = await server.signIn('pharmacy.staff');
    expect((await server.get('/api/v1/auth/logout', { method: 'POST', headers: a.headers(true), body: '{}' })).status).toBe(204);
    expect((await server.get('/api/v1/auth/me', { headers: a.headers() })).status).toBe(401);
    expect((await server.get('/api/v1/auth/me', { headers: b.headers() })).status).toBe(200);
    const c = await server.signIn('pharmacy.staff');
    expect(
      (await server.get('/api/v1/auth/logout-everywhere', { method: 'POST', headers: c.headers(true), body: '{}' })).status,
    ).toBe(204);
    expect((await server.get('/api/v1/auth/me', { headers: b.headers() })).status).toBe(401);
    expect(await lastAudit(`action = 'auth.logout_everywhere'`)).toMatchObject({ actor_label: 'pharmacy.staff' });
  });
});

describe('accounts', () => {
  it('enrols a new user in TOTP, gives recovery codes that work once', async () => {
    const created = await send(
      '/api/v1/users',
      {
        username: 'new.worker',
        displayName: 'Νέα Κοινωνική Λειτουργός',
        organisation: 'thessaloniki',
        password: 'a fresh long password 7',
        memberships: [{ role: 'social_worker', structure: 'kem' }],
      },
      { authorization: `Bearer ${adminToken}` },
    );
    expect(created.status).toBe(201);
    const login = await send('/api/v1/auth/login', { username: 'new.worker', password: 'a fresh long password 7' });
    const me = await json<TMe>(login);
    expect(me.mfa).toBe('enrolment_required');
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const h = { cookie, 'x-csrf-token': me.csrfToken };
    const enrol = await json<{ secret: string; otpauthUrl: string; qrSvg: string }>(await send('/api/v1/auth/totp/enrol', {}, h));
    expect(enrol.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(enrol.qrSvg).toContain('<svg');
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(enrol.secret) }).generate();
    const confirmed = await send('/api/v1/auth/totp/confirm', { code }, h);
    const { recoveryCodes } = await json<{ recoveryCodes: string[] }>(confirmed);
    expect(recoveryCodes).toHaveLength(10);
    expect((await json<TMe>(await server.get('/api/v1/auth/me', { headers: { cookie } }))).mfa).toBe('verified');

    const useRecovery = async () => {
      const l = await send('/api/v1/auth/login', { username: 'new.worker', password: 'a fresh long password 7' });
      const c = (l.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return send('/api/v1/auth/mfa', { code: recoveryCodes[0] }, { cookie: c, 'x-csrf-token': (await json<TMe>(l)).csrfToken });
    };
    expect((await useRecovery()).status).toBe(200);
    expect((await useRecovery()).status).toBe(401);
  });

  it('changes a password under the policy, and the old one stops working', async () => {
    const s = await server.signIn('transport.staff');
    const change = (currentPassword: string, newPassword: string) =>
      server.get('/api/v1/auth/password', {
        method: 'POST',
        headers: s.headers(true),
        body: JSON.stringify({ currentPassword, newPassword }),
      });
    expect((await change('Merimna-Demo-2026', 'short')).status).toBe(422);
    expect((await change('Merimna-Demo-2026', 'password1234')).status).toBe(422);
    expect((await change('Merimna-Demo-2026', 'transport.staff-and-more')).status).toBe(422);
    expect((await change('wrong current password', 'a brand new passphrase')).status).toBe(401);
    expect((await change('Merimna-Demo-2026', 'a brand new passphrase')).status).toBe(204);
    expect((await send('/api/v1/auth/login', { username: 'transport.staff', password: 'Merimna-Demo-2026' })).status).toBe(401);
    expect((await send('/api/v1/auth/login', { username: 'transport.staff', password: 'a brand new passphrase' })).status).toBe(
      200,
    );
  });

  it('switches the working structure, and permissions follow the membership held there', async () => {
    const created = await send(
      '/api/v1/users',
      {
        username: 'two.places',
        displayName: 'Δύο Δομές',
        organisation: 'thessaloniki',
        password: 'two places long password',
        memberships: [
          { role: 'structure_staff', structure: 'social-laundry' },
          { role: 'partner', structure: 'social-grocery' },
        ],
      },
      { authorization: `Bearer ${adminToken}` },
    );
    const user = await json<{ memberships: { structure: { id: string; slug: string } }[] }>(created);
    const grocery = user.memberships.find((m) => m.structure.slug === 'social-grocery')?.structure.id;
    const laundry = user.memberships.find((m) => m.structure.slug === 'social-laundry')?.structure.id;
    const s = await server.signIn('two.places', 'two places long password');
    const switchTo = async (structureId: string | null) =>
      server.get('/api/v1/auth/structure', { method: 'PUT', headers: s.headers(true), body: JSON.stringify({ structureId }) });
    const res = await switchTo(laundry ?? null);
    if (res.status !== 200) throw new Error(await res.text());
    const atLaundry = await json<TMe>(res);
    expect(atLaundry.currentStructureId).toBe(laundry);
    expect(atLaundry.permissions).toContain('stock.dispense');
    expect(atLaundry.permissions).not.toContain('referral.respond');
    const atGrocery = await json<TMe>(await switchTo(grocery ?? null));
    expect(atGrocery.permissions).toContain('referral.respond');
    expect(atGrocery.permissions).not.toContain('stock.dispense');
    const everywhere = await json<TMe>(await switchTo(null));
    expect(everywhere.permissions).toEqual(expect.arrayContaining(['stock.dispense', 'referral.respond']));
    const dormitory = (await json<{ id: string }>(await server.get('/api/v1/structures/homeless-dormitory'))).id;
    expect((await switchTo(dormitory)).status).toBe(422);
  });

  it('lets administrators create users, refusing duplicates, weak passwords and unbound roles', async () => {
    const h = { authorization: `Bearer ${adminToken}`, 'accept-language': 'en' };
    const base = {
      displayName: 'Test',
      organisation: 'thessaloniki',
      password: 'a perfectly long password',
      memberships: [{ role: 'director', structure: null }],
    };
    expect((await send('/api/v1/users', { ...base, username: 'dup.user' }, h)).status).toBe(201);
    expect((await send('/api/v1/users', { ...base, username: 'dup.user' }, h)).status).toBe(409);
    const weak = await send('/api/v1/users', { ...base, username: 'weak.user', password: 'qwerty123456' }, h);
    expect(weak.status).toBe(422);
    expect((await json<{ errors: { field: string }[] }>(weak)).errors[0]?.field).toBe('body.password');
    const unbound = await send(
      '/api/v1/users',
      { ...base, username: 'unbound.user', memberships: [{ role: 'structure_staff', structure: null }] },
      h,
    );
    expect(unbound.status).toBe(422);
    const unknown = await send(
      '/api/v1/users',
      { ...base, username: 'unknown.place', memberships: [{ role: 'structure_staff', structure: 'no-such-structure' }] },
      h,
    );
    expect(unknown.status).toBe(422);
    expect((await server.get('/api/v1/users?q=unbound', { headers: h })).status).toBe(200);
    const list = await json<{ items: { username: string }[] }>(await server.get('/api/v1/users?q=unbound', { headers: h }));
    expect(list.items).toEqual([]);
  });

  it('accepts API tokens as bearer credentials and refuses unknown ones', async () => {
    const me = await json<TMe>(await server.get('/api/v1/auth/me', { headers: { authorization: `Bearer ${adminToken}` } }));
    expect(me.user.username).toBe('admin');
    expect((await server.get('/api/v1/auth/me', { headers: { authorization: 'Bearer mrm_not-a-real-token' } })).status).toBe(401);
  });
});
