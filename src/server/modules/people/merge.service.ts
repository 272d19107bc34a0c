import { scorePair } from '../../../shared/people/match-model.js';
import type { TLinkEvent, TMergePreview } from '../../../shared/people/registry.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { withActor, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import { clusterCards, type ClusterCard } from './candidates.js';
import { linkClusters, unlink } from './links.js';
import * as links from './links.repo.js';
import { decideFields, visibleDecisions } from './merge.rules.js';
import { matchFeatures } from './matching/features.js';
import { MODEL } from './matching/matcher.js';
import { inputOfPerson } from './match.service.js';
import { personForActor } from './people.access.js';
import { nameCard } from './people.present.js';
import * as repo from './people.repo.js';
import { etagOf } from '../../platform/http/versions.js';
import { present, type PersonWithVersion } from './people.service.js';

function score(a: repo.PersonRow, b: repo.PersonRow) {
  return scorePair(matchFeatures(inputOfPerson(a)), matchFeatures(inputOfPerson(b)), MODEL);
}

/** The two persons of a merge: the survivor in the actor's merge scope, the other a candidate the actor may know of. */
async function pair(tx: Db, audit: AuditContext, actor: Actor, survivorId: string, otherId: string) {
  const survivor = await personForActor(tx, audit, actor, survivorId, 'person.merge', { lock: true });
  if (!survivor) return null;
  const other = await repo.findPerson(tx, audit.tenantId, otherId);
  const card = other ? (await clusterCards(tx, audit.tenantId, actor, [other.cluster_id])).get(other.cluster_id) : undefined;
  if (!card || card.row.compartment_id !== survivor.row.compartment_id) return null;
  if (card.row.id === survivor.row.id) throw conflict('problem.same_person.detail');
  const own = (await clusterCards(tx, audit.tenantId, actor, [survivor.row.id])).get(survivor.row.id);
  if (!own) return null;
  return { survivor: own, other: card };
}

const cardOf = (c: ClusterCard) => ({
  id: c.row.id,
  ...nameCard(c.row),
  structures: c.structures,
  inScope: c.inScope,
  twinGuard: false,
  hardConflict: false,
});

/** What merging `otherId` into `survivorId` would do, field by field (fields the actor is not cleared for are left out). */
export async function mergePreview(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  survivorId: string,
  otherId: string,
): Promise<TMergePreview> {
  const result = await withActor(db, actor, async (tx) => {
    const p = await pair(tx, audit, actor, survivorId, otherId);
    if (!p) return null;
    const s = score(p.survivor.row, p.other.row);
    const fields = visibleDecisions(decideFields(p.survivor.row, p.other.row), actor.clearances);
    await recordAudit(tx, audit, [
      {
        action: 'person.read',
        entityType: 'person',
        entityId: p.survivor.row.id,
        personId: p.survivor.row.id,
        reason: 'merge preview',
      },
      {
        action: 'person.read',
        entityType: 'person',
        entityId: p.other.row.id,
        personId: p.other.row.id,
        reason: 'merge preview',
      },
    ]);
    return {
      survivor: { ...cardOf(p.survivor), twinGuard: s.twinGuard, hardConflict: s.hardConflict },
      other: { ...cardOf(p.other), twinGuard: s.twinGuard, hardConflict: s.hardConflict },
      fields,
      score: s.probability,
      cannotLink: await links.cannotLink(tx, audit.tenantId, p.survivor.row.id, p.other.row.id),
    };
  });
  if (!result) throw notFound('problem.person_not_found.detail');
  return result;
}

/** Merges another person into this one with the survivorship rule and the worker's choices. */
export async function mergePersons(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  survivorId: string,
  req: { other: string; choices?: Record<string, 'survivor' | 'other'> | undefined; reason: string },
): Promise<PersonWithVersion> {
  const result = await withActor(db, actor, async (tx) => {
    const p = await pair(tx, audit, actor, survivorId, req.other);
    if (!p) return null;
    const s = score(p.survivor.row, p.other.row);
    await linkClusters(
      tx,
      audit,
      { userId: actor.userId, label: actor.username },
      {
        survivorId: p.survivor.row.id,
        otherId: p.other.row.id,
        score: s.probability,
        reason: req.reason,
        ...(req.choices ? { choices: req.choices } : {}),
      },
    );
    return reread(tx, audit, actor, p.survivor.row.id);
  });
  if (!result) throw notFound('problem.person_not_found.detail');
  return result;
}

async function reread(tx: Db, audit: AuditContext, actor: Actor, id: string) {
  const row = await repo.findPerson(tx, audit.tenantId, id);
  if (!row) throw notFound('problem.person_not_found.detail');
  const { person } = await present(tx, audit, actor, { row, access: 'scope' });
  return { person, etag: etagOf(row.version) };
}

/** Undoes a merge of this person: both persons come back as they were, with everything attached to each. */
export async function unmergePersons(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  survivorId: string,
  req: { link: string; reason: string },
): Promise<PersonWithVersion> {
  const result = await withActor(db, actor, async (tx) => {
    const found = await personForActor(tx, audit, actor, survivorId, 'person.merge', { lock: true });
    if (!found) return null;
    await unlink(
      tx,
      audit,
      { userId: actor.userId, label: actor.username },
      { survivorId: found.row.id, linkId: req.link, reason: req.reason },
    );
    return reread(tx, audit, actor, found.row.id);
  });
  if (!result) throw notFound('problem.person_not_found.detail');
  return result;
}

/** The link log of a person (merges, unmerges, cannot-links), audited as a read. */
export async function personLinks(db: Db, audit: AuditContext, actor: Actor, id: string): Promise<{ items: TLinkEvent[] }> {
  const result = await withActor(db, actor, async (tx) => {
    const found = await personForActor(tx, audit, actor, id, 'person.read');
    if (!found) return null;
    const rows = await links.linksOfCluster(tx, audit.tenantId, found.row.id);
    await recordAudit(tx, audit, [
      { action: 'person.links_read', entityType: 'person', entityId: found.row.id, personId: found.row.id },
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        action: r.action,
        a: r.a_id,
        b: r.b_id,
        score: r.score,
        modelVersion: r.model_version,
        actor: r.actor_label,
        reason: r.reason,
        at: r.at,
        undone: r.undone,
      })),
    };
  });
  if (!result) throw notFound('problem.person_not_found.detail');
  return result;
}
