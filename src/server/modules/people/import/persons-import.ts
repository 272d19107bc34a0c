import { sql } from 'drizzle-orm';
import { ZPersonCreate, type TPersonCreate } from '../../../../shared/people/person.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import { unsafeWithCompartments } from '../../../platform/auth/index.js';
import { sqlRows, type Db } from '../../../platform/db/database.js';
import { statisticsRefresher } from '../../../platform/db/statistics.js';
import { matchStoredRows, type BatchResult } from '../matching/batch.js';
import type { MatchRow } from '../matching/blocking.repo.js';
import { identifierValues, personValues } from '../people.keys.js';
import * as repo from '../people.repo.js';
import { insertPersons, type BulkRow } from './bulk.repo.js';
import { readCsv } from './csv.js';

/** The columns of an import file, in this order. */
export const IMPORT_HEADER = [
  'source_id',
  'given_name',
  'family_name',
  'father_name',
  'mother_name',
  'sex',
  'birth_date',
  'nationality',
  'amka',
  'afm',
  'paaypa',
  'id_card',
  'passport',
  'phone',
  'address',
] as const;

/** A row that could not be imported, with its line in the file and the reason. */
export interface BadRow {
  line: number;
  reason: string;
}

/** What an import did. */
export interface ImportSummary extends BatchResult {
  rows: number;
  imported: number;
  skipped: number;
  bad: number;
  seconds: number;
}

const ID_COLUMNS = [
  ['amka', 'amka'],
  ['afm', 'afm'],
  ['paaypa', 'paaypa'],
  ['id_card', 'id_card'],
  ['passport', 'passport'],
] as const;

const ZRow = ZPersonCreate.required({ sourceId: true });

/** A CSV row as a registration, or the reason it is not one (field names only: never the values). */
export function rowToPerson(
  cells: Record<(typeof IMPORT_HEADER)[number], string>,
): { person: TPersonCreate } | { reason: string } {
  if (!cells.source_id.trim()) return { reason: 'source_id is empty' };
  if (!cells.given_name.trim() && !cells.family_name.trim()) return { reason: 'given_name and family_name are both empty' };
  const blank = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const candidate = {
    sourceId: cells.source_id.trim(),
    // A person with one name recorded as the family name: the name is the given name.
    givenName: blank(cells.given_name) ?? cells.family_name.trim(),
    familyName: blank(cells.given_name) ? cells.family_name.trim() : '',
    fatherName: blank(cells.father_name) ?? null,
    motherName: blank(cells.mother_name) ?? null,
    sex: blank(cells.sex) ?? null,
    birthDate: blank(cells.birth_date) ?? null,
    nationality: blank(cells.nationality)?.toUpperCase() ?? null,
    phone: blank(cells.phone) ?? null,
    address: blank(cells.address) ?? null,
    identifiers: ID_COLUMNS.flatMap(([column, type]) => (blank(cells[column]) ? [{ type, value: cells[column].trim() }] : [])),
  };
  const parsed = ZRow.safeParse(candidate);
  if (parsed.success) return { person: parsed.data };
  const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
  const column: Record<string, string> = {
    givenName: 'given_name',
    familyName: 'family_name',
    fatherName: 'father_name',
    motherName: 'mother_name',
    birthDate: 'birth_date',
    sourceId: 'source_id',
  };
  return { reason: `invalid ${fields.map((f) => column[f] ?? f).join(', ')}` };
}

/**
 * Imports a structure's old list: each good row becomes a registration at the structure, in
 * batches that each commit on their own (an interruption loses no committed batch), rows already
 * imported (same source_id at the structure) are skipped, and the matcher links or queues the
 * duplicates of each batch against the whole registry (and the batches before it).
 */
