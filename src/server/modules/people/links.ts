import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, conflict, notFound } from '../../platform/http/problem.js';
import * as links from './links.repo.js';
import { decideFields, mergeChange, revertPatch } from './merge.rules.js';
import { MODEL } from './matching/matcher.js';
import { personValues, searchText } from './people.keys.js';
import * as repo from './people.repo.js';

/** Who links: a user, or the system (the matcher's automatic links). */
export interface Linker {
  userId: string | null;
  label: string;
}

/**
 * Links the cluster of `otherId` into the cluster of `survivorId`, inside the caller's
 * transaction: the survivorship rule (or the given choices) updates the survivor's record, the
 * other cluster's rows move, the link log records what moved and what changed, open reviews
 * between the two close, and both persons get an audit row. Refuses across compartments and
 * between people marked as different.
 */
export async function linkClusters(
  tx: Db,
  audit: AuditContext,
  by: Linker,
  args: {
    survivorId: string;
    otherId: string;
    score: number | null;
    reason: string;
    choices?: Record<string, 'survivor' | 'other'>;
  },
): Promise<string> {
  const { tenantId } = audit;
  const survivor = await repo.findPerson(tx, tenantId, args.survivorId, true);
  const other = await repo.findPerson(tx, tenantId, args.otherId, true);
  if (!survivor || !other || survivor.cluster_id !== survivor.id || other.cluster_id !== other.id)
    throw notFound('problem.person_not_found.detail');
  if (survivor.id === other.id) throw conflict('problem.same_person.detail');
  // A compartment never joins the open registry, nor another compartment.
  if (survivor.compartment_id !== other.compartment_id) throw notFound('problem.person_not_found.detail');
  if (await links.cannotLink(tx, tenantId, survivor.id, other.id)) throw conflict('problem.cannot_link.detail');
  const { patch, changed } = mergeChange(survivor, other, decideFields(survivor, other, args.choices));
  if (Object.keys(patch).length > 0) await repo.updatePerson(tx, tenantId, survivor.id, personValues(patch, survivor));
  const moved = await links.moveRows(tx, tenantId, other.id, survivor.id);
  const linkId = await links.insertLink(tx, tenantId, {
    compartmentId: survivor.compartment_id,
    action: 'link',
    a: survivor.id,
    b: other.id,
    score: args.score,
    modelVersion: MODEL.version,
    actorUserId: by.userId,
    actorLabel: by.label,
    reason: args.reason,
    movedRows: moved,
    changed,
  });
  await links.refreshClusterSearch(tx, tenantId, survivor.id, searchText);
  await links.closeReviewsWithin(tx, tenantId, survivor.id, by.userId);
  await recordAudit(tx, audit, [
    {
      action: 'person.merged',
      entityType: 'person',
      entityId: survivor.id,
      personId: survivor.id,
      changes: { link: linkId, fields: Object.keys(changed) },
      reason: args.reason,
    },
    {
      action: 'person.merged',
      entityType: 'person',
      entityId: other.id,
      personId: other.id,
      changes: { link: linkId, into: survivor.id },
    },
  ]);
  return linkId;
}

/**
 * Undoes a link: the rows it moved go back to their own cluster, the survivor's fields the merge
 * changed are put back (unless someone changed them since), and an unlink joins the log.
 */
export async function unlink(
  tx: Db,
  audit: AuditContext,
  by: Linker,
  args: { survivorId: string; linkId: string; reason: string },
) {
  const { tenantId } = audit;
  const link = await links.findLink(tx, tenantId, args.linkId);
  const survivor = await repo.findPerson(tx, tenantId, args.survivorId, true);
  if (!link || link.action !== 'link' || !survivor || survivor.cluster_id !== survivor.id)
    throw notFound('problem.link_not_found.detail');
  const a = await repo.findPerson(tx, tenantId, link.a_id);
  if (!a || a.cluster_id !== survivor.id) throw notFound('problem.link_not_found.detail');
  if (link.undone) throw conflict('problem.already_undone.detail');
  const b = link.b_id;
  if (!link.moved_rows.includes(b)) throw new ProblemError(409, 'problem.conflict.title', 'problem.link_not_found.detail');
  await links.restoreRows(tx, tenantId, link.moved_rows, survivor.id, b);
  // The fields the merge changed belong to the survivor it changed; a later merge's survivor keeps its own.
  const revert = survivor.id === link.a_id ? revertPatch(survivor, link.changed) : {};
  if (Object.keys(revert).length > 0) await repo.updatePerson(tx, tenantId, survivor.id, personValues(revert, survivor));
  const id = await links.insertLink(tx, tenantId, {
    compartmentId: survivor.compartment_id,
    action: 'unlink',
    a: survivor.id,
    b,
    score: null,
    modelVersion: null,
    actorUserId: by.userId,
    actorLabel: by.label,
    reason: args.reason,
    undoes: link.id,
  });
  await links.refreshClusterSearch(tx, tenantId, survivor.id, searchText);
  await links.refreshClusterSearch(tx, tenantId, b, searchText);
  await recordAudit(tx, audit, [
    {
      action: 'person.unmerged',
      entityType: 'person',
      entityId: survivor.id,
      personId: survivor.id,
      changes: { link: link.id, unlink: id },
      reason: args.reason,
    },
    { action: 'person.unmerged', entityType: 'person', entityId: b, personId: b, changes: { link: link.id, unlink: id } },
  ]);
  return { unlinkId: id, restoredId: b };
}

/** Records that two persons are different people: the matcher never offers the pair again and a merge is refused. */
export async function markCannotLink(
  tx: Db,
  audit: AuditContext,
  by: Linker,
  args: { a: string; b: string; reason: string | null },
) {
  const pa = await repo.findPerson(tx, audit.tenantId, args.a);
  const pb = await repo.findPerson(tx, audit.tenantId, args.b);
  if (!pa || !pb || pa.compartment_id !== pb.compartment_id) throw notFound('problem.person_not_found.detail');
  const id = await links.insertLink(tx, audit.tenantId, {
    compartmentId: pa.compartment_id,
    action: 'cannot_link',
    a: pa.id,
    b: pb.id,
    score: null,
    modelVersion: MODEL.version,
    actorUserId: by.userId,
    actorLabel: by.label,
    reason: args.reason,
  });
  await recordAudit(tx, audit, [
    {
      action: 'match.cannot_link',
      entityType: 'person',
      entityId: pa.cluster_id,
      personId: pa.cluster_id,
      changes: { link: id },
    },
    {
      action: 'match.cannot_link',
      entityType: 'person',
      entityId: pb.cluster_id,
      personId: pb.cluster_id,
      changes: { link: id },
    },
  ]);
  return id;
}
