import { sql } from 'drizzle-orm';
import type { Db } from './database.js';

/**
 * Refreshes the planner's statistics of the fast-growing tables (and so the plans cached on the
 * connection, foreign-key checks included). Safe to call as the application role.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`select merimna_refresh_statistics()`);
}

/**
 * Calls refreshStatistics when a table has grown much since the last call: after the first batch,
 * then each time the rows written double, so an import of n rows analyses about log2(n) times.
 */
export function statisticsRefresher(db: Db): (rowsWritten: number) => Promise<void> {
  let next = 1;
  return async (rowsWritten) => {
    if (rowsWritten < next) return;
    next = Math.max(rowsWritten * 2, 1);
    await refreshStatistics(db);
  };
}
