// The case-file benchmark of issue 5: a registry of --persons people, --cases cases, --entries
// timeline entries and --deliveries service-log rows (loaded with set-based SQL as the database
// owner: the fixture, not what is measured), then, through the HTTP API as the social worker of
// the KEM: opening a case of 2,000 entries (the case with its counts, and the first page of its
// timeline), the worker's caseload of 500 cases, recording a service delivery, and a mixed workload
// of --workers concurrent clients. Every request is authorised and audited as in production.
// Usage: npx tsx bench/cases-workload.ts [--persons 1000000] [--cases 300000] [--entries 5000000]
//          [--deliveries 10000000] [--db postgres|pglite] [--workers 100] [--seconds 30]
// PostgreSQL: DATABASE_URL, or a server the script starts itself (durable settings: fsync on).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createApiToken, findUserByUsername } from '../src/server/platform/auth/index.js';
import { openDatabase, type Database } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { DEFAULT_TENANT, ensureTenant } from '../src/server/platform/tenancy.js';
import { seedDemo } from '../src/server/runtime.js';
import { startPostgresServer } from '../test/helpers/postgres-server.js';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    cases: { type: 'string', default: '300000' },
    entries: { type: 'string', default: '5000000' },
    deliveries: { type: 'string', default: '10000000' },
    db: { type: 'string', default: 'postgres' },
    workers: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '30' },
    iterations: { type: 'string', default: '300' },
  },
});
const N = {
  persons: Number(args.persons),
  cases: Number(args.cases),
  entries: Number(args.entries),
  deliveries: Number(args.deliveries),
};
const BIG_CASE_ENTRIES = 2000;
const CASELOAD = 500;
const CHUNK = 500_000;
// The first persons are registered at the KEM, where the bench worker works: the deliveries are theirs.
const KEM_PERSONS = 2000;
const say = (text: string) => process.stderr.write(`${text}\n`);
const pct = (xs: number[], p: number) =>
  Math.round(([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN) * 10) / 10;
const summary = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99) });

