import path from 'node:path';
import { z } from 'zod';

const ZBool = z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  MERIMNA_DATA_DIR: z.string().default('./data'),
  MERIMNA_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  MERIMNA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MERIMNA_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  MERIMNA_DEMO: ZBool.default(true),
  MERIMNA_DIRECTORY_WRITE_API: ZBool.default(false),
  MERIMNA_WEB_DIR: z.string().default('./dist/web'),
  MERIMNA_TRUST_PROXY: ZBool.default(false),
});

/** Where the data lives: PGlite in the process, or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  logLevel: string;
  bodyLimit: number;
  demo: boolean;
  directoryWriteApi: boolean;
  webDir: string;
  trustProxy: boolean;
}

/** Reads and validates the configuration; throws with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.MERIMNA_DB_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.resolve(e.MERIMNA_DATA_DIR) },
    logLevel: e.MERIMNA_LOG_LEVEL,
    bodyLimit: e.MERIMNA_BODY_LIMIT,
    demo: e.NODE_ENV === 'production' ? false : e.MERIMNA_DEMO,
    directoryWriteApi: e.MERIMNA_DIRECTORY_WRITE_API,
    webDir: path.resolve(e.MERIMNA_WEB_DIR),
    trustProxy: e.MERIMNA_TRUST_PROXY,
  };
}
