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
  close(): Promise<void>;
}

async function tenantOf(database: Database): Promise<string> {
  return ensureTenant(database, DEFAULT_TENANT.slug, DEFAULT_TENANT.name);
}

/** A fresh database per test file: in-memory PGlite, or a copy of the migrated template on the server. */
export async function freshDatabase(): Promise<FreshDatabase> {
  if (testKind() === 'pglite') {
    const database = await openDatabase({ kind: 'pglite-memory' });
    await migrate(database);
    return { database, tenantId: await tenantOf(database), kind: 'pglite', close: () => database.close() };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `merimna_t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE merimna_template`);
  const database = await openDatabase({ kind: 'postgres', url: adminUrl.replace(/\/postgres$/, `/${name}`), poolSize: 5 });
  return {
    database,
    tenantId: await tenantOf(database),
    kind: 'postgres',
    async close() {
      await database.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
