import { sql } from 'drizzle-orm';
import type { MatchScore } from '../../../shared/people/match-model.js';
import { explain } from '../../../shared/people/match-model.js';
import type { TCandidate } from '../../../shared/people/registry.js';
import { structuresWith, type Actor } from '../../platform/auth/index.js';
import { sqlRows, type Db } from '../../platform/db/database.js';
import { clusterInScope, registrationsOfClusters, type PersonRow } from './people.repo.js';
import { personScope } from './people.policy.js';
import { nameCard } from './people.present.js';
import { findPersons } from './people.repo.js';

/** What a candidate card shows of a cluster, and whether the viewer may know of it at all. */
export interface ClusterCard {
  row: PersonRow;
  structures: { slug: string; name: TCandidate['structures'][number]['name'] }[];
  inScope: boolean;
}

/**
 * The clusters a worker may be shown as candidates: registered at a structure of the worker's own
 * organisation (one registry per data controller), with whether each is in the worker's scope.
 */
export async function clusterCards(
  db: Db,
  tenantId: string,
  actor: Actor,
  clusterIds: string[],
): Promise<Map<string, ClusterCard>> {
  const out = new Map<string, ClusterCard>();
  if (clusterIds.length === 0) return out;
  const visible = await sqlRows<{ id: string; in_scope: boolean }>(
    db,
    sql`select p.id, ${clusterInScope(tenantId, personScope(actor, 'person.read', tenantId))} as in_scope
          from persons p where p.tenant_id = ${tenantId} and p.id = any(${sql.param(clusterIds)}::uuid[]) and p.id = p.cluster_id
           and exists (select 1 from persons q join registrations r on r.tenant_id = q.tenant_id and r.person_id = q.id
                         join structures s on s.tenant_id = r.tenant_id and s.id = r.structure_id
                        where q.tenant_id = ${tenantId} and q.cluster_id = p.id and s.organisation_id = ${actor.organisationId})`,
  );
  const regs = await registrationsOfClusters(
    db,
    tenantId,
    visible.map((v) => v.id),
  );
  const rows = new Map(
    (
      await findPersons(
        db,
        tenantId,
        visible.map((v) => v.id),
      )
    ).map((r) => [r.id, r]),
  );
  for (const v of visible) {
    const row = rows.get(v.id);
    if (!row) continue;
    const structures = regs.filter((r) => r.person_id === v.id).map((r) => ({ slug: r.slug, name: r.name }));
    out.set(v.id, { row, structures: [...new Map(structures.map((s) => [s.slug, s])).values()], inScope: v.in_scope });
  }
  return out;
}

/** A candidate as the intake panel and the review queue show it. */
export function candidateOf(card: ClusterCard, score: MatchScore): TCandidate {
  const { agreed, partial, disagreed } = explain(score);
  return {
    id: card.row.id,
    ...nameCard(card.row),
    structures: card.structures,
    inScope: card.inScope,
    score: score.probability,
    weight: score.weight,
    decision: score.decision,
    agreed,
    partial,
    disagreed,
    twinGuard: score.twinGuard,
    hardConflict: score.hardConflict,
  };
}

/**
 * The compartment a worker registers into: the confidential structure they work at when every
 * structure where they may register people is one (the shelter's staff), otherwise none.
 */
export function registrationCompartment(actor: Actor): string | null {
  const where = structuresWith(actor, 'person.create');
  if (where === 'all' || where.length === 0) return null;
  const current = actor.currentStructureId;
  if (current && actor.compartments.includes(current)) return current;
  return where.every((s) => actor.compartments.includes(s)) ? (where[0] ?? null) : null;
}
