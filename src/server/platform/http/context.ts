import type { Config } from '../../config.js';
import type { RouteTable } from '../auth/access.js';
import type { Database } from '../db/database.js';

/** What every route can reach: configuration, the database and the tenant this server runs for. */
export interface AppContext {
  config: Config;
  database: Database;
  tenantId: string;
  /** Every API route with the access it declared (filled as routes register). */
  routeTable: RouteTable;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
