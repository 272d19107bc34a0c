import { LINK_REASONS } from '../../../../shared/people/lists.js';
import { sql } from 'drizzle-orm';
import { recordAudit, type AuditContext, type AuditEvent } from '../../../platform/audit/audit.js';
import { sqlRows, type Db } from '../../../platform/db/database.js';
import { decideFields, mergeChange } from '../merge.rules.js';
import { personValues, searchTextWith } from '../people.keys.js';
import { VALUE_COLUMNS, VALUE_TYPES, type PersonRow } from '../people.repo.js';
import { bulkInsert, unnestRows } from '../../../platform/db/bulk.js';
import { findPersons } from '../people.repo.js';
import { MODEL } from './matcher.js';

/** A fresh row (alone in its cluster, no links yet) that joins an existing cluster. */
export interface Join {
  rowId: string;
  clusterId: string;
  score: number;
}

/**
 * Joins many fresh rows to existing clusters at once (an import's duplicates): the same
 * survivorship rule and link-log entries as a merge, applied per cluster in TypeScript, written
 * with a handful of multi-row statements instead of a dozen statements per link. A fresh row has
 * no cannot-link and no review, so those checks are not needed.
 */
export async function joinFreshRows(tx: Db, audit: AuditContext, by: { userId: string | null; label: string }, joins: Join[]) {
  if (joins.length === 0) return 0;
  const rows = new Map(
    (await findPersons(tx, audit.tenantId, [...new Set(joins.flatMap((j) => [j.rowId, j.clusterId]))])).map((r) => [r.id, r]),
  );
  const survivors = new Map<string, { original: PersonRow; current: PersonRow; names: string[] }>();
  const links: {
    a: string;
    b: string;
    score: number;
    changed: Record<string, [unknown, unknown]>;
    compartment: string | null;
  }[] = [];
  for (const j of joins) {
    const fresh = rows.get(j.rowId);
    const survivor = rows.get(j.clusterId);
    if (!fresh || !survivor || fresh.compartment_id !== survivor.compartment_id || survivor.cluster_id !== survivor.id) continue;
    let s = survivors.get(j.clusterId);
    if (!s) {
      s = { original: survivor, current: survivor, names: [] };
      survivors.set(j.clusterId, s);
    }
    const { patch, changed } = mergeChange(s.current, fresh, decideFields(s.current, fresh));
    const values = personValues(patch, s.current);
    // The next join of the same cluster starts from the record as this one left it.
    s.current = { ...s.current, ...values, search_text: s.current.search_text };
    s.names.push(fresh.given_name, fresh.family_name, fresh.given_name_latin, fresh.family_name_latin);
    links.push({ a: j.clusterId, b: j.rowId, score: j.score, changed, compartment: survivor.compartment_id });
  }
  if (links.length === 0) return 0;
  const updated = [...survivors.entries()].map(([id, s]) => {
    const v = personValues({}, s.current);
    return { id, values: { ...v, search_text: searchTextWith(s.original.search_text, s.names) } };
  });
  await tx.execute(sql`update persons p set ${sql.join(
    VALUE_COLUMNS.map((c) => sql`${sql.raw(c)} = v.${sql.raw(c)}`),
    sql`, `,
  )}, version = p.version + 1, updated_at = now()
    from (${unnestRows(
      [{ name: 'id', type: 'uuid' }, ...VALUE_COLUMNS.map((c) => ({ name: c, type: VALUE_TYPES[c] }))],
      updated.map((u) => [u.id, ...VALUE_COLUMNS.map((c) => u.values[c])]),
    )}) as v where p.tenant_id = ${audit.tenantId} and p.id = v.id`);
  await tx.execute(
    sql`update persons p set cluster_id = v.cluster from (${unnestRows(
      [
        { name: 'id', type: 'uuid' },
        { name: 'cluster', type: 'uuid' },
      ],
      links.map((l) => [l.b, l.a]),
    )}) as v where p.tenant_id = ${audit.tenantId} and p.id = v.id`,
  );
  const ids = await sqlRows<{ id: string }>(
    tx,
    sql`${bulkInsert(
      'person_links',
      [
        { name: 'tenant_id', type: 'uuid' },
        { name: 'compartment_id', type: 'uuid' },
        { name: 'action', type: 'text' },
        { name: 'a_id', type: 'uuid' },
        { name: 'b_id', type: 'uuid' },
        { name: 'score', type: 'float8' },
        { name: 'model_version', type: 'text' },
        { name: 'actor_user_id', type: 'uuid' },
        { name: 'actor_label', type: 'text' },
        { name: 'reason', type: 'text' },
        { name: 'moved_rows', type: 'uuid[]' },
        { name: 'changed', type: 'jsonb' },
      ],
      links.map((l) => [
        audit.tenantId,
        l.compartment,
        'link',
        l.a,
        l.b,
        l.score,
        MODEL.version,
        by.userId,
        by.label,
        LINK_REASONS.automatic,
        [l.b],
        l.changed,
      ]),
    )} returning id`,
  );
  const events: AuditEvent[] = links.flatMap((l, i) => [
    {
      action: 'person.merged',
      entityType: 'person',
      entityId: l.a,
      personId: l.a,
      changes: { link: ids[i]?.id, fields: Object.keys(l.changed) },
    },
    { action: 'person.merged', entityType: 'person', entityId: l.b, personId: l.b, changes: { link: ids[i]?.id, into: l.a } },
  ]);
  await recordAudit(tx, audit, events);
  return links.length;
}
