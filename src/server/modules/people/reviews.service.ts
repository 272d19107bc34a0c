import { LINK_REASONS } from '../../../shared/people/lists.js';
import { sql } from 'drizzle-orm';
import type { TMatchReview } from '../../../shared/people/registry.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { unsafeWithCompartments, withActor, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import { candidateOf, clusterCards } from './candidates.js';
import { linkClusters, markCannotLink } from './links.js';
import { compartments, matchStoredRows, rowPage, type BatchResult } from './matching/batch.js';
import { matchRows } from './matching/blocking.repo.js';
import { inputOfRow, MODEL } from './matching/matcher.js';
import { matchFeatures } from './matching/features.js';
import { scorePair } from '../../../shared/people/match-model.js';
import { clusterInScope } from './people.repo.js';
import { personScope } from './people.policy.js';
import * as reviews from './reviews.repo.js';

async function present(tx: Db, audit: AuditContext, actor: Actor, rows: reviews.ReviewRow[]): Promise<TMatchReview[]> {
  const cards = await clusterCards(tx, audit.tenantId, actor, [...new Set(rows.flatMap((r) => [r.a_cluster, r.b_cluster]))]);
  const records = new Map(
    (
      await matchRows(
        tx,
        audit.tenantId,
        rows.flatMap((r) => [r.a_id, r.b_id]),
      )
    ).map((m) => [m.id, m]),
  );
  return rows.flatMap((r) => {
    const a = cards.get(r.a_cluster);
    const b = cards.get(r.b_cluster);
    const ra = records.get(r.a_id);
    const rb = records.get(r.b_id);
    if (!a || !b || !ra || !rb) return [];
    // The reasons are those of the two records the matcher compared, scored with today's model.
    const score = scorePair(matchFeatures(inputOfRow(ra)), matchFeatures(inputOfRow(rb)), MODEL);
    return [{ id: r.id, status: r.status, a: candidateOf(a, score), b: candidateOf(b, score), createdAt: r.created_at }];
  });
}

/** The review queue: pairs where at least one side is in the reviewer's scope, best score first; each person shown is audited. */
export async function listReviews(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  q: { status: reviews.ReviewRow['status']; limit: number; offset: number },
) {
  return withActor(db, actor, async (tx) => {
    const scope = personScope(actor, 'person.merge', audit.tenantId);
    const where = sql`(exists (select 1 from persons p where p.tenant_id = r.tenant_id and p.id = pa.cluster_id and ${clusterInScope(audit.tenantId, scope)})
      or exists (select 1 from persons p where p.tenant_id = r.tenant_id and p.id = pb.cluster_id and ${clusterInScope(audit.tenantId, scope)}))`;
    const { rows, total } = await reviews.listReviews(tx, audit.tenantId, { ...q, scope: where });
    const items = await present(tx, audit, actor, rows);
    await recordAudit(
      tx,
      audit,
      items.flatMap((i) => [
        { action: 'match.review_listed' as const, entityType: 'match_review', entityId: i.id, personId: i.a.id },
        { action: 'match.review_listed' as const, entityType: 'match_review', entityId: i.id, personId: i.b.id },
      ]),
    );
    return { items, total, limit: q.limit, offset: q.offset };
  });
}

/** A reviewer decides a pair: the same person (link), different people (reject), or never to be linked (cannot-link). */
export async function decideReview(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  d: { decision: 'link' | 'reject' | 'cannot_link'; reason?: string | undefined },
): Promise<TMatchReview> {
  const result = await withActor(db, actor, async (tx) => {
    const row = await reviews.findReview(tx, audit.tenantId, id);
    if (!row) return null;
    const cards = await clusterCards(tx, audit.tenantId, actor, [row.a_cluster, row.b_cluster]);
    if (!cards.get(row.a_cluster)?.inScope && !cards.get(row.b_cluster)?.inScope) return null;
    if (row.status !== 'open') throw conflict('problem.review_decided.detail');
    const by = { userId: actor.userId, label: actor.username };
    if (d.decision === 'link') {
      await linkClusters(tx, audit, by, {
        survivorId: row.a_cluster,
        otherId: row.b_cluster,
        score: row.score,
        reason: d.reason ?? LINK_REASONS.review,
      });
    } else if (d.decision === 'cannot_link') {
      await markCannotLink(tx, audit, by, { a: row.a_id, b: row.b_id, reason: d.reason ?? null });
    }
    const status = d.decision === 'link' ? 'linked' : d.decision === 'reject' ? 'rejected' : 'cannot_link';
    await reviews.decideReview(tx, audit.tenantId, id, status, actor.userId);
    await recordAudit(tx, audit, [
      { action: 'match.review_decided', entityType: 'match_review', entityId: id, personId: row.a_cluster, reason: status },
    ]);
    const updated = await reviews.findReview(tx, audit.tenantId, id);
    const [presented] = updated
      ? await present(tx, audit, actor, [{ ...updated, a_cluster: row.a_cluster, b_cluster: row.b_cluster }])
      : [];
    return presented ?? null;
  });
  if (!result) throw notFound('problem.review_not_found.detail');
  return result;
}

/**
 * The batch job: scans the whole registry, compartment by compartment, in pages of rows, each
 * page in its own transaction (an interruption loses no committed page): automatic links for
 * near-certain pairs, the review queue for the rest.
 */
export async function scanRegistry(
  db: Db,
  audit: AuditContext,
  options: { pageSize?: number; onProgress?: (done: number) => void } = {},
): Promise<BatchResult> {
  const total: BatchResult = { compared: 0, autoLinked: 0, queued: 0 };
  const parts = await unsafeWithCompartments(db, [], (tx) => compartments(tx, audit.tenantId));
  for (const compartment of parts) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await unsafeWithCompartments(db, compartment ? [compartment] : [], async (tx) => {
        const ids = await rowPage(tx, audit.tenantId, compartment, after, options.pageSize ?? 500);
        return { ids, result: ids.length ? await matchStoredRows(tx, audit, compartment, ids) : null };
      });
      if (!page.result) break;
      total.compared += page.result.compared;
      total.autoLinked += page.result.autoLinked;
      total.queued += page.result.queued;
      after = page.ids[page.ids.length - 1] ?? after;
      options.onProgress?.(total.compared);
    }
  }
  return total;
}
