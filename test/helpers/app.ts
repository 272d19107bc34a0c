import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { seedDemo } from '../../src/server/runtime.js';
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
  close(): Promise<void>;
}

/** Starts a server for one test file; `seed` loads the demo catalogue. */
export async function startTestServer(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const fresh = await freshDatabase();
  const config = loadConfig({ NODE_ENV: 'test', MERIMNA_LOG_LEVEL: 'silent', MERIMNA_WEB_DIR: 'dist/web', ...options.env });
  if (options.seed) await seedDemo(fresh.database, fresh.tenantId);
  const app = await buildApp({ config, database: fresh.database, tenantId: fresh.tenantId });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not bind a port');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    app,
    database: fresh.database,
    tenantId: fresh.tenantId,
    config,
    base,
    get: (path, init) => fetch(base + path, init),
    async close() {
      await app.close();
      await fresh.close();
    },
  };
}

/** The JSON body of a response, typed loosely for assertions. */
export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
