// The people-registry benchmark: a seeded synthetic population (bench/people) imported structure by
// structure through the real import, then the matcher's decisions scored against the ground truth,
// and the intake candidate search timed through the HTTP API.
// Usage: npx tsx bench/people-linkage.ts [--persons 100000] [--seed 42] [--db pglite|postgres] [--intake 1000]
// PostgreSQL: DATABASE_URL, or a server the script starts itself (durable settings: fsync on).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { importPersons } from '../src/server/modules/people/index.js';
import { findCandidates, inputOfRow } from '../src/server/modules/people/matching/matcher.js';
import { matchRows } from '../src/server/modules/people/matching/blocking.repo.js';
import { createApiToken, findUserByUsername, unsafeWithCompartments } from '../src/server/platform/auth/index.js';
import { openDatabase, sqlRows, type Database } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { DEFAULT_TENANT, ensureTenant } from '../src/server/platform/tenancy.js';
import { seedDemo } from '../src/server/runtime.js';
import { startPostgresServer } from '../test/helpers/postgres-server.js';
import { generatePopulation, type SyntheticRecord } from './people/generate.js';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    db: { type: 'string', default: 'pglite' },
    intake: { type: 'string', default: '1000' },
    // Evaluate a registry imported by an earlier run (DATABASE_URL), without importing again.
    'skip-import': { type: 'boolean', default: false },
    // Score this share of the records (their pairs with the whole registry); 1 = all of them.
    sample: { type: 'string', default: '1' },
  },
});
const persons = Number(args.persons);
const say = (text: string) => process.stderr.write(`${text}\n`);
const HEADER =
  'source_id,given_name,family_name,father_name,mother_name,sex,birth_date,nationality,amka,afm,paaypa,id_card,passport,phone,address';
const COLUMNS = HEADER.split(',').slice(1) as (keyof SyntheticRecord)[];
const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

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
  if (process.env.DATABASE_URL) {
    const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL, poolSize: 10 });
    return { database, stop: () => database.close() };
  }
  const server = await startPostgresServer({ durable: true });
  const database = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 10 });
  return {
    database,
    stop: async () => {
      await database.close();
      await server.stop();
    },
  };
}

