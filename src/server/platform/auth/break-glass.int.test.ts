import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBreakGlass } from '../../../shared/auth.js';
import { json, startTestServer, type TestServer } from '../../../../test/helpers/app.js';
import { resolveActor } from './session.service.js';
import { hasBreakGlass } from './break-glass.js';

let server: TestServer;
let worker: string;
let director: string;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
  worker = await server.tokenFor('socialworker');
  director = await server.tokenFor('director');
});
afterAll(async () => {
  await server.close();
});

const post = (path: string, token: string, body: unknown) =>
  server.get(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('break-glass', () => {
  it('opens an out-of-scope record for a stated reason, for 30 minutes, audited and queued for review', async () => {
    const person = randomUUID();
    const short = await post('/api/v1/break-glass', worker, { entityType: 'person', entityId: person, reason: 'urgent' });
    expect(short.status).toBe(400);
    const res = await post('/api/v1/break-glass', worker, {
      entityType: 'person',
      entityId: person,
      reason: 'Η ωφελούμενη ήρθε τη νύχτα στο υπνωτήριο χωρίς έγγραφα',
    });
    expect(res.status).toBe(201);
    const opening = await json<TBreakGlass>(res);
    const minutes = (Date.parse(opening.expiresAt) - Date.parse(opening.openedAt)) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);

    const actor = await resolveActor(server.database.db, server.config, server.tenantId, { bearer: worker });
    expect(actor && (await hasBreakGlass(server.database.db, server.tenantId, actor, 'person', person))).toBe(true);
    expect(actor && (await hasBreakGlass(server.database.db, server.tenantId, actor, 'person', randomUUID()))).toBe(false);

    const [row] = await server.database.query<{ action: string; person_id: string; reason: string }>(
      `select action, person_id, reason from audit_event where action = 'breakglass.opened' order by audit_event.id desc limit 1`,
    );
    expect(row).toMatchObject({ person_id: person, reason: expect.stringContaining('υπνωτήριο') as unknown });

    const queue = await json<{ items: TBreakGlass[] }>(
      await server.get('/api/v1/break-glass', { headers: { authorization: `Bearer ${director}` } }),
    );
    expect(queue.items.map((i) => i.id)).toContain(opening.id);
    const [listed] = await server.database.query<{ actor_label: string; person_id: string }>(
      `select actor_label, person_id from audit_event where action = 'breakglass.listed' order by audit_event.id desc limit 1`,
    );
    expect(listed).toMatchObject({ actor_label: 'director' });

    const reviewed = await post(`/api/v1/break-glass/${opening.id}/review`, director, { outcome: 'justified', note: 'Σωστά' });
    expect(reviewed.status).toBe(200);
    expect((await json<TBreakGlass>(reviewed)).review).toMatchObject({ by: 'director', outcome: 'justified' });
    expect((await post(`/api/v1/break-glass/${opening.id}/review`, director, { outcome: 'not_justified' })).status).toBe(409);
    const pending = await json<{ items: TBreakGlass[] }>(
      await server.get('/api/v1/break-glass', { headers: { authorization: `Bearer ${director}` } }),
    );
    expect(pending.items.map((i) => i.id)).not.toContain(opening.id);
  });

  it('expires: after the time box the record is closed again', async () => {
    const person = randomUUID();
    await post('/api/v1/break-glass', worker, {
      entityType: 'person',
      entityId: person,
      reason: 'a reason that is long enough',
      minutes: 5,
    });
    await server.database.query(`update break_glass set expires_at = now() - interval '1 second' where entity_id = $1`, [person]);
    const actor = await resolveActor(server.database.db, server.config, server.tenantId, { bearer: worker });
    expect(actor && (await hasBreakGlass(server.database.db, server.tenantId, actor, 'person', person))).toBe(false);
  });

  it('is reviewed by supervisors only: the social worker cannot see the queue', async () => {
    expect((await server.get('/api/v1/break-glass', { headers: { authorization: `Bearer ${worker}` } })).status).toBe(403);
    expect(
      (
        await post('/api/v1/break-glass', director, {
          entityType: 'person',
          entityId: randomUUID(),
          reason: 'directors do not open records',
        })
      ).status,
    ).toBe(403);
  });
});
