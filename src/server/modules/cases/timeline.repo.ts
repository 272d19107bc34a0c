import { sql, type SQL } from 'drizzle-orm';
import type { SensitivityLabel } from '../../../shared/access.js';
import type { EntryKind } from '../../../shared/cases/lists.js';
import { bulkInsert, type BulkColumn } from '../../platform/db/bulk.js';
import { sqlRows, type Db } from '../../platform/db/database.js';
import { ISO, POS } from './cases.repo.js';
import type { Position } from './cursor.js';

/** A timeline entry with its author's names and whether a later correction replaced it. */
export interface EntryRow {
  id: string;
  case_id: string;
  kind: EntryKind;
  body: Record<string, unknown>;
  sensitivity: SensitivityLabel | null;
  author_user_id: string | null;
  author_username: string | null;
  author_display_name: string | null;
  corrects_id: string | null;
  /** Whether a correction newer than this version exists. */
  superseded: boolean;
  created_at: string;
  /** Seconds since the entry was written, by the database's clock. */
  age_seconds: number;
  pos: string;
}

// A version is superseded when a correction of the same note (its first version's id) is newer.
const SELECT = sql`select e.id, e.case_id, e.kind, e.body, e.sensitivity, e.author_user_id, u.username as author_username,
    u.display_name as author_display_name, e.corrects_id,
    exists (select 1 from case_entries n where n.tenant_id = e.tenant_id and n.corrects_id = coalesce(e.corrects_id, e.id)
              and (n.created_at, n.id) > (e.created_at, e.id)) as superseded,
    ${ISO('e.created_at')} as created_at, extract(epoch from now() - e.created_at)::float8 as age_seconds,
    ${POS('e.created_at')} as pos
  from case_entries e left join users u on u.tenant_id = e.tenant_id and u.id = e.author_user_id`;

/** What the reader may see of a case's timeline: entries without a label, or with one they are cleared for. */
function clearedFor(cleared: readonly string[]): SQL {
  return sql`(e.sensitivity is null or e.sensitivity = any(${sql.param([...cleared])}::text[]))`;
}

/** A page of a case's timeline the reader may see, newest first, one more than the limit. */
export async function listEntries(
  db: Db,
  tenantId: string,
  f: { caseId: string; kind: EntryKind | null; cleared: readonly string[]; after: Position | null; limit: number },
): Promise<EntryRow[]> {
  const where: SQL[] = [sql`e.tenant_id = ${tenantId}`, sql`e.case_id = ${f.caseId}`, clearedFor(f.cleared)];
  if (f.kind) where.push(sql`e.kind = ${f.kind}`);
  if (f.after) where.push(sql`(e.created_at, e.id) < (${f.after.at}::timestamptz, ${f.after.id}::uuid)`);
  return sqlRows<EntryRow>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)} order by e.created_at desc, e.id desc limit ${f.limit + 1}`,
  );
}

/** How many entries of a case (of a kind) the reader may not see for their label. */
export async function hiddenCount(
  db: Db,
  tenantId: string,
  caseId: string,
  kind: EntryKind | null,
  cleared: readonly string[],
): Promise<number> {
  const [row] = await sqlRows<{ n: string }>(
    db,
    sql`select count(*) as n from case_entries e
         where e.tenant_id = ${tenantId} and e.case_id = ${caseId} and not ${clearedFor(cleared)}
           ${kind ? sql`and e.kind = ${kind}` : sql``}`,
  );
  return Number(row?.n ?? 0);
}

/** One entry of a case. */
export async function findEntry(db: Db, tenantId: string, caseId: string, id: string): Promise<EntryRow | undefined> {
  const [row] = await sqlRows<EntryRow>(
    db,
    sql`${SELECT} where e.tenant_id = ${tenantId} and e.case_id = ${caseId} and e.id = ${id}`,
  );
  return row;
}

/** The first version of a note, by id. */
export async function firstVersionAge(db: Db, tenantId: string, id: string): Promise<number | undefined> {
  const [row] = await sqlRows<{ age: number }>(
    db,
    sql`select extract(epoch from now() - created_at)::float8 as age from case_entries where tenant_id = ${tenantId} and id = ${id}`,
  );
  return row?.age;
}

/** An entry to append. */
export interface NewEntry {
  caseId: string;
  compartmentId: string | null;
  kind: EntryKind;
  body: Record<string, unknown>;
  sensitivity: SensitivityLabel | null;
  authorUserId: string | null;
  correctsId?: string | null;
}

const COLUMNS: BulkColumn[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'case_id', type: 'uuid' },
  { name: 'compartment_id', type: 'uuid' },
  { name: 'kind', type: 'text' },
  { name: 'body', type: 'jsonb' },
  { name: 'sensitivity', type: 'text' },
  { name: 'author_user_id', type: 'uuid' },
  { name: 'corrects_id', type: 'uuid' },
];

/** Appends entries to timelines; each takes its own clock time (the column default), so they keep the order given. */
export async function insertEntries(tx: Db, tenantId: string, entries: NewEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const rows = await sqlRows<{ id: string }>(
    tx,
    sql`${bulkInsert(
      'case_entries',
      COLUMNS,
      entries.map((e) => rowOf(tenantId, e)),
    )} returning id`,
  );
  return rows.map((r) => r.id);
}

function rowOf(tenantId: string, e: NewEntry): unknown[] {
  return [tenantId, e.caseId, e.compartmentId, e.kind, e.body, e.sensitivity, e.authorUserId, e.correctsId ?? null];
}
