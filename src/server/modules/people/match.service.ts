import type { TPersonCreate } from '../../../shared/people/person.js';
import type { TCandidate, TMatchDraft, TMatchResult } from '../../../shared/people/registry.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { withActor, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { candidateOf, clusterCards, registrationCompartment } from './candidates.js';
import { findCandidates, MODEL, type ScoredCandidate } from './matching/matcher.js';
import type { MatchInput } from './matching/features.js';
import { identifierValues } from './people.keys.js';
import type { PersonFields } from './people.repo.js';
import { queueReview } from './reviews.repo.js';

/** Candidates weaker than this are noise for a worker (a surname alone): the panel leaves them out. */
const SHOW_FROM = 0.003;

/** The matcher's input for a draft or a new registration. */
export function inputOf(
  d: Partial<
    Pick<
      TPersonCreate,
      'givenName' | 'familyName' | 'fatherName' | 'motherName' | 'sex' | 'birthDate' | 'birthDateApproximate' | 'identifiers'
    >
  >,
): MatchInput {
  return {
    givenName: d.givenName ?? '',
    familyName: d.familyName ?? '',
    fatherName: d.fatherName ?? null,
    motherName: d.motherName ?? null,
    sex: d.sex ?? null,
    birthDate: d.birthDate ?? null,
    birthDateApproximate: d.birthDateApproximate ?? false,
    identifiers: identifierValues(d.identifiers ?? []).map((i) => ({ type: i.type, value: i.value, valid: i.valid })),
  };
}

/** The matcher's input for a stored record (its identifiers left out: the caller adds them when it has them). */
export function inputOfPerson(r: PersonFields): MatchInput {
  return inputOf({
    givenName: r.given_name,
    familyName: r.family_name,
    fatherName: r.father_name,
    motherName: r.mother_name,
    sex: r.sex,
    birthDate: r.birth_date,
    birthDateApproximate: r.birth_date_approximate,
  });
}

/**
 * Candidates for a record about to be registered, as the worker may see them (the worker's
 * organisation, the worker's compartment), each shown candidate audited. Runs inside the caller's
 * transaction.
 */
export async function candidatesFor(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  input: MatchInput,
  limit: number,
): Promise<{ candidates: TCandidate[]; scored: ScoredCandidate[] }> {
  const compartment = registrationCompartment(actor);
  const found =
    (await findCandidates(tx, audit.tenantId, compartment, [{ idx: 0, input }], { minProbability: SHOW_FROM })).get(0) ?? [];
  const cards = await clusterCards(
    tx,
    audit.tenantId,
    actor,
    found.slice(0, limit * 3).map((c) => c.clusterId),
  );
  const scored = found.filter((c) => cards.has(c.clusterId)).slice(0, limit);
  const candidates = scored.flatMap((c) => {
    const card = cards.get(c.clusterId);
    return card ? [candidateOf(card, c.score)] : [];
  });
  await recordAudit(
    tx,
    audit,
    candidates.map((c) => ({ action: 'person.matched' as const, entityType: 'person', entityId: c.id, personId: c.id })),
  );
  return { candidates, scored };
}

/** "Search before create": candidate matches for a draft as the worker types. */
export async function matchDraft(db: Db, audit: AuditContext, actor: Actor, draft: TMatchDraft): Promise<TMatchResult> {
  const input = inputOf({
    ...draft,
    givenName: draft.givenName,
    familyName: draft.familyName,
    birthDate: draft.birthDate ?? null,
  });
  if (!input.familyName && !input.givenName && input.identifiers.length === 0)
    return { candidates: [], modelVersion: MODEL.version };
  const { candidates } = await withActor(db, actor, (tx) => candidatesFor(tx, audit, actor, input, draft.limit));
  return { candidates, modelVersion: MODEL.version };
}

/** Queues every likely match of a new registration for review (the worker said it is a new person). */
export async function queueLikelyMatches(
  tx: Db,
  audit: AuditContext,
  compartment: string | null,
  rowId: string,
  scored: ScoredCandidate[],
) {
  for (const c of scored) {
    if (c.score.decision === 'none') continue;
    await queueReview(tx, audit.tenantId, {
      compartmentId: compartment,
      a: rowId,
      b: c.rowId,
      score: c.score.probability,
      weight: c.score.weight,
      modelVersion: MODEL.version,
    });
  }
}
