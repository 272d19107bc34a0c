import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';
import { pendingMigrations, readMigrations } from '../db/migrate.js';
import { sendUnavailable } from './problem.js';

/** Liveness, readiness and metrics endpoints for the people who run Merimna. */
export function healthRoutes(registry: Registry): FastifyPluginAsync {
  return async (app) => {
    const { database } = app.ctx;
    const expected = readMigrations().map((m) => m.name);
    app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
      try {
        await database.query('SELECT 1');
        const pending = await pendingMigrations(database, expected);
        if (pending.length) return await sendUnavailable(req, reply, { pendingMigrations: pending });
        return { status: 'ok', database: database.kind };
      } catch {
        return await sendUnavailable(req, reply, { database: database.kind });
      }
    });
    app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
      const text = await registry.metrics();
      return reply.type(registry.contentType).send(text);
    });
  };
}
