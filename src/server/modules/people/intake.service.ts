import { LINK_REASONS } from '../../../shared/people/lists.js';
import type { TPersonCreate } from '../../../shared/people/person.js';
import type { TCandidate } from '../../../shared/people/registry.js';
import { scorePair } from '../../../shared/people/match-model.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { structuresWith, withActor, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, conflict, isUniqueViolation, notFound } from '../../platform/http/problem.js';
import { clusterCards } from './candidates.js';
import { linkClusters } from './links.js';
import { candidatesFor, inputOf, inputOfPerson, queueLikelyMatches } from './match.service.js';
import { matchFeatures } from './matching/features.js';
import { MODEL } from './matching/matcher.js';
import { identifierValues, personValues } from './people.keys.js';
import { refuseUncleared } from './people.policy.js';
import * as repo from './people.repo.js';
import { etagOf } from '../../platform/http/versions.js';
import { present, type PersonWithVersion } from './people.service.js';

/** The structure a new registration goes to: the one named, or the actor's only one; it must be in the actor's scope. */
async function registrationStructure(tx: Db, audit: AuditContext, actor: Actor, named: string | undefined) {
  const where = structuresWith(actor, 'person.create');
  const pick = named ?? actor.currentStructureId ?? (where !== 'all' && where.length === 1 ? where[0] : undefined);
  if (!pick) {
    throw new ProblemError(422, 'problem.validation.title', 'problem.structure_required.detail', {
      errors: [{ field: 'body.structure', code: 'required' }],
    });
  }
  const s = await repo.findStructure(tx, audit.tenantId, pick);
  if (!s) {
    throw new ProblemError(422, 'problem.validation.title', 'problem.structure_not_found.detail', {
      errors: [{ field: 'body.structure', code: 'unknown_reference' }],
    });
  }
  const allowed =
    where === 'all'
      ? s.organisationId === actor.organisationId && (!s.confidential || actor.compartments.includes(s.id))
      : where.includes(s.id);
  if (!allowed) throw new ProblemError(403, 'problem.forbidden.title', 'problem.structure_not_yours.detail');
  return s;
}

type Outcome = { created: PersonWithVersion } | { duplicates: TCandidate[] };

/**
 * Registers a person at a structure, "search before create": the record, its identifiers and the
 * registration, with the audit rows, all or nothing. With `linkTo` the registration is of an
 * existing person (its record joins that person's cluster). Without it, a likely match answers
 * 409 with the candidates unless the worker confirms a new person; likely matches of a confirmed
 * new person go to the review queue.
 */
export async function createPerson(db: Db, audit: AuditContext, actor: Actor, input: TPersonCreate): Promise<PersonWithVersion> {
  refuseUncleared(input, actor);
  let outcome: Outcome;
  try {
    outcome = await withActor(db, actor, (tx) => register(tx, audit, actor, input));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('problem.duplicate_source.detail');
    throw error;
  }
  if ('duplicates' in outcome) {
    throw new ProblemError(409, 'problem.conflict.title', 'problem.possible_duplicate.detail', {
      candidates: outcome.duplicates,
    });
  }
  return outcome.created;
}

async function register(tx: Db, audit: AuditContext, actor: Actor, input: TPersonCreate): Promise<Outcome> {
  const structure = await registrationStructure(tx, audit, actor, input.structure);
  const compartmentId = structure.confidential ? structure.id : null;
  const matchInput = inputOf(input);
  let target: repo.PersonRow | null = null;
  let likely: Awaited<ReturnType<typeof candidatesFor>>['scored'] = [];
  if (input.linkTo) {
    const linked = await repo.findPerson(tx, audit.tenantId, input.linkTo);
    const card = linked ? (await clusterCards(tx, audit.tenantId, actor, [linked.cluster_id])).get(linked.cluster_id) : undefined;
    if (!card || card.row.compartment_id !== compartmentId) throw notFound('problem.not_a_candidate.detail');
    target = card.row;
  } else {
    const found = await candidatesFor(tx, audit, actor, matchInput, 8);
    const duplicates = found.candidates.filter((c) => c.decision !== 'none');
    if (duplicates.length > 0 && input.confirmNew !== true) return { duplicates };
    likely = found.scored;
  }
  const id = await repo.insertPerson(tx, audit.tenantId, personValues(input), { compartmentId, createdBy: actor.userId });
  await repo.replaceIdentifiers(tx, audit.tenantId, id, compartmentId, identifierValues(input.identifiers ?? []));
  await repo.insertRegistration(tx, audit.tenantId, {
    personId: id,
    structureId: structure.id,
    compartmentId,
    sourceId: input.sourceId ?? null,
    by: actor.userId,
  });
  const changes = Object.keys(input).filter((k) => !['structure', 'sourceId', 'linkTo', 'confirmNew'].includes(k));
  await recordAudit(tx, audit, [
    { action: 'person.created', entityType: 'person', entityId: id, personId: id, structureId: structure.id, changes },
  ]);
  let personId = id;
  if (target) {
    const score = scorePair(matchFeatures(matchInput), matchFeatures(inputOfPerson(target)), MODEL);
    await linkClusters(
      tx,
      audit,
      { userId: actor.userId, label: actor.username },
      {
        survivorId: target.id,
        otherId: id,
        score: score.probability,
        reason: LINK_REASONS.intake,
      },
    );
    personId = target.id;
  } else if (likely.length > 0) {
    await queueLikelyMatches(tx, audit, compartmentId, id, likely);
  }
  const row = await repo.findPerson(tx, audit.tenantId, personId);
  if (!row) throw new Error('registered person not found');
  const { person } = await present(tx, audit, actor, { row, access: 'scope' });
  return { created: { person, etag: etagOf(row.version) } };
}
