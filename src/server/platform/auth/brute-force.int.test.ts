import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../test/helpers/app.js';

// In its own file: the throttle also locks the client address, which would disturb other tests.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    seed: true,
    env: { MERIMNA_LOCKOUT_THRESHOLD: '5', MERIMNA_LOCKOUT_BASE_MS: '200', MERIMNA_LOCKOUT_MAX_MS: '2500' },
  });
});
afterAll(async () => {
  await server.close();
});

const attempt = (password: string) =>
  server.get('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'courses.staff', password }),
  });

describe('a brute-force attack on one account', () => {
  it('is slowed, audited, and the right password must still wait out the lock', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await attempt(`wrong guess number ${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const locked = statuses.filter((s) => s === 429).length;
    expect(locked).toBeGreaterThan(30); // after the fifth failure most guesses are not even checked

    const audit = await server.database.query<{ action: string; n: string }>(
      `select action, count(*) as n from audit_event where action in ('auth.login_failed', 'auth.locked_out') group by action`,
    );
    const counts = Object.fromEntries(audit.map((r) => [r.action, Number(r.n)]));
    expect((counts['auth.login_failed'] ?? 0) + (counts['auth.locked_out'] ?? 0)).toBe(50);
    expect(counts['auth.locked_out']).toBe(locked);

    // Locks are short in this test: make sure one is live for a while before the right password.
    const remainingMs = async () => {
      const [row] = await server.database.query<{ ms: number | null }>(
        `select max(extract(epoch from (locked_until - now())) * 1000)::float8 as ms from login_throttle`,
      );
      return row?.ms ?? 0;
    };
    // A guess during a lock is not even checked, so it cannot lengthen the lock: let a short lock
    // run out, then one more checked failure earns the longest lock (the failures go on counting).
    for (let i = 0; i < 5 && (await remainingMs()) < 300; i++) {
      const wait = Math.max(0, await remainingMs()) + 20;
      await new Promise((r) => setTimeout(r, wait));
      await attempt('one more wrong guess');
    }
    expect(await remainingMs()).toBeGreaterThanOrEqual(300);
    const during = await attempt('Merimna-Demo-2026');
    expect(during.status).toBe(429);
    const retryAfter = Number(during.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3);

    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 200));
    expect((await attempt('Merimna-Demo-2026')).status).toBe(200);
  });
});