async function openBenchDatabase(): Promise<{ database: Database; stop: () => Promise<void> }> {
  if (args.db === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-bench-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    return {
      database,
      stop: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.DATABASE_URL;
  const server = url ? null : await startPostgresServer({ durable: true });
  const database = await openDatabase({ kind: 'postgres', url: url ?? server?.url ?? '', poolSize: 20 });
  return {
    database,
    stop: async () => {
      await database.close();
      await server?.stop();
    },
  };
}

/** Runs a set-based insert over 1..total in chunks, with a progress line. */
async function chunked(database: Database, label: string, total: number, statement: (from: number, to: number) => string) {
  const started = performance.now();
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await database.query(statement(from, to));
    say(`  ${label}: ${to} of ${total} (${Math.round(to / ((performance.now() - started) / 1000))}/s)`);
  }
}

/** The fixture: persons registered at the KEM and other structures, cases, entries, deliveries. */
async function loadFixture(database: Database, tenantId: string, workerId: string) {
  const one = async <T>(q: string) => (await database.query<T>(q))[0] as T;
  const kem = await one<{ id: string }>(`select id from structures where tenant_id = '${tenantId}' and slug = 'kem'`);
  const open = await one<{ ids: string[] }>(
    `select array_agg(id order by slug) as ids from structures where tenant_id = '${tenantId}' and not confidential`,
  );
  const type = await one<{ id: string }>(
    `select id from case_types where tenant_id = '${tenantId}' and slug = 'general-support'`,
  );
  const service = await one<{ slug: string }>(
    `select slug from services where tenant_id = '${tenantId}' and structure_id = '${kem.id}' order by position limit 1`,
  );
  const structures = `('{${open.ids.join(',')}}'::uuid[])`;
  // Workers of other structures carry the other cases; the bench worker carries exactly CASELOAD.
  await database.exec(
    `drop table if exists bench_person; create unlogged table bench_person (n int primary key, id uuid not null)`,
  );
  await chunked(
    database,
    'persons',
    N.persons,
    (a, b) => `with s as (select n, gen_random_uuid() as id from generate_series(${a}, ${b}) n),
      i as (insert into bench_person select n, id from s)
      insert into persons (tenant_id, id, cluster_id, given_name, family_name, sex, birth_date, given_key, family_key,
        family_stem, given_skeleton, family_skeleton, search_text)
      select '${tenantId}', id, id, 'Όνομα' || (n % 4000), 'Επώνυμο' || (n % 20000), case when n % 2 = 0 then 'F' else 'M' end,
        date '1940-01-01' + (n % 29000), 'onoma' || (n % 4000), 'eponymo' || (n % 20000), 'eponym' || (n % 20000),
        'NM', 'PNM', ' onoma' || (n % 4000) || ' eponymo' || (n % 20000) || ' '
      from s`,
  );
  await chunked(
    database,
    'registrations',
    N.persons,
    (a, b) => `insert into registrations (tenant_id, person_id, structure_id, source_id)
      select '${tenantId}', id, case when n <= ${KEM_PERSONS} then '${kem.id}'::uuid else ${structures}[1 + n % array_length(${structures}, 1)] end, 'B-' || n
      from bench_person where n between ${a} and ${b}`,
  );
  await database.exec(`drop table if exists bench_case; create unlogged table bench_case (n int primary key, id uuid not null)`);
  await chunked(
    database,
    'cases',
    N.cases,
    (a, b) => `with s as (select n, gen_random_uuid() as id from generate_series(${a}, ${b}) n),
      i as (insert into bench_case select n, id from s)
      insert into cases (tenant_id, id, person_id, structure_id, case_type_id, assigned_user_id, status, opened_at)
      select '${tenantId}', s.id, p.id, case when s.n <= ${CASELOAD} then '${kem.id}'::uuid else ${structures}[1 + s.n % array_length(${structures}, 1)] end,
        '${type.id}', case when s.n <= ${CASELOAD} then '${workerId}'::uuid else null end,
        (array['open','assessment','plan','in_service'])[1 + s.n % 4], now() - make_interval(mins => s.n)
      from s join bench_person p on p.n = case when s.n <= ${CASELOAD} then s.n else 1 + (s.n::bigint * 7919) % ${N.persons} end`,
  );
  // Case 1 (in the bench worker's caseload) has BIG_CASE_ENTRIES entries; the rest spread over all cases.
  await chunked(
    database,
    'timeline entries',
    N.entries,
    (a, b) => `insert into case_entries (tenant_id, case_id, kind, body, author_user_id, created_at)
      select '${tenantId}', c.id, (array['note','note','note','assessment','plan_change','referral_event','service_delivered'])[1 + e.n % 7],
        jsonb_build_object('text', 'Σημείωση ' || e.n), '${workerId}', now() - make_interval(secs => e.n)
      from generate_series(${a}, ${b}) e(n)
      join bench_case c on c.n = case when e.n <= ${BIG_CASE_ENTRIES} then 1 else 2 + (e.n % ${N.cases - 1}) end`,
  );
  await chunked(
    database,
    'service deliveries',
    N.deliveries,
    (a, b) => `insert into service_deliveries (tenant_id, structure_id, service, person_id, delivered_at, quantity)
      select '${tenantId}', '${kem.id}', '${service.slug}', p.id, now() - make_interval(mins => d.n % 525600), 1
      from generate_series(${a}, ${b}) d(n) join bench_person p on p.n = 1 + (d.n::bigint * 104729) % ${N.persons}`,
  );
  say('  analyse');
  await database.query('select merimna_refresh_statistics()');
  const big = await one<{ id: string }>(`select id from bench_case where n = 1`);
  const persons = await database.query<{ id: string }>(`select id from bench_person where n <= ${KEM_PERSONS} order by n`);
  return { bigCase: big.id, service: service.slug, persons: persons.map((p) => p.id) };
}

async function main() {
  const { database, stop } = await openBenchDatabase();
  try {
    await run(database);
  } finally {
    // A failed run stops the server it started too (and removes its data directory).
    await stop();
  }
}

async function run(database: Database) {
  await migrate(database);
  const tenantId = await ensureTenant(database, DEFAULT_TENANT.slug, DEFAULT_TENANT.name);
  await seedDemo(database, tenantId, { production: false });
  const worker = await findUserByUsername(database.db, tenantId, 'socialworker');
  if (!worker) throw new Error('no socialworker user in the demo');
  say(`fixture: ${N.persons} persons, ${N.cases} cases, ${N.entries} entries, ${N.deliveries} deliveries (${args.db})`);
  const loadStarted = performance.now();
  const fixture = await loadFixture(database, tenantId, worker.id);
  const loadSeconds = Math.round((performance.now() - loadStarted) / 1000);
  await database.assumeRole('merimna_app');

  const config = loadConfig({ NODE_ENV: 'test', MERIMNA_LOG_LEVEL: 'silent', MERIMNA_WEB_DIR: 'dist/web' });
  const app = await buildApp({ config, database, tenantId });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
  const token = (await createApiToken(database.db, tenantId, worker.id, { expiresInMs: 3_600_000, label: 'bench' })).token;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let errors = 0;
  const call = async (method: string, url: string, body?: unknown): Promise<number> => {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    await res.arrayBuffer();
    if (res.status >= 300) {
      errors++;
      if (errors <= 5) say(`  ${method} ${url.split('?')[0]} answered ${res.status}`);
    }
    return performance.now() - t0;
  };
  const repeat = async (n: number, f: (i: number) => Promise<number>) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(await f(i));
    return out;
  };
  const n = Number(args.iterations);
  // Warm the caches the way a morning's first requests do.
  await repeat(20, () => call('GET', `/cases/${fixture.bigCase}`));

  say('measuring: opening the case of 2,000 entries');
  const openCase = await repeat(n, async () => {
    const t0 = performance.now();
    await Promise.all([call('GET', `/cases/${fixture.bigCase}`), call('GET', `/cases/${fixture.bigCase}/timeline?limit=50`)]);
    return performance.now() - t0;
  });
  say('measuring: the caseload of 500');
  const caseload = await repeat(n, () => call('GET', `/cases?assigned=me&limit=500`));
  say('measuring: recording a service delivery');
  const delivery = await repeat(n, (i) =>
    call('POST', '/service-deliveries', {
      structure: 'kem',
      service: fixture.service,
      person: fixture.persons[i % fixture.persons.length],
    }),
  );
  const serialErrors = errors;

  // The mixed workload: each client loops over a caseload read, a case opening, a note, a delivery.
  say(`measuring: ${args.workers} concurrent workers for ${args.seconds} s`);
  const until = performance.now() + Number(args.seconds) * 1000;
  const mixed: number[] = [];
  let requests = 0;
  const client = async (w: number) => {
    for (let i = 0; performance.now() < until; i++) {
      const step = (w + i) % 4;
      const ms =
        step === 0
          ? await call('GET', `/cases?assigned=me&limit=50`)
          : step === 1
            ? await call('GET', `/cases/${fixture.bigCase}/timeline?limit=50`)
            : step === 2
              ? await call('POST', `/cases/${fixture.bigCase}/timeline`, { kind: 'note', text: `Σημείωση ${w}-${i}` })
              : await call('POST', '/service-deliveries', {
                  structure: 'kem',
                  service: fixture.service,
                  person: fixture.persons[(w * 97 + i) % fixture.persons.length],
                });
      mixed.push(ms);
      requests++;
    }
  };
  const mixedStarted = performance.now();
  await Promise.all(Array.from({ length: Number(args.workers) }, (_, w) => client(w)));
  const mixedSeconds = (performance.now() - mixedStarted) / 1000;
  await app.close();

  const result = {
    db: args.db,
    ...N,
    fixtureSeconds: loadSeconds,
    openCaseOf2000EntriesMs: summary(openCase),
    caseloadOf500Ms: summary(caseload),
    recordDeliveryMs: summary(delivery),
    mixed: {
      workers: Number(args.workers),
      seconds: Math.round(mixedSeconds),
      requests,
      requestsPerSecond: Math.round(requests / mixedSeconds),
      latencyMs: summary(mixed),
      errors: errors - serialErrors,
    },
    serialErrors,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
