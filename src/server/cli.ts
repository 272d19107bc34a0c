import { parseArgs } from 'node:util';
import { ROLE_KEYS, ROLES, roleRequiresMfa, type RoleKey } from '../shared/access.js';
import { HELP } from './cli/help.js';
import { loadConfig, type Config } from './config.js';
import { verifyAuditChain } from './platform/audit/audit.js';
import { createApiToken, createUser, findUserByUsername, listUsers, parseDuration } from './platform/auth/index.js';
import { ProblemError } from './platform/http/problem.js';
import { message } from './platform/i18n/messages.js';
import { prepareDatabase, seedDemo, startServer } from './runtime.js';
import { importCommand, matchReportCommand, matchScanCommand } from './cli/people.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  demo: { type: 'boolean' },
  username: { type: 'string' },
  user: { type: 'string' },
  role: { type: 'string' },
  structure: { type: 'string' },
  name: { type: 'string' },
  organisation: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  expires: { type: 'string' },
  label: { type: 'string' },
  out: { type: 'string' },
  'batch-size': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

function fail(text: string): never {
  process.stderr.write(`${text}\n`);
  process.exit(2);
}

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const SYSTEM = (tenantId: string) => ({ tenantId, actorUserId: null, actorLabel: 'cli', requestId: null, ip: null });

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Runs a command that needs the database, closing it afterwards. */
async function withDatabase(config: Config, fn: (p: Awaited<ReturnType<typeof prepareDatabase>>) => Promise<void>) {
  const prepared = await prepareDatabase(config);
  try {
    await fn(prepared);
  } finally {
    await prepared.database.close();
  }
}

async function run(command: string, values: Values, positionals: string[], config: Config): Promise<void> {
  switch (command) {
    case 'import persons': {
      const file = positionals[2];
      if (!file || !values.structure) fail(HELP['import persons'] ?? '');
      return withDatabase(config, ({ database, tenantId }) =>
        importCommand(database.db, SYSTEM(tenantId), {
          file,
          structure: values.structure ?? '',
          batchSize: values['batch-size'],
        }),
      );
    }
    case 'match scan':
      return withDatabase(config, ({ database, tenantId }) => matchScanCommand(database.db, SYSTEM(tenantId)));
    case 'match report':
      return withDatabase(config, ({ database, tenantId }) => matchReportCommand(database.db, SYSTEM(tenantId), values.out));
    case 'start': {
      const started = Date.now();
      const running = await startServer(config);
      running.app.log.info({ url: running.url, database: running.database.kind, ms: Date.now() - started }, 'Merimna is ready');
      const shutdown = (signal: string) => {
        running.app.log.info({ signal }, 'shutting down');
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
      return;
    }
    case 'db migrate':
      return withDatabase(config, async ({ applied }) =>
        out(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.'),
      );
    case 'db seed':
      if (!values.demo) fail(`Say which data to load.\n\n${HELP['db seed'] ?? ''}`);
      if (config.env === 'production') fail('Demo data is refused when NODE_ENV=production.');
      return withDatabase(config, async ({ database, tenantId }) => {
        const c = await seedDemo(database, tenantId, { production: false, persons: true });
        out(
          `Demo catalogue loaded: ${c.organisations} organisations, ${c.structures} structures, ${c.services} services; ${c.usersCreated} demo users created; ${c.personsImported} demo registrations imported.`,
        );
      });
    case 'roles list':
      for (const key of ROLE_KEYS) {
        const r = ROLES[key];
        out(`${key}${roleRequiresMfa(key) ? ' [second factor]' : ''}${r.structureBound ? ' [at a structure]' : ''}`);
        out(`  permissions: ${r.permissions.join(', ')}`);
        out(`  clearances:  ${r.clearances.join(', ') || '—'}`);
      }
      return;
    case 'users list':
      return withDatabase(config, async ({ database, tenantId }) => {
        const { items } = await listUsers(database.db, SYSTEM(tenantId), { limit: 200, offset: 0 });
        for (const u of items) {
          const roles = u.memberships.map((m) => `${m.role}@${m.structure?.slug ?? 'all'}`).join(', ');
          out(`${u.username.padEnd(24)} ${roles}${u.mfaEnabled ? '  (2FA)' : ''}${u.disabled ? '  (disabled)' : ''}`);
        }
      });
    case 'users create': {
      const { username, role } = values;
      if (!username || !role || !values['password-stdin']) fail(HELP['users create'] ?? '');
      if (!ROLE_KEYS.includes(role as RoleKey)) fail(`Unknown role ${role}. Role keys: ${ROLE_KEYS.join(', ')}`);
      const password = await readStdin();
      return withDatabase(config, async ({ database, tenantId }) => {
        const user = await createUser(database.db, SYSTEM(tenantId), {
          username: username.toLowerCase(),
          displayName: values.name ?? username,
          email: null,
          organisation: values.organisation ?? 'thessaloniki',
          password,
          memberships: [{ role: role as RoleKey, structure: values.structure ?? null }],
        });
        out(`Created ${user.username} (${user.id}).`);
      });
    }
    case 'tokens create': {
      const username = values.user;
      if (!username) fail(HELP['tokens create'] ?? '');
      const expiresInMs = values.expires === undefined ? null : parseDuration(values.expires);
      if (expiresInMs === null && values.expires !== undefined)
        fail(`Cannot read --expires ${values.expires}: use e.g. 90m, 12h or 30d.`);
      return withDatabase(config, async ({ database, tenantId }) => {
        const user = await findUserByUsername(database.db, tenantId, username.toLowerCase());
        if (!user) fail(`No user ${username}.`);
        const t = await createApiToken(database.db, tenantId, user.id, { expiresInMs, label: values.label ?? 'cli' });
        out(t.token);
        process.stderr.write(
          `Token for ${user.username}${t.expiresAt ? `, expires ${t.expiresAt.toISOString()}` : ', no expiry'}. It is shown only once.\n`,
        );
      });
    }
    case 'audit verify':
      return withDatabase(config, async ({ database, tenantId }) => {
        const result = await verifyAuditChain(database.db, tenantId);
        if (result.brokenAt) {
          process.stderr.write(
            `The audit chain is broken at row ${result.brokenAt.id}: ${result.brokenAt.reason} (${result.checked} rows before it are intact).\n`,
          );
          process.exitCode = 1;
        } else out(`The audit chain is intact: ${result.checked} rows checked.`);
      });
  }
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${HELP.main ?? ''}`);
  }
  const { values, positionals } = parsed;
  const command = positionals
    .slice(0, ['db', 'roles', 'users', 'tokens', 'audit', 'import', 'match'].includes(positionals[0] ?? '') ? 2 : 1)
    .join(' ');
  if (!command) {
    out(HELP.main ?? '');
    if (!values.help) process.exitCode = 2;
    return;
  }
  const help = HELP[command];
  if (help === undefined) fail(`Unknown command: ${command}\n\n${HELP.main ?? ''}`);
  if (values.help) return out(help);
  await run(command, values, positionals, loadConfig());
}

/** An error as one line for the terminal: the database's own message, never the query's parameters (personal data). */
function describe(error: unknown): string {
  if (error instanceof ProblemError) return message(error.detailKey, 'en');
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (error.message.startsWith('Failed query:')) return cause instanceof Error ? `database: ${cause.message}` : 'database error';
  return error.message.replace(/params:[\s\S]*$/, 'params: [redacted]');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const text = describe(error);
  process.stderr.write(`merimna: ${text}\n`);
  process.exit(1);
});
