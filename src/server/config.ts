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
  MERIMNA_DB_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .default('merimna_app'),
  MERIMNA_DB_NO_APP_ROLE: ZBool.default(false),
  MERIMNA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MERIMNA_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  MERIMNA_DEMO: ZBool.default(true),
  MERIMNA_WEB_DIR: z.string().default('./dist/web'),
  MERIMNA_TRUST_PROXY: ZBool.default(false),
  MERIMNA_SECURE_COOKIES: ZBool.optional(),
  MERIMNA_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  MERIMNA_LOCKOUT_BASE_MS: z.coerce.number().int().min(1).default(1000),
  MERIMNA_LOCKOUT_MAX_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60 * 1000),
  MERIMNA_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  MERIMNA_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  MERIMNA_AUDIT_ALERT_THRESHOLD: z.coerce.number().int().min(1).default(50),
  MERIMNA_MATCH_SCAN_HOUR: z.coerce.number().int().min(-1).max(23).default(3),
  MERIMNA_REFERRAL_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  MERIMNA_DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(104_857_600).default(10_485_760),
  MERIMNA_PUBLIC_URL: z.url().optional(),
  MERIMNA_OIDC_ISSUER: z.url().optional(),
  MERIMNA_OIDC_CLIENT_ID: z.string().min(1).optional(),
  MERIMNA_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  MERIMNA_OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
});

/** Where the data lives: PGlite in the process, or a PostgreSQL server. */
export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  /** The role the server works as after migrating (null: the connecting user). */
  appRole: string | null;
  logLevel: string;
  bodyLimit: number;
  demo: boolean;
  webDir: string;
  trustProxy: boolean;
  auth: {
    secureCookies: boolean;
    lockoutThreshold: number;
    lockoutBaseMs: number;
    lockoutMaxMs: number;
    sessionIdleMs: number;
    sessionAbsoluteMs: number;
  };
  auditAlertThreshold: number;
  /** Hour of the night (Europe/Athens) the duplicate scan runs; null = never on its own. */
  matchScanHour: number | null;
  /** Days a sent referral waits for its receiver before it expires, unless its target has its own limit. */
  referralExpiryDays: number;
  /** The largest document an upload may carry, in bytes (default 10 MiB). */
  documentMaxBytes: number;
  /** The address people reach Merimna at (for redirects); default http://localhost:PORT. */
  publicUrl: string;
  /** OpenID Connect sign-in through the municipality's identity provider, when configured. */
  oidc: { issuer: string; clientId: string; clientSecret: string; usernameClaim: string } | null;
}

/** Reads and validates the configuration; throws with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (DATABASE_URL= in a shell or a compose file).
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
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
    appRole: e.MERIMNA_DB_NO_APP_ROLE ? null : e.MERIMNA_DB_APP_ROLE,
    logLevel: e.MERIMNA_LOG_LEVEL,
    bodyLimit: e.MERIMNA_BODY_LIMIT,
    demo: e.NODE_ENV === 'production' ? false : e.MERIMNA_DEMO,
    webDir: path.resolve(e.MERIMNA_WEB_DIR),
    trustProxy: e.MERIMNA_TRUST_PROXY,
    auth: {
      secureCookies: e.MERIMNA_SECURE_COOKIES ?? e.MERIMNA_TRUST_PROXY,
      lockoutThreshold: e.MERIMNA_LOCKOUT_THRESHOLD,
      lockoutBaseMs: e.MERIMNA_LOCKOUT_BASE_MS,
      lockoutMaxMs: e.MERIMNA_LOCKOUT_MAX_MS,
      sessionIdleMs: e.MERIMNA_SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: e.MERIMNA_SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    auditAlertThreshold: e.MERIMNA_AUDIT_ALERT_THRESHOLD,
    matchScanHour: e.MERIMNA_MATCH_SCAN_HOUR < 0 ? null : e.MERIMNA_MATCH_SCAN_HOUR,
    referralExpiryDays: e.MERIMNA_REFERRAL_EXPIRY_DAYS,
    documentMaxBytes: e.MERIMNA_DOCUMENT_MAX_BYTES,
    publicUrl: (e.MERIMNA_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    oidc:
      e.MERIMNA_OIDC_ISSUER && e.MERIMNA_OIDC_CLIENT_ID && e.MERIMNA_OIDC_CLIENT_SECRET
        ? {
            issuer: e.MERIMNA_OIDC_ISSUER,
            clientId: e.MERIMNA_OIDC_CLIENT_ID,
            clientSecret: e.MERIMNA_OIDC_CLIENT_SECRET,
            usernameClaim: e.MERIMNA_OIDC_USERNAME_CLAIM,
          }
        : null,
  };
}
