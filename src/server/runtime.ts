import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { countDirectory, loadCatalogue, readCatalogue } from './modules/directory/index.js';
import { importPersons, scanRegistry } from './modules/people/index.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { demoUsers, ensureDemoUsers } from './platform/auth/index.js';
import { migrate } from './platform/db/migrate.js';
import { refreshStatistics } from './platform/db/statistics.js';
import { DEFAULT_TENANT, ensureTenant } from './platform/tenancy.js';

/**
 * Opens the configured database, applies pending migrations as the owner, makes sure the tenant
 * exists, then works as the application role (no superuser, no UPDATE or DELETE on the audit trail).
 */
export async function prepareDatabase(
  config: Config,
): Promise<{ database: Database; tenantId: string; applied: string[]; appRole: string | null }> {
  const database = await openDatabase(config.database);
  try {
    const applied = await migrate(database);
    const tenantId = await ensureTenant(database, DEFAULT_TENANT.slug, DEFAULT_TENANT.name);
    const appRole = config.appRole && (await database.assumeRole(config.appRole)) ? config.appRole : null;
    return { database, tenantId, applied, appRole };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Loads the demo catalogue in one transaction, then the demo users, and (when asked) the demo
 * registry of synthetic people; returns the counts.
 */
export async function seedDemo(
  database: Database,
  tenantId: string,
  options: { production: boolean; users?: boolean; persons?: boolean },
) {
  if (options.production) throw new Error('Demo data is refused when NODE_ENV=production.');
  const catalogue = readCatalogue();
  await database.db.transaction((tx) => loadCatalogue(tx, tenantId, catalogue));
  const users = options.users === false ? 0 : await ensureDemoUsers(database.db, tenantId, options.production, demoUsers());
  let persons = 0;
  if (options.persons) {
    const audit = { tenantId, actorUserId: null, actorLabel: 'demo', requestId: null, ip: null };
    for (const file of fs.existsSync(DEMO_PERSONS_DIR) ? fs.readdirSync(DEMO_PERSONS_DIR).sort() : []) {
      if (!file.endsWith('.csv')) continue;
      const structure = file.slice(0, -4);
      const s = await importPersons(database.db, audit, {
        structure,
        input: fs.createReadStream(path.join(DEMO_PERSONS_DIR, file)),
      });
      persons += s.imported;
    }
  }
  return { ...(await countDirectory(database.db, tenantId)), usersCreated: users, personsImported: persons };
}

/** The demo registry: one CSV file per structure, written by bench/people/demo-seed.ts. */
const DEMO_PERSONS_DIR = path.resolve(import.meta.dirname, '../../seeds/demo/persons');

/** A running server and how to stop it. */
export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Starts Merimna: database, migrations, demo data on first start (demo mode), HTTP server. */
export async function startServer(config: Config): Promise<Running> {
  const { database, tenantId, appRole } = await prepareDatabase(config);
  if (config.demo) {
    const counts = await countDirectory(database.db, tenantId);
    if (counts.structures === 0) await seedDemo(database, tenantId, { production: false, persons: true });
    else await ensureDemoUsers(database.db, tenantId, false, demoUsers());
  }
  const app = await buildApp({ config, database, tenantId });
  if (config.appRole && !appRole)
    app.log.warn({ role: config.appRole }, 'the application role does not exist: working as the connecting user');
  const address = await app.listen({ port: config.port, host: config.host });
  // PGlite has no autovacuum: refresh the planner's statistics of the growing tables now and then.
  const refresh = () =>
    refreshStatistics(database.db).catch((error: unknown) => app.log.warn({ err: String(error) }, 'statistics refresh failed'));
  await refresh();
  const timer = setInterval(() => void refresh(), 15 * 60_000);
  timer.unref();
  const nightly = nightlyScan(config, database, tenantId, app);
  nightly.unref();
  let stopping: Promise<void> | undefined;
  const stop = () => {
    clearInterval(timer);
    clearInterval(nightly);
    // Fastify's close stops accepting connections and waits for requests in flight.
    stopping ??= app.close().then(() => database.close());
    return stopping;
  };
  return { app, database, url: address, stop };
}

/** The hour and the day in Athens, where the structures are. */
function athensNow(): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Athens',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** The duplicate matcher's nightly run over the whole registry, at the configured hour. */
function nightlyScan(config: Config, database: Database, tenantId: string, app: FastifyInstance): NodeJS.Timeout {
  let lastDay = '';
  let running = false;
  return setInterval(() => {
    const now = athensNow();
    if (config.matchScanHour === null || now.hour !== config.matchScanHour || now.day === lastDay || running) return;
    lastDay = now.day;
    running = true;
    const audit = { tenantId, actorUserId: null, actorLabel: 'matcher:nightly', requestId: null, ip: null };
    scanRegistry(database.db, audit)
      .then((r) => app.log.info(r, 'nightly duplicate scan done'))
      .catch((error: unknown) => app.log.error({ err: String(error) }, 'nightly duplicate scan failed'))
      .finally(() => {
        running = false;
      });
  }, 5 * 60_000);
}
