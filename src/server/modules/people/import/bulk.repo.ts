import { sql } from 'drizzle-orm';
import { bulkInsert, type BulkColumn } from '../../../platform/db/bulk.js';
import { sqlRows, type Db } from '../../../platform/db/database.js';
import { VALUE_COLUMNS, VALUE_TYPES, type PersonValues } from '../people.repo.js';

/** One row of an import: the person's values, identifiers and the id in the structure's old list. */
export interface BulkRow {
  values: PersonValues;
  identifiers: { type: string; value: string; valid: boolean; problem: string | null }[];
  sourceId: string | null;
}

const PERSON_COLUMNS: BulkColumn[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'id', type: 'uuid' },
  { name: 'cluster_id', type: 'uuid' },
  { name: 'compartment_id', type: 'uuid' },
  ...VALUE_COLUMNS.map((c) => ({ name: c, type: VALUE_TYPES[c] })),
];

/**
 * Inserts a batch of persons (each its own cluster), their identifiers and their registrations at
 * one structure with three statements of one parameter per column; returns the new ids in the
 * order of the rows.
 */
export async function insertPersons(
  tx: Db,
  tenantId: string,
  batch: { structureId: string; compartmentId: string | null; rows: BulkRow[] },
): Promise<string[]> {
  if (batch.rows.length === 0) return [];
  const ids = (
    await sqlRows<{ id: string }>(tx, sql`select gen_random_uuid() as id from generate_series(1, ${batch.rows.length})`)
  ).map((r) => r.id);
  const c = batch.compartmentId;
  await tx.execute(
    bulkInsert(
      'persons',
      PERSON_COLUMNS,
      batch.rows.map((r, i) => [tenantId, ids[i], ids[i], c, ...VALUE_COLUMNS.map((k) => r.values[k])]),
    ),
  );
  const identifiers = batch.rows.flatMap((r, i) =>
    r.identifiers.map((x) => [tenantId, ids[i], c, x.type, x.value, x.valid, x.problem]),
  );
  if (identifiers.length > 0) {
    await tx.execute(
      sql`${bulkInsert(
        'person_identifiers',
        [
          { name: 'tenant_id', type: 'uuid' },
          { name: 'person_id', type: 'uuid' },
          { name: 'compartment_id', type: 'uuid' },
          { name: 'type', type: 'text' },
          { name: 'value', type: 'text' },
          { name: 'valid', type: 'boolean' },
          { name: 'problem', type: 'text' },
        ],
        identifiers,
      )} on conflict do nothing`,
    );
  }
  await tx.execute(
    bulkInsert(
      'registrations',
      [
        { name: 'tenant_id', type: 'uuid' },
        { name: 'person_id', type: 'uuid' },
        { name: 'structure_id', type: 'uuid' },
        { name: 'compartment_id', type: 'uuid' },
        { name: 'source_id', type: 'text' },
      ],
      batch.rows.map((r, i) => [tenantId, ids[i], batch.structureId, c, r.sourceId]),
    ),
  );
  return ids;
}
