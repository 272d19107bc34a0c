import fs from 'node:fs';
import { importPersons, matchReport, scanRegistry, type ImportSummary } from '../modules/people/index.js';
import { recordAudit, type AuditContext } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/database.js';

const err = (text: string) => process.stderr.write(text);

/** A progress bar on a terminal, a line every few seconds otherwise. */
function progress(total: number | null) {
  let last = 0;
  return (done: number, extra: string) => {
    const now = Date.now();
    if (!process.stderr.isTTY && now - last < 5000) return;
    last = now;
    const share = total ? Math.min(1, done / total) : null;
    const bar = share === null ? '' : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${Math.round(share * 100)}% `;
    err(
      `${process.stderr.isTTY ? '\r' : ''}${bar}${done}${total ? `/${total}` : ''} ${extra}${process.stderr.isTTY ? '' : '\n'}`,
    );
  };
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of fs.createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) lines++;
  }
  return Math.max(0, lines - 1);
}

/** merimna import persons FILE --structure SLUG */
export async function importCommand(
  db: Db,
  audit: AuditContext,
  a: { file: string; structure: string; batchSize: string | undefined },
) {
  if (!fs.existsSync(a.file)) throw new Error(`No file ${a.file}.`);
  const batchSize = a.batchSize ? Number(a.batchSize) : 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)
    throw new Error('--batch-size must be a whole number from 1 to 5000.');
  const show = progress(await countLines(a.file));
  const rate = (s: ImportSummary) => `rows, ${Math.round(s.rows / Math.max(s.seconds, 0.001))} rows/s`;
  const summary = await importPersons(
    db,
    { ...audit, actorLabel: 'cli:import' },
    {
      structure: a.structure,
      input: fs.createReadStream(a.file),
      batchSize,
      onBadRow: (bad) => err(`${process.stderr.isTTY ? '\r\x1b[K' : ''}line ${bad.line}: ${bad.reason}\n`),
      onProgress: (s) => show(s.rows, rate(s)),
    },
  );
  if (process.stderr.isTTY) err('\n');
  process.stdout.write(
    `Imported ${summary.imported} of ${summary.rows} rows (${summary.skipped} already imported, ${summary.bad} bad) in ` +
      `${summary.seconds.toFixed(1)} s, ${Math.round(summary.rows / Math.max(summary.seconds, 0.001))} rows/s; ` +
      `${summary.autoLinked} linked as duplicates, ${summary.queued} pairs queued for review.\n`,
  );
  if (summary.bad > 0) process.exitCode = 1;
}

/** merimna match scan */
export async function matchScanCommand(db: Db, audit: AuditContext) {
  const started = Date.now();
  const show = progress(null);
  const r = await scanRegistry(db, { ...audit, actorLabel: 'cli:match' }, { onProgress: (n) => show(n, 'rows compared') });
  if (process.stderr.isTTY) err('\n');
  process.stdout.write(
    `Compared ${r.compared} records in ${((Date.now() - started) / 1000).toFixed(1)} s: ${r.autoLinked} linked, ${r.queued} pairs queued for review.\n`,
  );
}

/** merimna match report [--out FILE]: an export of personal data (registration ids), so it is on the audit trail. */
export async function matchReportCommand(db: Db, audit: AuditContext, out: string | undefined) {
  const tenantId = audit.tenantId;
  const stream = out ? fs.createWriteStream(out) : process.stdout;
  const write = (line: string) => {
    stream.write(`${line}\n`);
  };
  write('source_id_a,source_id_b,score,decision');
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const show = progress(null);
  const r = await matchReport(
    db,
    tenantId,
    (p) => write(`${quote(p.sourceA)},${quote(p.sourceB)},${p.score.toFixed(6)},${p.decision}`),
    {
      onProgress: (n) => show(n, 'rows'),
    },
  );
  if (out)
    await new Promise<void>((resolve, reject) =>
      (stream as fs.WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
  if (process.stderr.isTTY) err('\n');
  await db.transaction((tx) =>
    recordAudit(tx, { ...audit, actorLabel: 'cli:match-report' }, [
      {
        action: 'person.exported',
        entityType: 'match_report',
        changes: { pairs: r.pairs, records: r.rows, to: out ? 'file' : 'stdout' },
      },
    ]),
  );
  err(`${r.pairs} pairs from ${r.rows} records${out ? ` written to ${out}` : ''}.\n`);
}
