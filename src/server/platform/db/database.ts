import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.js';
import { lockDataDir } from './data-dir-lock.js';
import { DurableNodeFS, durableStartParams } from './durable-fs.js';

/** The typed query handle every repository takes: a database or a transaction. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** Raw SQL inside a transaction. */
export interface SqlTx {
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
  exec(sql: string): Promise<void>;
}

/** Pool figures exported as metrics. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** An open database, embedded or server, behind one interface. */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs one or more SQL statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn inside one transaction on one connection. */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  poolStats(): PoolStats;
  /**
   * From now on work as `role` (the application role without superuser rights). Returns false
   * when the role does not exist. PGlite: SET ROLE on its one connection; a server: every
   * connection of the pool, new ones included.
   */
  assumeRole(role: string): Promise<boolean>;
  close(): Promise<void>;
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function roleExists(query: (sql: string, params: unknown[]) => Promise<unknown[]>, role: string): Promise<boolean> {
  if (!ROLE_NAME.test(role)) throw new Error(`Invalid role name ${role}`);
  return (await query('select 1 from pg_roles where rolname = $1', [role])).length > 0;
}

/** Where to open: the configured database, or a throw-away in-memory PGlite (tests). */
export type OpenOptions = DatabaseConfig | { kind: 'pglite-memory' };

const extensions = { pg_trgm, unaccent, btree_gist };

async function openPglite(dataDir: string | null): Promise<Database> {
  let client: PGlite;
  let release: () => void = () => undefined;
  if (dataDir === null) {
    client = await PGlite.create({ extensions });
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    // One process per data directory: PGlite itself does not lock it.
    release = lockDataDir(dataDir);
    try {
      client = await PGlite.create({ fs: new DurableNodeFS(dataDir), extensions, startParams: durableStartParams() });
    } catch (error) {
      release();
      throw error;
    }
  }
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async exec(sql) {
      await client.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(sql, params)).rows;
    },
    async transaction(fn) {
      return client.transaction(async (tx) =>
        fn({
          query: async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    async assumeRole(role) {
      if (!(await roleExists(async (q, p) => (await client.query(q, p)).rows, role))) return false;
      await client.exec(`SET ROLE ${role}`);
      return true;
    },
    async close() {
      await client.close();
      release();
    },
  };
}

function newPool(url: string, poolSize: number, role: string | null): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    // The role is set at connection start-up, before any query of ours can run.
    ...(role ? { options: `-c role=${role}` } : {}),
  });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  let pool = newPool(url, poolSize, null);
  let db = drizzlePg(pool) as unknown as Db;
  return {
    kind: 'postgres',
    get db() {
      return db;
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async assumeRole(name) {
      if (!(await roleExists(async (q, p) => (await pool.query<{ one: number }>(q, p)).rows, name))) return false;
      // The migrations' connections close; every new one starts as the role.
      const old = pool;
      pool = newPool(url, poolSize, name);
      db = drizzlePg(pool);
      await old.end();
      return true;
    },
    async close() {
      await pool.end();
    },
  };
}

/** Opens the database named by the configuration. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  switch (options.kind) {
    case 'pglite':
      return openPglite(options.dataDir);
    case 'pglite-memory':
      return openPglite(null);
    case 'postgres':
      return openPostgres(options.url, options.poolSize);
  }
}

/** Rows of a raw SQL statement run through Drizzle, on either driver. */
export async function sqlRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
