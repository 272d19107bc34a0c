import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../../test/helpers/app.js';
import { unsafeWithCompartments } from '../../../platform/auth/index.js';
import { matchRows } from '../matching/blocking.repo.js';
import { identifierValues, personValues } from '../people.keys.js';
import { IMPORT_HEADER, importPersons, matchRowOf, rowToPerson } from './persons-import.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(async () => {
  await server.close();
});

const HEADER =
  'source_id,given_name,family_name,father_name,mother_name,sex,birth_date,nationality,amka,afm,paaypa,id_card,passport,phone,address';
const rows = Array.from(
  { length: 25 },
  (_, i) => `G-${i},Όνομα${i},Επώνυμο${i},,,F,19${String(50 + i)}-03-0${(i % 9) + 1},GR,,,,,,,`,
);

async function* lines(list: string[], failAfter?: number) {
  yield `${HEADER}\n`;
  for (const [i, line] of list.entries()) {
    if (failAfter !== undefined && i === failAfter) throw new Error('the disk went away');
    yield `${line}\n`;
  }
}

const audit = () => ({ tenantId: server.tenantId, actorUserId: null, actorLabel: 'test', requestId: null, ip: null });
const count = async () =>
  Number(
    (
      await server.database.query<{ n: string }>(
        `select count(*) as n from registrations r join structures s on s.id = r.structure_id where s.slug = 'homeless-day-centre'`,
      )
    )[0]?.n,
  );

describe('importing a structure’s list', () => {
  it('an interruption loses no committed batch, and the re-run imports exactly the rest', async () => {
    await expect(
      importPersons(server.database.db, audit(), { structure: 'homeless-day-centre', input: lines(rows, 17), batchSize: 5 }),
    ).rejects.toThrow(/disk went away/);
    // Batches of five: rows 0–14 were committed, 15 and 16 were in the batch that never committed.
    expect(await count()).toBe(15);
    const rerun = await importPersons(server.database.db, audit(), {
      structure: 'homeless-day-centre',
      input: lines(rows),
      batchSize: 5,
    });
    expect(rerun).toMatchObject({ rows: 25, imported: 10, skipped: 15, bad: 0 });
    expect(await count()).toBe(25);
    const again = await importPersons(server.database.db, audit(), { structure: 'homeless-day-centre', input: lines(rows) });
    expect(again).toMatchObject({ imported: 0, skipped: 25 });
    expect(await count()).toBe(25);
  });

  it('refuses a file whose header is not the import header, naming what is missing or unknown', async () => {
    async function* bad() {
      yield 'source_id,name,surname\nX-1,Άννα,Β\n';
    }
    await expect(importPersons(server.database.db, audit(), { structure: 'kem', input: bad() })).rejects.toThrow(
      /missing: given_name, family_name.*unknown: name, surname/,
    );
  });

  it('matches a batch on the rows as stored: what it holds in hand is what the database reads back', async () => {
    const line = 'M-1,Γιώργος,Παπαδόπουλος,Νίκος,Μαρία,M,1980-02-03,gr,01013099997,090000045,,AB 123456,,2310000000,Εγνατία 1';
    await importPersons(server.database.db, audit(), { structure: 'kem', input: lines([line]) });
    const cells = Object.fromEntries(IMPORT_HEADER.map((h, i) => [h, line.split(',')[i] ?? ''])) as Parameters<
      typeof rowToPerson
    >[0];
    const parsed = rowToPerson(cells);
    if (!('person' in parsed)) throw new Error(parsed.reason);
    const [{ id } = { id: '' }] = await server.database.query<{ id: string }>(
      `select r.person_id as id from registrations r join structures s on s.id = r.structure_id where s.slug = 'kem' and r.source_id = 'M-1'`,
    );
    const [stored] = await unsafeWithCompartments(server.database.db, [], (tx) => matchRows(tx, server.tenantId, [id]));
    const inHand = matchRowOf(id, {
      values: personValues(parsed.person),
      identifiers: identifierValues(parsed.person.identifiers ?? []),
      sourceId: 'M-1',
    });
    expect(stored?.identifiers.length).toBe(3);
    expect({ ...inHand, identifiers: [...inHand.identifiers].sort((a, b) => a.type.localeCompare(b.type)) }).toEqual({
      ...stored,
      identifiers: [...(stored?.identifiers ?? [])].sort((a, b) => a.type.localeCompare(b.type)),
    });
  });
});
