import type { Database } from './db/database.js';

/** The tenant this server runs for; created on first start. */
export async function ensureTenant(database: Database, slug: string, name: { el: string; en: string }): Promise<string> {
  const rows = await database.query<{ id: string }>(
    `INSERT INTO tenants (slug, name) VALUES ($1, $2::jsonb)
     ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id`,
    [slug, JSON.stringify(name)],
  );
  const row = rows[0];
  if (!row) throw new Error('tenant insert returned no row');
  return row.id;
}

/** The default tenant of a single-municipality installation. */
export const DEFAULT_TENANT = { slug: 'thessaloniki', name: { el: 'Δήμος Θεσσαλονίκης', en: 'Municipality of Thessaloniki' } };
