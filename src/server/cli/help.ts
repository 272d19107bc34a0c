/** Help texts of the merimna command, one per command. */
export const HELP: Record<string, string> = {
  main: `Χρήση / Usage: merimna <command> [options]

Commands:
  start                     run the server (migrates; demo data on first start in demo mode)
  db migrate                apply pending database migrations
  db seed --demo            load the demo catalogue and the demo users
  roles list                list the roles with their permissions and clearances
  users list                list staff users
  users create              create a staff user (password from standard input)
  tokens create             create an API token for a user (printed once)
  audit verify              check the hash chain of the audit trail
  import persons FILE.csv   import a structure's list of people (--structure SLUG)
  match scan                scan the registry for duplicates (links and review queue)
  match report              write every pair the matcher considers the same person or a candidate

Options:
  -h, --help                show help for a command

Environment: DATABASE_URL (a PostgreSQL server; default: embedded PGlite under MERIMNA_DATA_DIR=./data),
PORT (3000), MERIMNA_DEMO (true), NODE_ENV, MERIMNA_LOG_LEVEL. See README.md for all settings.`,
  start: `Usage: merimna start

Starts Merimna at http://localhost:$PORT (default 3000). Applies pending migrations first; in demo
mode (the default outside production) loads the demo catalogue into an empty database and creates
the demo users. Stops gracefully on SIGTERM or SIGINT, finishing the requests in flight.`,
  'db migrate': `Usage: merimna db migrate

Applies the forward-only SQL migrations in migrations/ that the database has not seen yet,
each in its own transaction. Safe to run while another process migrates (advisory lock).`,
  'db seed': `Usage: merimna db seed --demo

Loads the demo catalogue (seeds/demo/*.json): organisations, funding programmes, every
structure of the municipality and its services, then the demo users (README.md lists them).
Idempotent. Refused when NODE_ENV=production.`,
  'roles list': `Usage: merimna roles list

Prints every role key with its permissions, sensitivity clearances, whether it needs a second
factor and whether it is held at a structure.`,
  'users list': `Usage: merimna users list

Prints the staff users with their roles and structures.`,
  'users create': `Usage: merimna users create --username NAME --role ROLE_KEY [--structure STRUCTURE_SLUG]
                            [--name "Display Name"] [--organisation ORG_SLUG] --password-stdin

Creates a staff user. The password is read from standard input (never from the command line,
which other users of the machine can see). Role keys: see "merimna roles list"; structure slugs:
GET /api/v1/structures. The organisation defaults to the municipality (thessaloniki).`,
  'tokens create': `Usage: merimna tokens create --user USERNAME [--expires 30d] [--label TEXT]

Creates an API token that carries the user's permissions, for a machine client or a partner
system (send it as "Authorization: Bearer <token>"). It is printed once; only its hash is kept.
--expires takes minutes (90m), hours (12h) or days (30d); without it the token does not expire.`,
  'audit verify': `Usage: merimna audit verify

Recomputes the hash chain of the audit trail and names the first broken row, if any.
Exits with status 1 when the chain is broken.`,
  'import persons': `Usage: merimna import persons FILE.csv --structure STRUCTURE_SLUG [--batch-size 500]

Reads a UTF-8 CSV file with the header
  source_id,given_name,family_name,father_name,mother_name,sex,birth_date,nationality,amka,afm,paaypa,id_card,passport,phone,address
(any column may be empty; sex is M, F or empty; birth_date is YYYY-MM-DD) and registers each row at
the structure. Bad rows are reported with their line and reason, and the import goes on. Rows are
committed in batches: an interruption loses no committed batch, and a re-run skips the rows already
imported (same source_id at the structure). The matcher links near-certain duplicates and queues
likely ones for review. Shows a progress bar on a terminal.`,
  'match scan': `Usage: merimna match scan

Runs the duplicate matcher over the whole registry, compartment by compartment: near-certain pairs
are linked, likely ones go to the review queue (staff screen "Διπλοεγγραφές").`,
  'match report': `Usage: merimna match report [--out FILE.csv]

Writes every pair of registrations the matcher considers the same person or a candidate, as CSV
with the header source_id_a,source_id_b,score,decision (decision: auto or review), to FILE.csv or
to standard output. Changes nothing.`,
};
