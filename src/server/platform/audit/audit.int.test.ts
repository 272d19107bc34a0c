import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditEvent } from '../../../shared/auth.js';
import { json, startTestServer, type TestServer } from '../../../../test/helpers/app.js';
import { recordAudit, verifyAuditChain } from './audit.js';

let server: TestServer;
let dpo: string;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  dpo = await server.tokenFor('dpo');
});
afterAll(async () => {
  await server.close();
});

const ctx = (label: string, userId: string | null = null) => ({
  tenantId: server.tenantId,
  actorUserId: userId,
  actorLabel: label,
  requestId: 'test',
  ip: '127.0.0.1',
});

describe('the audit trail', () => {
  it('is append-only: the application role may not update or delete it, and neither may the owner', async () => {
    await expect(server.database.exec(`update audit_event set actor_label = 'someone else'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(server.database.exec(`delete from audit_event`)).rejects.toThrow(/permission denied/);
    await expect(server.ownerExec(`delete from audit_event`)).rejects.toThrow(/append-only/);
    const [me] = await server.database.query<{ u: string; su: boolean }>(
      `select current_user as u, (select rolsuper from pg_roles where rolname = current_user) as su`,
    );
    expect(me).toEqual({ u: 'merimna_app', su: false });
  });

  it('rolls back with the change it records', async () => {
    const before = await server.database.query<{ n: string }>('select count(*) as n from audit_event');
    await expect(
      server.database.db.transaction(async (tx) => {
        await recordAudit(tx, ctx('test'), [{ action: 'user.updated', entityType: 'user', entityId: 'x' }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await server.database.query<{ n: string }>('select count(*) as n from audit_event');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('answers "who accessed this person" and "what did this user do" for the DPO', async () => {
    const person = randomUUID();
    const worker = (
      await json<{ user: { id: string } }>(
        await server.get('/api/v1/auth/me', { headers: { authorization: `Bearer ${await server.tokenFor('socialworker')}` } }),
      )
    ).user.id;
    await server.database.db.transaction((tx) =>
      recordAudit(tx, ctx('socialworker', worker), [
        { action: 'user.read', entityType: 'person', entityId: person, personId: person, changes: ['name', 'health'] },
      ]),
    );
    const byPerson = await json<{ items: TAuditEvent[]; total: number }>(
      await server.get(`/api/v1/audit?person=${person}`, { headers: { authorization: `Bearer ${dpo}` } }),
    );
    expect(byPerson.total).toBe(1);
    expect(byPerson.items[0]).toMatchObject({ actorLabel: 'socialworker', personId: person, changes: ['name', 'health'] });
    const byUser = await json<{ items: TAuditEvent[] }>(
      await server.get(`/api/v1/audit?user=${worker}&limit=5`, { headers: { authorization: `Bearer ${dpo}` } }),
    );
    expect(byUser.items.every((e) => e.actorUserId === worker)).toBe(true);
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    const past = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    const later = await json<{ total: number }>(
      await server.get(`/api/v1/audit?person=${person}&action=user.read&from=${future}`, {
        headers: { authorization: `Bearer ${dpo}` },
      }),
    );
    expect(later.total).toBe(0);
    const within = await json<{ total: number }>(
      await server.get(`/api/v1/audit?person=${person}&action=user.read&from=${past}&to=${future}`, {
        headers: { authorization: `Bearer ${dpo}` },
      }),
    );
    expect(within.total).toBe(1);
    const searched = await json<{ items: TAuditEvent[] }>(
      await server.get('/api/v1/audit?action=audit.searched&limit=1', { headers: { authorization: `Bearer ${dpo}` } }),
    );
    expect(searched.items[0]?.actorLabel).toBe('dpo');
  });

  it('refuses the search to roles without audit.read, and records the denial', async () => {
    const res = await server.get('/api/v1/audit', { headers: { authorization: `Bearer ${await server.tokenFor('director')}` } });
    expect(res.status).toBe(403);
    const denied = await json<{ items: TAuditEvent[] }>(
      await server.get('/api/v1/audit?action=access.denied&limit=1', { headers: { authorization: `Bearer ${dpo}` } }),
    );
    expect(denied.items[0]).toMatchObject({ actorLabel: 'director', outcome: 'denied', entityId: 'GET /api/v1/audit' });
  });

  it('lists users who read more distinct persons than the threshold within the hour', async () => {
    const persons = Array.from({ length: 6 }, () => randomUUID());
    await server.database.db.transaction((tx) =>
      recordAudit(
        tx,
        ctx('curious.user', randomUUID()),
        persons.map((p) => ({ action: 'user.read' as const, entityType: 'person', entityId: p, personId: p })),
      ),
    );
    const alerts = await json<{ items: { username: string; distinctPersons: number }[] }>(
      await server.get('/api/v1/audit/alerts?threshold=5', { headers: { authorization: `Bearer ${dpo}` } }),
    );
    expect(alerts.items).toContainEqual(expect.objectContaining({ username: 'curious.user', distinctPersons: 6 }));
    const none = await json<{ items: unknown[] }>(
      await server.get('/api/v1/audit/alerts?threshold=6', { headers: { authorization: `Bearer ${dpo}` } }),
    );
    expect(none.items.filter((i) => (i as { username: string }).username === 'curious.user')).toEqual([]);
  });

  it('is hash-chained: verification passes, and names the first row someone altered', async () => {
    const intact = await verifyAuditChain(server.database.db, server.tenantId);
    expect(intact.brokenAt).toBeNull();
    expect(intact.checked).toBeGreaterThan(10);
    const [victim] = await server.database.query<{ id: string }>(
      `select id::text from audit_event order by audit_event.id limit 1 offset 3`,
    );
    // The owner can disable the guard; the chain still tells.
    await server.ownerExec(
      `alter table audit_event disable trigger audit_event_no_update; update audit_event set actor_label = 'nobody' where id = ${victim?.id}; alter table audit_event enable trigger audit_event_no_update`,
    );
    const broken = await verifyAuditChain(server.database.db, server.tenantId);
    expect(broken.brokenAt?.id).toBe(victim?.id);
    expect(broken.checked).toBe(3);
  });
});
