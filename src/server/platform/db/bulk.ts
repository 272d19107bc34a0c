import { sql, type SQL } from 'drizzle-orm';

/** A column of a bulk statement and its PostgreSQL type. */
export interface BulkColumn {
  name: string;
  type: 'text' | 'uuid' | 'date' | 'boolean' | 'smallint' | 'integer' | 'float8' | 'timestamptz' | 'jsonb' | 'text[]' | 'uuid[]';
}

const NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Many rows as one parameter per column (`unnest($1::text[], $2::uuid[], …)`), so a batch of a
 * thousand rows is one short statement instead of tens of thousands of parameters to parse and
 * plan. jsonb and array columns travel as JSON text and are rebuilt on the server.
 */
export function unnestRows(columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): SQL {
  for (const c of columns) if (!NAME.test(c.name)) throw new Error(`bad column name ${c.name}`);
  const params = columns.map((c, i) => {
    const values = rows.map((r) => {
      const v = r[i];
      if (v === null || v === undefined) return null;
      if (c.type === 'jsonb' || c.type === 'text[]' || c.type === 'uuid[]') return JSON.stringify(v);
      if (v instanceof Date) return v.toISOString();
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
      return JSON.stringify(v);
    });
    const transport = c.type === 'jsonb' || c.type === 'text[]' || c.type === 'uuid[]' ? 'text' : c.type;
    return sql`${sql.param(values)}::${sql.raw(transport)}[]`;
  });
  const select = columns.map((c) => {
    const col = sql.raw(`u.${c.name}`);
    const as = sql.raw(c.name);
    if (c.type === 'jsonb') return sql`${col}::jsonb as ${as}`;
    if (c.type === 'text[]') return sql`array(select jsonb_array_elements_text(${col}::jsonb)) as ${as}`;
    if (c.type === 'uuid[]') return sql`array(select jsonb_array_elements_text(${col}::jsonb)::uuid) as ${as}`;
    return col;
  });
  return sql`select ${sql.join(select, sql`, `)} from unnest(${sql.join(params, sql`, `)}) as u(${sql.raw(
    columns.map((c) => c.name).join(', '),
  )})`;
}

/** `insert into table (columns) select … from unnest(…)`: the caller adds `on conflict`/`returning`. */
export function bulkInsert(table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): SQL {
  if (!NAME.test(table)) throw new Error(`bad table name ${table}`);
  return sql`insert into ${sql.raw(table)} (${sql.raw(columns.map((c) => c.name).join(', '))}) ${unnestRows(columns, rows)}`;
}
