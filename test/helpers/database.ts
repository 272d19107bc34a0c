import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/platform/db/database.js';
import { migrate } from '../../src/server/platform/db/migrate.js';
import { DEFAULT_TENANT, ensureTenant } from '../../src/server/platform/tenancy.js';

/** Which database this test run uses: the int-postgres project sets MERIMNA_TEST_DB=postgres. */
export function testKind(): 'pglite' | 'postgres' {
  return process.env.MERIMNA_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** A brand-new, migrated database with the default tenant, and how to throw it away. */
export interface FreshDatabase {
  database: Database;
  tenantId: string;
  kind: 'pglite' | 'postgres';
  /** Runs SQL as the database owner (tests that play the attacker or the administrator). */
  ownerExec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** The role the server works as; tests use it too, so privileges are tested as they run. */
export const APP_ROLE = 'merimna_app';

async function tenantOf(database: Database): Promise<string> {
  return ensureTenant(database, DEFAULT_TENANT.slug, DEFAULT_TENANT.name);
}

/** A fresh database per test file: in-memory PGlite, or a copy of the migrated template on the server. */
export async function freshDatabase(options: { asOwner?: boolean } = {}): Promise<FreshDatabase> {
  if (testKind() === 'pglite') {
    const database = await openDatabase({ kind: 'pglite-memory' });
    await migrate(database);
    const tenantId = await tenantOf(database);
    if (!options.asOwner && !(await database.assumeRole(APP_ROLE))) throw new Error('the application role is missing');
    return {
      database,
      tenantId,
      kind: 'pglite',
      // PGlite has one connection: step out of the role and back.
      ownerExec: (sql) => database.exec(`RESET ROLE; ${sql}; SET ROLE ${APP_ROLE}`),
      close: () => database.close(),
    };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `merimna_t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE merimna_template`);
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  const tenantId = await tenantOf(database);
  if (!options.asOwner && !(await database.assumeRole(APP_ROLE))) throw new Error('the application role is missing');
  const owner = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  return {
    database,
    tenantId,
    kind: 'postgres',
    ownerExec: (sql) => owner.exec(sql),
    async close() {
      await database.close();
      await owner.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
