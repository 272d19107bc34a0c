// Overhead of the audit trail on a read-heavy request: a page of 50 person records (the demo
// registry) read in a transaction, without and with one audit row per record returned (hash chain,
// advisory lock, one insert of one array per column).
// Runs on the embedded database and on a PostgreSQL server (DATABASE_URL, or one it starts itself).
// Usage: node --import tsx bench/audit-overhead.ts [iterations=400]
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../src/server/platform/audit/audit.js';
import { openDatabase, sqlRows, type Database } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { seedDemo } from '../src/server/runtime.js';
import { DEFAULT_TENANT, ensureTenant } from '../src/server/platform/tenancy.js';
import { findPostgresBin, startPostgresServer } from '../test/helpers/postgres-server.js';

const iterations = Number(process.argv[2] ?? 400);

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(database: Database, tenantId: string, audited: boolean): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await database.db.transaction(async (tx) => {
      const rows = await sqlRows<{ id: string }>(
        tx,
        sql`select id, given_name, family_name, birth_date, phone, address from persons
             where tenant_id = ${tenantId} and id = cluster_id order by family_key, given_key, id limit 50`,
      );
      if (audited) {
        const ctx = { tenantId, actorUserId: randomUUID(), actorLabel: 'bench', requestId: randomUUID(), ip: '127.0.0.1' };
        await recordAudit(
          tx,
          ctx,
          rows.map((r) => ({ action: 'person.list' as const, entityType: 'person', entityId: r.id, personId: r.id })),
        );
      }
    });
    times.push(performance.now() - started);
  }
  return times;
}

async function run(label: string, database: Database) {
  await migrate(database);
  const tenantId = await ensureTenant(database, DEFAULT_TENANT.slug, DEFAULT_TENANT.name);
  await seedDemo(database, tenantId, { production: false, users: false, persons: true });
  await measure(database, tenantId, false); // warm-up
  const plain = await measure(database, tenantId, false);
  const audited = await measure(database, tenantId, true);
  const f = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms`;
  console.log(`${label}: read 50 records without audit: ${f(plain)}`);
  console.log(`${label}: read 50 records with 50 audit rows: ${f(audited)}`);
  console.log(
    `${label}: overhead p50 +${(percentile(audited, 50) - percentile(plain, 50)).toFixed(2)} ms, p95 +${(percentile(audited, 95) - percentile(plain, 95)).toFixed(2)} ms (${iterations} iterations each)`,
  );
  await database.close();
}

const dir = `/tmp/merimna-bench-audit-${process.pid}`;
await run('PGlite (durable, fsync on)', await openDatabase({ kind: 'pglite', dataDir: dir }));
if (process.env.DATABASE_URL) {
  await run('PostgreSQL', await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL, poolSize: 2 }));
} else if (findPostgresBin()) {
  const server = await startPostgresServer({ durable: true });
  await run('PostgreSQL 15 (fsync on)', await openDatabase({ kind: 'postgres', url: server.url, poolSize: 2 }));
  await server.stop();
}
(await import('node:fs')).rmSync(dir, { recursive: true, force: true });