async function main() {
  const { database, stop } = await openBenchDatabase();
  await migrate(database);
  const tenantId = await ensureTenant(database, DEFAULT_TENANT.slug, DEFAULT_TENANT.name);
  if (!args['skip-import']) await seedDemo(database, tenantId, { production: false });
  await database.assumeRole('merimna_app');

  // The population, streamed to one file per structure (as each structure keeps its own list); only
  // a compact truth stays in memory, so that the import is measured as the command would see it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-population-'));
  const files = new Map<string, fs.WriteStream>();
  const truth = new Map<string, Truth>();
  const drafts: SyntheticRecord[] = [];
  let count = 0;
  for (const r of generatePopulation({ persons, seed: Number(args.seed) })) {
    truth.set(r.sourceId, { person: r.truthPersonId, group: r.group, corruptions: r.corruptions });
    if (count % 1327 === 0 && drafts.length < Number(args.intake)) drafts.push(r);
    count++;
    if (args['skip-import']) continue;
    let out = files.get(r.structure);
    if (!out) {
      out = fs.createWriteStream(path.join(dir, `${r.structure}.csv`));
      out.write(`${HEADER}\n`);
      files.set(r.structure, out);
    }
    if (!out.write(`${[r.sourceId, ...COLUMNS.map((c) => String(r[c] ?? ''))].map(quote).join(',')}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await Promise.all([...files.values()].map((f) => new Promise((resolve) => f.end(resolve))));
  say(`${count} records of ${persons} persons in ${files.size} structures (${args.db})`);

  const audit = { tenantId, actorUserId: null, actorLabel: 'bench', requestId: null, ip: null };
  const started = performance.now();
  let queued = 0;
  let autoLinked = 0;
  let imported = 0;
  for (const structure of args['skip-import'] ? [] : files.keys()) {
    let lastReport = performance.now();
    const s = await importPersons(database.db, audit, {
      structure,
      input: fs.createReadStream(path.join(dir, `${structure}.csv`)),
      onProgress: (p) => {
        if (performance.now() - lastReport < 30_000) return;
        lastReport = performance.now();
        say(`    ${structure}: ${p.rows} rows, ${Math.round(p.rows / p.seconds)} rows/s in this file`);
      },
    });
    queued += s.queued;
    autoLinked += s.autoLinked;
    imported += s.imported;
    say(`  ${structure}: ${s.imported} rows; ${Math.round(imported / ((performance.now() - started) / 1000))} rows/s so far`);
  }
  const importSeconds = (performance.now() - started) / 1000;

  // Score every registration against the registry: blocking recall, and the decisions.
  const evalStarted = performance.now();
  const rowSource = new Map<string, string>();
  const sourceRows = await unsafeWithCompartments(database.db, [], (tx) =>
    sqlRows<{ person_id: string; source_id: string }>(
      tx,
      sql`select person_id, source_id from registrations where tenant_id = ${tenantId} and source_id is not null`,
    ),
  );
  for (const r of sourceRows) rowSource.set(r.person_id, r.source_id);
  const candidateTrue = new Set<string>();
  const decided = new Map<string, 'auto' | 'review'>();
  // A sample of the records (every record when --sample is 1), chosen by a hash of the id so that runs agree.
  const share = Number(args.sample);
  const ids = [...rowSource.keys()].filter((id) => share >= 1 || parseInt(id.slice(0, 8), 16) / 0xffffffff < share).sort();
  const sampled = new Set(ids.map((id) => rowSource.get(id) ?? ''));
  for (let i = 0; i < ids.length; i += 500) {
    if (i % 20_000 === 0)
      say(
        `  evaluated ${i} of ${ids.length} records, ${Math.round(i / ((performance.now() - evalStarted) / 1000 || 1))} records/s`,
      );
    const page = ids.slice(i, i + 500);
    await unsafeWithCompartments(database.db, [], async (tx) => {
      const rows = await matchRows(tx, tenantId, page);
      const items = rows.map((r, idx) => ({ idx, input: inputOfRow(r), self: { rowId: r.id, clusterId: r.id } }));
      const found = await findCandidates(tx, tenantId, null, items, { byRow: true });
      for (const item of items) {
        const a = rowSource.get(item.self.rowId) ?? '';
        for (const c of found.get(item.idx) ?? []) {
          const b = rowSource.get(c.rowId) ?? '';
          const key = a < b ? `${a}|${b}` : `${b}|${a}`;
          if (truth.get(a)?.person === truth.get(b)?.person) candidateTrue.add(key);
          if (c.score.decision !== 'none') {
            const before = decided.get(key);
            if (before !== 'auto') decided.set(key, c.score.decision);
          }
        }
      }
    });
  }
  const evalSeconds = (performance.now() - evalStarted) / 1000;

  // Ground truth pairs.
  const groups = new Map<string, string[]>();
  for (const [sourceId, t] of truth) {
    const g = groups.get(t.person) ?? [];
    g.push(sourceId);
    groups.set(t.person, g);
  }
  const truePairs: [string, string][] = [];
  for (const g of groups.values())
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) truePairs.push([g[i]!, g[j]!]);
  // With a sample, the pairs that have a sampled record on one side at least (their candidates were looked up).
  const scoredPairs = truePairs.filter(([sa, sb]) => share >= 1 || sampled.has(sa) || sampled.has(sb));
  const keyOf = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const isTrue = (key: string) => {
    const [a, b] = key.split('|');
    return truth.get(a ?? '')?.person === truth.get(b ?? '')?.person;
  };
  const score = (keys: string[]) => {
    const tp = keys.filter(isTrue).length;
    const precision = keys.length ? tp / keys.length : 1;
    const recall = scoredPairs.length ? tp / scoredPairs.length : 1;
    return {
      pairs: keys.length,
      tp,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    };
  };
  const autoKeys = [...decided].filter(([, d]) => d === 'auto').map(([k]) => k);
  const anyKeys = [...decided.keys()];
  const byCode = new Map<string, { total: number; found: number }>();
  const byGroup = new Map<string, { total: number; found: number }>();
  for (const [sa, sb] of scoredPairs) {
    const found = decided.has(keyOf(sa, sb));
    const a = truth.get(sa)!;
    const b = truth.get(sb)!;
    for (const code of new Set([...a.corruptions, ...b.corruptions])) {
      const s = byCode.get(code) ?? { total: 0, found: 0 };
      s.total++;
      if (found) s.found++;
      byCode.set(code, s);
    }
    const g = byGroup.get(a.group) ?? { total: 0, found: 0 };
    g.total++;
    if (found) g.found++;
    byGroup.set(a.group, g);
  }

  // Intake: the candidate search as the front desk types a whole record, through the HTTP API.
  const config = loadConfig({ NODE_ENV: 'test', MERIMNA_LOG_LEVEL: 'silent', MERIMNA_WEB_DIR: 'dist/web' });
  const app = await buildApp({ config, database, tenantId });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const user = await findUserByUsername(database.db, tenantId, 'frontdesk');
  const token = (await createApiToken(database.db, tenantId, user?.id ?? '', { expiresInMs: 3_600_000, label: 'bench' })).token;
  const latencies: number[] = [];
  const n = Number(args.intake);
  for (let i = 0; i < n; i++) {
    const r = drafts[i % drafts.length]!;
    const body = {
      givenName: r.given_name,
      familyName: r.family_name,
      fatherName: r.father_name || undefined,
      sex: r.sex || null,
      birthDate: r.birth_date || null,
      identifiers: [
        ...(r.amka ? [{ type: 'amka', value: r.amka }] : []),
        ...(r.afm ? [{ type: 'afm', value: r.afm }] : []),
        ...(r.paaypa ? [{ type: 'paaypa', value: r.paaypa }] : []),
        ...(r.passport ? [{ type: 'passport', value: r.passport }] : []),
      ],
    };
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/persons/match`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`match answered ${res.status}`);
    latencies.push(performance.now() - t0);
  }
  await app.close();

  const result = {
    db: args.db,
    persons,
    records: count,
    truePairs: truePairs.length,
    importRowsPerSecond: Math.round(count / importSeconds),
    importSeconds: Math.round(importSeconds),
    autoLinkedAtImport: autoLinked,
    reviewQueuePer1000Intakes: Math.round((queued / count) * 10000) / 10,
    candidateRecall: candidateTrue.size / scoredPairs.length,
    sample: share,
    scoredTruePairs: scoredPairs.length,
    auto: score(autoKeys),
    autoPlusReview: score(anyKeys),
    recallByCorruption: Object.fromEntries(
      [...byCode].sort().map(([k, v]) => [k, Math.round((v.found / v.total) * 1000) / 1000]),
    ),
    recallByGroup: Object.fromEntries([...byGroup].map(([k, v]) => [k, Math.round((v.found / v.total) * 1000) / 1000])),
    intakeMs: { p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99) },
    evaluationSeconds: Math.round(evalSeconds),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  await stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** What the evaluation keeps of a record: whose it truly is, its group and what was done to it. */
interface Truth {
  person: string;
  group: SyntheticRecord['group'];
  corruptions: readonly string[];
}

await main();
