import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** The migrations folder at the root of the repository. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations');

/** A migration file: its name orders it, its checksum guards against edits after it ran. */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads the forward-only SQL migrations in name order. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const LOCK_KEY = 727_001; // advisory lock so two processes never migrate at once

/** Applies every pending migration, each in its own transaction; returns the names applied. */
export async function migrate(database: Database, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  for (const migration of readMigrations(dir)) {
    const done = await database.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const rows = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE name = $1', [
        migration.name,
      ]);
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was edited after it was applied; add a new migration instead.`);
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [migration.name, migration.checksum]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

/** Migrations not yet applied: of the files in `dir`, or of the given names (readiness caches them). */
export async function pendingMigrations(database: Database, dirOrNames: string | string[] = MIGRATIONS_DIR): Promise<string[]> {
  const rows = await database.query<{ name: string }>('SELECT name FROM schema_migrations').catch(() => [] as { name: string }[]);
  const applied = new Set(rows.map((r) => r.name));
  const names = typeof dirOrNames === 'string' ? readMigrations(dirOrNames).map((m) => m.name) : dirOrNames;
  return names.filter((n) => !applied.has(n));
}
