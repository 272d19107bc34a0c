import { LINK_REASONS } from '../../../../shared/people/lists.js';
import { sql } from 'drizzle-orm';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { sqlRows, type Db } from '../../../platform/db/database.js';
import { linkClusters } from '../links.js';
import { findPerson } from '../people.repo.js';
import { queueReviews } from '../reviews.repo.js';
import { joinFreshRows, type Join } from './bulk-join.js';
import { matchRows, type MatchRow } from './blocking.repo.js';
import { findCandidates, inputOfRow, MODEL } from './matcher.js';

/** A pair the matcher considers the same person (auto) or a candidate (review). */
export interface MatchedPair {
  a: string;
  b: string;
  probability: number;
  weight: number;
  decision: 'auto' | 'review';
}

/** Tally of what a batch decided. */
export interface BatchResult {
  compared: number;
  autoLinked: number;
  queued: number;
}

/**
 * Runs the matcher over stored rows and acts on its decisions inside the caller's transaction:
 * auto → the two clusters are linked (the candidate's cluster survives), review → the pair joins
 * the review queue. `fresh` rows were inserted by this very batch (an import): those that join
 * an older cluster are joined in bulk; every other link goes one by one, clusters re-read before
 * each, as earlier links of the same batch may have joined them already. `rows`, when given, are
 * the rows of `rowIds` as stored.
 */
export async function matchStoredRows(
  tx: Db,
  audit: AuditContext,
  compartment: string | null,
  rowIds: string[],
  options: { fresh?: boolean; rows?: MatchRow[] } = {},
): Promise<BatchResult> {
  // An import has the rows it has just inserted in hand: they need not be read back.
  const rows = options.rows ?? (await matchRows(tx, audit.tenantId, rowIds));
  const items = rows.map((r, idx) => ({ idx, input: inputOfRow(r), self: { rowId: r.id, clusterId: r.cluster_id } }));
  const found = await findCandidates(tx, audit.tenantId, compartment, items, { minProbability: MODEL.reviewThreshold });
  const fresh = new Set(options.fresh ? rowIds : []);
  const by = { userId: null, label: 'matcher' };
  const reviews: { a: string; b: string; score: number; weight: number }[] = [];
  const autos: { row: string; other: string; otherCluster: string; score: number }[] = [];
  for (const item of items) {
    for (const c of found.get(item.idx) ?? []) {
      if (c.score.decision === 'review')
        reviews.push({ a: item.self.rowId, b: c.rowId, score: c.score.probability, weight: c.score.weight });
      if (c.score.decision === 'auto')
        autos.push({ row: item.self.rowId, other: c.rowId, otherCluster: c.clusterId, score: c.score.probability });
    }
  }
  const { joins, slow } = planLinks(autos, fresh);
  let autoLinked = await joinFreshRows(tx, audit, by, joins);
  for (const l of slow) {
    const mine = await findPerson(tx, audit.tenantId, l.row);
    const theirs = await findPerson(tx, audit.tenantId, l.other);
    if (!mine || !theirs || mine.cluster_id === theirs.cluster_id) continue;
    await linkClusters(tx, audit, by, {
      survivorId: theirs.cluster_id,
      otherId: mine.cluster_id,
      score: l.score,
      reason: LINK_REASONS.automatic,
    });
    autoLinked++;
  }
  const queued = await queueReviews(tx, audit.tenantId, compartment, reviews, MODEL.version);
  return { compared: rows.length, autoLinked, queued };
}

/**
 * Splits automatic links into those a bulk join can do (a fresh row, alone in its cluster, joins
 * a cluster) and those that join two clusters that already exist (one by one). The fresh rows are
 * grouped with what they match (union-find): a group joins its one older cluster, or its first
 * fresh row when it has none; a second older cluster in a group is a cluster-to-cluster link.
 */
export function planLinks(
  autos: { row: string; other: string; otherCluster: string; score: number }[],
  fresh: ReadonlySet<string>,
) {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  const node = (row: string, cluster: string) => (fresh.has(row) ? row : `c:${cluster}`);
  const score = new Map<string, number>();
  const slow: { row: string; other: string; score: number }[] = [];
  for (const a of autos) {
    if (!fresh.has(a.row)) {
      slow.push({ row: a.row, other: a.other, score: a.score });
      continue;
    }
    const x = find(a.row);
    const y = find(node(a.other, a.otherCluster));
    score.set(a.row, Math.max(score.get(a.row) ?? 0, a.score));
    if (x !== y) parent.set(x, y);
  }
  const groups = new Map<string, string[]>();
  for (const n of parent.keys()) {
    const root = find(n);
    groups.set(root, [...(groups.get(root) ?? []), n]);
  }
  const joins: Join[] = [];
  for (const members of groups.values()) {
    const older = members.filter((m) => m.startsWith('c:')).map((m) => m.slice(2));
    const rows = members.filter((m) => !m.startsWith('c:'));
    const survivor = older[0] ?? rows[0];
    if (survivor === undefined) continue;
    for (const r of rows) if (r !== survivor) joins.push({ rowId: r, clusterId: survivor, score: score.get(r) ?? 1 });
    for (const o of older.slice(1)) slow.push({ row: o, other: survivor, score: 1 });
  }
  return { joins, slow };
}

/**
 * Every pair the matcher considers the same person or a candidate among a batch of rows and the
 * whole registry (read only): the pairs of rows already in one cluster count too.
 */
export async function pairsOfRows(
  tx: Db,
  tenantId: string,
  compartment: string | null,
  rowIds: string[],
): Promise<MatchedPair[]> {
  const rows = await matchRows(tx, tenantId, rowIds);
  const items = rows.map((r, idx) => ({ idx, input: inputOfRow(r), self: { rowId: r.id, clusterId: r.id } }));
  const found = await findCandidates(tx, tenantId, compartment, items, { minProbability: MODEL.reviewThreshold, byRow: true });
  const out: MatchedPair[] = [];
  for (const item of items) {
    for (const c of found.get(item.idx) ?? []) {
      if (c.score.decision === 'none') continue;
      const [a, b] = item.self.rowId < c.rowId ? [item.self.rowId, c.rowId] : [c.rowId, item.self.rowId];
      out.push({ a, b, probability: c.score.probability, weight: c.score.weight, decision: c.score.decision });
    }
  }
  return out;
}

/** The row ids of a compartment (null = the open registry) after `after`, in id order, a page at a time. */
export async function rowPage(
  tx: Db,
  tenantId: string,
  compartment: string | null,
  after: string,
  limit: number,
): Promise<string[]> {
  const same = compartment === null ? sql`compartment_id is null` : sql`compartment_id = ${compartment}`;
  const rows = await sqlRows<{ id: string }>(
    tx,
    sql`select id from persons where tenant_id = ${tenantId} and ${same} and id > ${after}::uuid order by id limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

/** The compartments to scan: the open registry and every confidential structure. */
export async function compartments(tx: Db, tenantId: string): Promise<(string | null)[]> {
  const rows = await sqlRows<{ id: string }>(
    tx,
    sql`select id from structures where tenant_id = ${tenantId} and confidential order by id`,
  );
  return [null, ...rows.map((r) => r.id)];
}
