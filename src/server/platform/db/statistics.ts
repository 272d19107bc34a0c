import { sql } from 'drizzle-orm';
import { sqlRows, type Db } from './database.js';

/**
 * Refreshes the planner's statistics of the fast-growing tables (and so the plans cached on the
 * connection, foreign-key checks included). Safe to call as the application role.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`select merimna_refresh_statistics()`);
}

/** The planner's idea of how many persons there are (from the last ANALYZE; -1 before any). */
async function plannedPersons(db: Db): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(db, sql`select reltuples::float8 as n from pg_class where relname = 'persons'`);
  return row?.n ?? -1;
}

/** Past this size the plans (index scans) no longer change as the registry grows: no more refreshes are needed. */
const SETTLED = 20_000;

/**
 * Calls refreshStatistics while the planner still thinks the registry is small and it has at
 * least doubled since: an import into an empty registry analyses a few times early on, an import
 * into a large one not at all.
 */
export function statisticsRefresher(db: Db): (rowsWritten: number) => Promise<void> {
  let planned: number | null = null;
  let base = 0;
  return async (rowsWritten) => {
    planned ??= await plannedPersons(db);
    if (planned >= SETTLED) return;
    const now = Math.max(planned, 0) + (rowsWritten - base);
    if (base > 0 && now < 2 * Math.max(planned, 250)) return;
    base = rowsWritten;
    await refreshStatistics(db);
    planned = await plannedPersons(db);
  };
}
