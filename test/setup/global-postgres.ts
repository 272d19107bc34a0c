import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/platform/db/database.js';
import { migrate } from '../../src/server/platform/db/migrate.js';
import { DEFAULT_TENANT, ensureTenant } from '../../src/server/platform/tenancy.js';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export const TEMPLATE_DB = 'merimna_template';

let server: PostgresServer | undefined;

/** Starts one PostgreSQL server for the int-postgres project and prepares a migrated template database. */
export async function setup(project: TestProject): Promise<void> {
  server = await startPostgresServer();
  const admin = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.close();
  const template = await openDatabase({ kind: 'postgres', url: server.urlFor(TEMPLATE_DB), poolSize: 1 });
  await migrate(template);
  await ensureTenant(template, DEFAULT_TENANT.slug, DEFAULT_TENANT.name);
  await template.close();
  project.provide('pgAdminUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
