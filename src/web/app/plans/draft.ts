/** The plan as the editor holds it while it is typed, and the conversions to and from the API's plan. */
import type { TPlan, TPlanPut } from '../../../shared/plans/plan.js';
import type { ActionStatus, GoalDomain, GoalStatus } from '../../../shared/plans/lists.js';

/** Who carries out an action in the editor: me, another worker kept from the plan (`user:<id>`), the person, a structure. */
export type OwnerChoice = 'me' | 'person' | 'structure' | `user:${string}`;

/** An action being edited; `key` tells React rows apart, `id` keeps a stored action's id (and its task). */
export interface DraftAction {
  key: string;
  id?: string;
  text: string;
  owner: OwnerChoice;
  structure: string;
  dueOn: string;
  status: ActionStatus;
}

/** A goal being edited. */
export interface DraftGoal {
  key: string;
  id?: string;
  domain: GoalDomain;
  text: string;
  status: GoalStatus;
  actions: DraftAction[];
}

let counter = 0;
/** A key for a new row. */
export const newKey = () => `new-${++counter}`;

/** A new, empty action (owned by the worker writing it). */
export const emptyAction = (): DraftAction => ({
  key: newKey(),
  text: '',
  owner: 'me',
  structure: '',
  dueOn: '',
  status: 'open',
});

/** A new goal with one empty action. */
export const emptyGoal = (): DraftGoal => ({
  key: newKey(),
  domain: 'housing',
  text: '',
  status: 'open',
  actions: [emptyAction()],
});

/** The editor's rows of a stored plan; the names of other workers are returned for the owner lists. */
export function draftOf(plan: TPlan, myId: string): { goals: DraftGoal[]; workers: { id: string; name: string }[] } {
  const workers: { id: string; name: string }[] = [];
  const goals = plan.goals.map((g) => ({
    key: g.id,
    id: g.id,
    domain: g.domain,
    text: g.text,
    status: g.status,
    actions: g.actions.map((a): DraftAction => {
      let owner: OwnerChoice = 'person';
      let structure = '';
      if (a.owner.kind === 'worker') {
        const user = a.owner.user;
        owner = user.id === myId ? 'me' : `user:${user.id}`;
        if (user.id !== myId && !workers.some((w) => w.id === user.id)) workers.push({ id: user.id, name: user.displayName });
      } else if (a.owner.kind === 'structure') {
        owner = 'structure';
        structure = a.owner.structure.slug;
      }
      return { key: a.id, id: a.id, text: a.text, owner, structure, dueOn: a.dueOn ?? '', status: a.status };
    }),
  }));
  return { goals, workers };
}

/** The request body of a draft: texts trimmed, empty due dates left out. */
export function planPutOf(goals: readonly DraftGoal[], myId: string, personId: string | null): TPlanPut {
  return {
    goals: goals.map((g) => ({
      ...(g.id ? { id: g.id } : {}),
      domain: g.domain,
      text: g.text.trim(),
      status: g.status,
      actions: g.actions.map((a) => ({
        ...(a.id ? { id: a.id } : {}),
        text: a.text.trim(),
        owner:
          a.owner === 'person' && personId
            ? { kind: 'person' as const, person: personId }
            : a.owner === 'structure'
              ? { kind: 'structure' as const, structure: a.structure }
              : { kind: 'worker' as const, user: a.owner.startsWith('user:') ? a.owner.slice(5) : myId },
        dueOn: a.dueOn || null,
        status: a.status,
      })),
    })),
  };
}