export async function importPersons(
  db: Db,
  audit: AuditContext,
  args: {
    structure: string;
    input: AsyncIterable<string | Buffer>;
    batchSize?: number;
    onBadRow?: (bad: BadRow) => void;
    onProgress?: (s: ImportSummary) => void;
  },
): Promise<ImportSummary> {
  const started = Date.now();
  const found = await unsafeWithCompartments(db, [], (tx) => repo.findStructure(tx, audit.tenantId, args.structure));
  if (!found) throw new Error(`No structure ${args.structure}.`);
  const structure = found;
  const compartment = structure.confidential ? structure.id : null;
  const s: ImportSummary = { rows: 0, imported: 0, skipped: 0, bad: 0, compared: 0, autoLinked: 0, queued: 0, seconds: 0 };
  let header: string[] | null = null;
  let batch: { line: number; person: TPersonCreate }[] = [];
  const refresh = statisticsRefresher(db);
  let writing: Promise<void> = Promise.resolve();

  const flush = async (rows: { line: number; person: TPersonCreate }[]) => {
    if (rows.length === 0) return;
    await unsafeWithCompartments(db, compartment ? [compartment] : [], async (tx) => {
      const existing = await existingSources(
        tx,
        audit.tenantId,
        structure.id,
        rows.map((r) => r.person.sourceId ?? ''),
      );
      const seen = new Set<string>();
      const fresh = rows.filter((r) => {
        const id = r.person.sourceId ?? '';
        if (existing.has(id) || seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      s.skipped += rows.length - fresh.length;
      if (fresh.length === 0) return;
      const bulk = fresh.map((r) => ({
        values: personValues(r.person),
        identifiers: identifierValues(r.person.identifiers ?? []),
        sourceId: r.person.sourceId ?? null,
      }));
      const ids = await insertPersons(tx, audit.tenantId, { structureId: structure.id, compartmentId: compartment, rows: bulk });
      await recordAudit(
        tx,
        audit,
        ids.map((id) => ({
          action: 'person.imported' as const,
          entityType: 'person',
          entityId: id,
          personId: id,
          structureId: structure.id,
        })),
      );
      const stored = bulk.map((b, i) => matchRowOf(ids[i] ?? '', b));
      const matched = await matchStoredRows(tx, audit, compartment, ids, { fresh: true, rows: stored });
      s.imported += ids.length;
      s.compared += matched.compared;
      s.autoLinked += matched.autoLinked;
      s.queued += matched.queued;
    });
    // Plans cached while the registry was small (a scan per foreign-key check) would slow every later batch.
    await refresh(s.imported);
    s.seconds = (Date.now() - started) / 1000;
    args.onProgress?.(s);
  };

  try {
    await readRows();
  } catch (error) {
    // Nothing goes on writing after the import has returned: the batch in flight ends first.
    await writing.catch(() => undefined);
    throw error;
  }
  await writing;
  if (header === null) throw new Error('The file is empty: it has no header line.');
  await flush(batch);
  s.seconds = (Date.now() - started) / 1000;
  return s;

  async function readRows() {
    for await (const { line, fields } of readCsv(args.input)) {
      if (header === null) {
        header = fields.map((f) => f.trim().toLowerCase());
        const missing = IMPORT_HEADER.filter((h) => !header?.includes(h));
        const unknown = header.filter((h) => !(IMPORT_HEADER as readonly string[]).includes(h));
        if (missing.length || unknown.length) {
          throw new Error(
            `The header must be ${IMPORT_HEADER.join(',')}` +
              `${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`,
          );
        }
        continue;
      }
      if (fields.length === 1 && fields[0]?.trim() === '') continue;
      s.rows++;
      if (fields.length !== header.length) {
        s.bad++;
        args.onBadRow?.({ line, reason: `${fields.length} fields where the header has ${header.length}` });
        continue;
      }
      const cells = Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ''])) as Record<
        (typeof IMPORT_HEADER)[number],
        string
      >;
      const result = rowToPerson(cells);
      if ('reason' in result) {
        s.bad++;
        args.onBadRow?.({ line, reason: result.reason });
        continue;
      }
      batch.push({ line, person: result.person });
      if (batch.length >= (args.batchSize ?? 500)) {
        // The next batch is read and checked while this one is written and matched (one at a time,
        // in order: each batch is matched against the ones before it).
        await writing;
        writing = flush(batch);
        writing.catch(() => undefined);
        batch = [];
      }
    }
  }
}

/** A row just inserted, as the matcher reads it from the database (its own cluster). */
export function matchRowOf(id: string, row: BulkRow): MatchRow {
  const v = row.values;
  return {
    id,
    cluster_id: id,
    given_name: v.given_name,
    family_name: v.family_name,
    father_name: v.father_name,
    mother_name: v.mother_name,
    sex: v.sex,
    birth_date: v.birth_date,
    birth_date_approximate: v.birth_date_approximate,
    identifiers: row.identifiers.map((i) => ({ type: i.type, value: i.value, valid: i.valid })),
  };
}

async function existingSources(tx: Db, tenantId: string, structureId: string, sourceIds: string[]): Promise<Set<string>> {
  const rows = await sqlRows<{ source_id: string }>(
    tx,
    sql`select source_id from registrations where tenant_id = ${tenantId} and structure_id = ${structureId}
          and source_id = any(${sql.param(sourceIds)}::text[])`,
  );
  return new Set(rows.map((r) => r.source_id));
}
