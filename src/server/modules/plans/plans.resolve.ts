import type { TPlanPut } from '../../../shared/plans/plan.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError } from '../../platform/http/problem.js';
import { personForActor } from '../people/index.js';
import * as repo from './plans.repo.js';

interface FieldProblem {
  field: string;
  code: string;
}

/**
 * The goals of a plan as written, checked against the stored plan and resolved to ids: a kept id
 * must be a goal (or an action) of the current plan and appear once; a worker must be active staff
 * of the actor's organisation, a person one the actor may read, a structure one that exists. All
 * problems are answered at once (422 naming each field), never with a value.
 */
export async function resolveGoals(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  input: TPlanPut,
  stored: { goals: repo.GoalRow[]; actions: repo.ActionRow[] },
  newId: () => string,
): Promise<repo.NewGoal[]> {
  const problems: FieldProblem[] = [];
  const storedGoals = new Set(stored.goals.map((g) => g.id));
  const storedActions = new Map(stored.actions.map((a) => [a.id, a]));
  const seen = new Set<string>();
  const keep = (id: string | undefined, known: (id: string) => boolean, field: string): string => {
    if (id === undefined) return newId();
    if (!known(id)) problems.push({ field, code: 'unknown_reference' });
    else if (seen.has(id)) problems.push({ field, code: 'duplicate' });
    seen.add(id);
    return id;
  };

  const workers = new Set<string>();
  const structures = new Set<string>();
  const persons = new Set<string>();
  for (const g of input.goals) {
    for (const a of g.actions) {
      if (a.owner.kind === 'worker') workers.add(a.owner.user);
      else if (a.owner.kind === 'structure') structures.add(a.owner.structure);
      else persons.add(a.owner.person);
    }
  }
  const staff = await repo.activeStaff(tx, audit.tenantId, actor.organisationId, [...workers]);
  const structureIds = await repo.structureIds(tx, audit.tenantId, [...structures]);
  const personIds = new Map<string, string>();
  for (const p of persons) {
    const found = await personForActor(tx, audit, actor, p, 'person.read');
    if (found) personIds.set(p, found.row.id);
  }

  const goals = input.goals.map((g, gi): repo.NewGoal => {
    const at = `body.goals.${gi}`;
    return {
      id: keep(g.id, (id) => storedGoals.has(id), `${at}.id`),
      domain: g.domain,
      text: g.text,
      status: g.status,
      actions: g.actions.map((a, ai) => {
        const field = `${at}.actions.${ai}`;
        const id = keep(a.id, (x) => storedActions.has(x), `${field}.id`);
        const before = a.id !== undefined ? storedActions.get(a.id) : undefined;
        let userId: string | null = null;
        let personId: string | null = null;
        let structureId: string | null = null;
        if (a.owner.kind === 'worker') {
          userId = a.owner.user;
          if (!staff.has(userId)) problems.push({ field: `${field}.owner.user`, code: 'unknown_reference' });
        } else if (a.owner.kind === 'person') {
          personId = personIds.get(a.owner.person) ?? null;
          if (personId === null) problems.push({ field: `${field}.owner.person`, code: 'unknown_reference' });
        } else {
          structureId = structureIds.get(a.owner.structure) ?? null;
          if (structureId === null) problems.push({ field: `${field}.owner.structure`, code: 'unknown_reference' });
        }
        return {
          id,
          text: a.text,
          ownerKind: a.owner.kind,
          userId,
          personId,
          structureId,
          dueOn: a.dueOn ?? null,
          status: a.status,
          statusChangedAt:
            before && before.status === a.status ? before.status_changed_at : a.status === 'open' && !before ? null : 'now',
        };
      }),
    };
  });
  if (problems.length > 0) {
    throw new ProblemError(422, 'problem.validation.title', 'problem.plan_reference.detail', { errors: problems });
  }
  return goals;
}
