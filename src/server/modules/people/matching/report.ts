import { sql } from 'drizzle-orm';
import { unsafeWithCompartments } from '../../../platform/auth/index.js';
import { sqlRows, type Db } from '../../../platform/db/database.js';
import { compartments, pairsOfRows, rowPage, type MatchedPair } from './batch.js';

/** A pair of the report, named by the registrations' ids in their structures' old lists. */
export interface ReportPair {
  sourceA: string;
  sourceB: string;
  score: number;
  decision: 'auto' | 'review';
}

async function sourceIds(tx: Db, tenantId: string, rowIds: string[]): Promise<Map<string, string>> {
  const rows = await sqlRows<{ person_id: string; source_id: string }>(
    tx,
    sql`select distinct on (person_id) person_id, coalesce(source_id, id::text) as source_id from registrations
         where tenant_id = ${tenantId} and person_id = any(${sql.param(rowIds)}::uuid[]) order by person_id, registered_at`,
  );
  return new Map(rows.map((r) => [r.person_id, r.source_id]));
}

/**
 * Every pair of registrations the matcher considers the same person (auto) or a candidate
 * (review), read only, compartment by compartment, page by page; each pair once, with its best score.
 */
export async function matchReport(
  db: Db,
  tenantId: string,
  emit: (pair: ReportPair) => void,
  options: { pageSize?: number; onProgress?: (rows: number) => void } = {},
): Promise<{ rows: number; pairs: number }> {
  let rows = 0;
  let pairs = 0;
  const parts = await unsafeWithCompartments(db, [], (tx) => compartments(tx, tenantId));
  for (const compartment of parts) {
    const best = new Map<string, MatchedPair>();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await unsafeWithCompartments(db, compartment ? [compartment] : [], async (tx) => {
        const ids = await rowPage(tx, tenantId, compartment, after, options.pageSize ?? 500);
        return { ids, found: ids.length ? await pairsOfRows(tx, tenantId, compartment, ids) : [] };
      });
      if (page.ids.length === 0) break;
      for (const p of page.found) {
        const key = `${p.a}|${p.b}`;
        const current = best.get(key);
        if (!current || current.weight < p.weight) best.set(key, p);
      }
      rows += page.ids.length;
      after = page.ids[page.ids.length - 1] ?? after;
      options.onProgress?.(rows);
    }
    const list = [...best.values()];
    for (let i = 0; i < list.length; i += 1000) {
      const slice = list.slice(i, i + 1000);
      const names = await unsafeWithCompartments(db, compartment ? [compartment] : [], (tx) =>
        sourceIds(tx, tenantId, [...new Set(slice.flatMap((p) => [p.a, p.b]))]),
      );
      for (const p of slice) {
        // Each pair named in the order of its source ids, so that a report reads the same every time.
        const [sourceA, sourceB] = [names.get(p.a) ?? p.a, names.get(p.b) ?? p.b].sort();
        emit({ sourceA: sourceA ?? '', sourceB: sourceB ?? '', score: p.probability, decision: p.decision });
        pairs++;
      }
    }
  }
  return { rows, pairs };
}
