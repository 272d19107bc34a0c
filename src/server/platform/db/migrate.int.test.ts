import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/helpers/database.js';
import { MIGRATIONS_DIR, migrate, pendingMigrations, readMigrations } from './migrate.js';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fresh = await freshDatabase({ asOwner: true }); // migrations run as the owner, as at start-up
});
afterAll(async () => {
  await fresh.close();
});

describe('migrations', () => {
  it('are all applied and a second run applies nothing', async () => {
    expect(await pendingMigrations(fresh.database)).toEqual([]);
    expect(await migrate(fresh.database)).toEqual([]);
  });

  it('enable pg_trgm, unaccent and btree_gist', async () => {
    const rows = await fresh.database.query<{ extname: string }>('select extname from pg_extension');
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent', 'btree_gist']));
    const [u] = await fresh.database.query<{ v: string }>(`select unaccent('Θεσσαλονίκη') as v`);
    expect(u?.v).toBeTruthy();
  });

  it('put tenant_id on every table that holds an organisation’s data', async () => {
    const rows = await fresh.database.query<{ table_name: string }>(
      `select t.table_name from information_schema.tables t
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and t.table_name not in ('schema_migrations', 'tenants')
          and not exists (select 1 from information_schema.columns c
                           where c.table_name = t.table_name and c.column_name = 'tenant_id')`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([]);
  });

  it('refuse a migration edited after it was applied', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-migrations-'));
    for (const m of readMigrations(MIGRATIONS_DIR)) fs.writeFileSync(path.join(dir, m.name), `${m.sql}\n-- edited\n`);
    await expect(migrate(fresh.database, dir)).rejects.toThrow(/was edited after it was applied/);
  });

  it('apply a new migration in its own transaction, all or nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'merimna-migrations-'));
    for (const m of readMigrations(MIGRATIONS_DIR)) fs.writeFileSync(path.join(dir, m.name), m.sql);
    fs.writeFileSync(
      path.join(dir, '99990101_0001_broken.sql'),
      'create table half_done (id int);\nselect no_such_function();\n',
    );
    await expect(migrate(fresh.database, dir)).rejects.toThrow();
    const rows = await fresh.database.query<{ n: string }>(
      `select count(*) as n from information_schema.tables where table_name = 'half_done'`,
    );
    expect(Number(rows[0]?.n)).toBe(0);
    expect(await pendingMigrations(fresh.database, dir)).toEqual(['99990101_0001_broken.sql']);
  });
});
