// Child process of test/durability.int.test.ts: opens the durable embedded database in the
// directory given as argv[2] and inserts rows one transaction at a time, printing each id only
// after its commit was acknowledged. The parent kills it with SIGKILL mid-stream.
import { openDatabase } from '../../src/server/platform/db/database.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: durability-writer <dataDir>');
const database = await openDatabase({ kind: 'pglite', dataDir });
await database.exec('CREATE TABLE IF NOT EXISTS durability_probe (id integer PRIMARY KEY, payload text NOT NULL)');
process.stdout.write('ready\n');
for (let id = 1; ; id++) {
  await database.query('INSERT INTO durability_probe (id, payload) VALUES ($1, $2)', [id, 'x'.repeat(200)]);
  process.stdout.write(`${id}\n`);
}
