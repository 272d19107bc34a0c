import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { prepareDatabase, seedDemo, startServer } from './runtime.js';

const HELP: Record<string, string> = {
  main: `Χρήση / Usage: merimna <command> [options]

Commands:
  start              run the server (migrates, loads demo data on first start in demo mode)
  db migrate         apply pending database migrations
  db seed --demo     load the demo catalogue of structures and services

Options:
  -h, --help         show help for a command

Environment: DATABASE_URL (a PostgreSQL server; default: embedded PGlite under MERIMNA_DATA_DIR=./data),
PORT (3000), MERIMNA_DEMO (true), NODE_ENV, MERIMNA_LOG_LEVEL, MERIMNA_DIRECTORY_WRITE_API (false).`,
  start: `Usage: merimna start

Starts Merimna at http://localhost:$PORT (default 3000). Applies pending migrations first; in demo
mode (the default outside production) loads the demo catalogue into an empty database.
Stops gracefully on SIGTERM or SIGINT, finishing the requests in flight.`,
  'db migrate': `Usage: merimna db migrate

Applies the forward-only SQL migrations in migrations/ that the database has not seen yet,
each in its own transaction. Safe to run while another process migrates (advisory lock).`,
  'db seed': `Usage: merimna db seed --demo

Loads the demo catalogue (seeds/demo/*.json): organisations, funding programmes, every
structure of the municipality and its services. Idempotent: existing rows are updated by slug.
Refused when NODE_ENV=production.`,
};

function fail(text: string): never {
  process.stderr.write(`${text}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { help: { type: 'boolean', short: 'h' }, demo: { type: 'boolean' } },
  });
  const command = positionals.slice(0, positionals[0] === 'db' ? 2 : 1).join(' ');
  if (!command) {
    process.stdout.write(`${HELP.main}\n`);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const help = HELP[command];
  if (help === undefined) fail(`Unknown command: ${command}\n\n${HELP.main}`);
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return;
  }
  const config = loadConfig();
  switch (command) {
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
    case 'db migrate': {
      const { database, applied } = await prepareDatabase(config);
      await database.close();
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
      return;
    }
    case 'db seed': {
      if (!values.demo) fail(`Say which data to load.\n\n${HELP['db seed']}`);
      if (config.env === 'production') fail('Demo data is refused when NODE_ENV=production.');
      const { database, tenantId } = await prepareDatabase(config);
      const counts = await seedDemo(database, tenantId);
      await database.close();
      process.stdout.write(
        `Demo catalogue loaded: ${counts.organisations} organisations, ${counts.structures} structures, ${counts.services} services.\n`,
      );
      return;
    }
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const text = error instanceof Error ? error.message : String(error);
  process.stderr.write(`merimna: ${text}\n`);
  process.exit(1);
});
