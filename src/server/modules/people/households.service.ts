import type { z } from 'zod';
import type { Permission } from '../../../shared/access.js';
import type { THousehold, ZHouseholdCreate, ZHouseholdJoin, ZHouseholdLeave } from '../../../shared/people/registry.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { withActor, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { ProblemError, conflict, isUniqueViolation, notFound } from '../../platform/http/problem.js';
import { personForActor } from './people.access.js';
import { personScope } from './people.policy.js';
import { findPerson } from './people.repo.js';
import * as repo from './households.repo.js';

type HouseholdCreate = z.infer<typeof ZHouseholdCreate>;
type HouseholdJoin = z.infer<typeof ZHouseholdJoin>;
type HouseholdLeave = z.infer<typeof ZHouseholdLeave>;

/** Today's date in Thessaloniki (YYYY-MM-DD): the day a worker means by "today", whatever the server's time zone. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Athens',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Whether a YYYY-MM-DD string names a real calendar day (the contract's pattern alone lets 2026-02-30 through). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** 422 naming one field of the body and why, never its value. */
export const invalidField = (field: string, code: string) =>
  new ProblemError(422, 'problem.validation.title', 'problem.validation.detail', { errors: [{ field, code }] });

/** A real date that is not after today, or 422. */
export function pastOrToday(value: string, field: string): string {
  if (!isCalendarDate(value)) throw invalidField(field, 'invalid_date');
  if (value > today()) throw invalidField(field, 'future');
  return value;
}

/** A refusal found inside a transaction: the transaction rolls back, then the refusal is audited and answered. */
export class Refusal extends Error {
  constructor(
    readonly problem: ProblemError,
    readonly entityType: string,
    readonly entityId: string,
    readonly permission: Permission,
    readonly personId?: string,
  ) {
    super(problem.detailKey);
  }
}

/**
 * Runs fn in the actor's transaction. A Refusal thrown inside is written to the audit trail in
 * a transaction of its own (the change rolled back) and answered with its problem.
 */
export async function actAudited<T>(db: Db, audit: AuditContext, actor: Actor, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await withActor(db, actor, fn);
  } catch (error) {
    if (error instanceof Refusal) {
      await withActor(db, actor, (tx) =>
        recordAudit(tx, audit, [
          {
            action: 'access.denied',
            outcome: 'denied',
            entityType: error.entityType,
            entityId: error.entityId,
            ...(error.personId ? { personId: error.personId } : {}),
            reason: error.permission,
          },
        ]),
      );
      throw error.problem;
    }
    throw error;
  }
}

/** A change of membership; a race lost to one of the unique indexes answers 409 like the check that would have caught it. */
async function changeMembers<T>(db: Db, audit: AuditContext, actor: Actor, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await actAudited(db, audit, actor, fn);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw conflict(
      constraintOf(error) === 'household_members_head' ? 'problem.household_head_exists.detail' : 'problem.already_member.detail',
    );
  }
}

function constraintOf(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const c = (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
  }
  return undefined;
}

const personRefused = (id: string, permission: Permission) =>
  new Refusal(notFound('problem.person_not_found.detail'), 'person', id, permission, id);

function present(h: repo.HouseholdRow, members: repo.MemberRow[]): THousehold {
  return {
    id: h.id,
    members: members
      .filter((m) => m.household_id === h.id)
      .map((m) => ({
        person: { id: m.person_id, givenName: m.given_name, familyName: m.family_name, birthDate: m.birth_date },
        relationship: m.relationship,
        from: m.from,
        to: m.to,
      })),
    createdAt: h.created_at,
  };
}

async function presentOne(tx: Db, tenantId: string, h: repo.HouseholdRow): Promise<THousehold> {
  return present(h, await repo.membersOf(tx, tenantId, [h.id]));
}

/**
 * The households a person is or was a member of, each with all its members now and before.
 * Members outside the reader's scope are listed too (a household is one unit), with names and
 * birth date only. One audit row per household returned.
 */
export async function householdsOfPerson(db: Db, audit: AuditContext, actor: Actor, personId: string) {
  return actAudited(db, audit, actor, async (tx) => {
    const found = await personForActor(tx, audit, actor, personId, 'person.read');
    if (!found) throw personRefused(personId, 'person.read');
    const households = await repo.householdsOfCluster(tx, audit.tenantId, found.row.id);
    const members = await repo.membersOf(
      tx,
      audit.tenantId,
      households.map((h) => h.id),
    );
    const items = households.map((h) => present(h, members));
    await recordAudit(
      tx,
      audit,
      items.map((h) => ({
        action: 'household.read' as const,
        entityType: 'household',
        entityId: h.id,
        personId: found.row.id,
        ...(found.access === 'break-glass' ? { reason: 'break-glass' } : {}),
      })),
    );
    return { items };
  });
}

/**
 * Forms a household from registered persons, all from one day (today unless given): exactly one head, every member a
 * person the actor may update, all in one compartment (the household's). Members are stored by
 * their survivor id.
 */
export async function createHousehold(db: Db, audit: AuditContext, actor: Actor, input: HouseholdCreate): Promise<THousehold> {
  if (input.members.filter((m) => m.relationship === 'head').length !== 1) {
    throw new ProblemError(422, 'problem.validation.title', 'problem.household_needs_head.detail', {
      errors: [{ field: 'body.members', code: 'head' }],
    });
  }
  const repeated = input.members.findIndex((m, i) => input.members.findIndex((o) => o.person === m.person) !== i);
  if (repeated >= 0) throw invalidField(`body.members.${repeated}.person`, 'duplicate');
  const from = pastOrToday(input.from ?? today(), 'body.from');
  return actAudited(db, audit, actor, async (tx) => {
    const rows: { personId: string; compartmentId: string | null; relationship: repo.Relationship }[] = [];
    for (const [i, m] of input.members.entries()) {
      const found = await personForActor(tx, audit, actor, m.person, 'person.update');
      if (!found) throw personRefused(m.person, 'person.update');
      // Two ids of one person (rows merged into one cluster) are the same member twice.
      if (rows.some((r) => r.personId === found.row.id)) throw invalidField(`body.members.${i}.person`, 'duplicate');
      rows.push({ personId: found.row.id, compartmentId: found.row.compartment_id, relationship: m.relationship });
    }
    const compartmentId = rows[0]?.compartmentId ?? null;
    const stranger = input.members.find((_, i) => rows[i]?.compartmentId !== compartmentId);
    // A household never spans compartments: a member from another one is answered as unknown.
    if (stranger) throw personRefused(stranger.person, 'person.update');
    const household = await repo.insertHousehold(tx, audit.tenantId, compartmentId, actor.userId);
    await repo.insertMembers(
      tx,
      audit.tenantId,
      household.id,
      compartmentId,
      rows.map((r) => ({ personId: r.personId, relationship: r.relationship, from })),
    );
    const head = rows.find((r) => r.relationship === 'head');
    await recordAudit(tx, audit, [
      {
        action: 'household.created',
        entityType: 'household',
        entityId: household.id,
        ...(head ? { personId: head.personId } : {}),
        changes: ['members'],
      },
    ]);
    return presentOne(tx, audit.tenantId, household);
  });
}

/** The household locked for a change, if some member of it is in the actor's scope for updating persons. */
async function householdToChange(tx: Db, audit: AuditContext, actor: Actor, id: string): Promise<repo.HouseholdRow> {
  const household = await repo.findHousehold(tx, audit.tenantId, id, true);
  const visible =
    household && (await repo.householdInScope(tx, audit.tenantId, id, personScope(actor, 'person.update', audit.tenantId)));
  if (!household || !visible) {
    throw new Refusal(notFound('problem.household_not_found.detail'), 'household', id, 'person.update');
  }
  return household;
}

/** A person joins a household from a date (today by default); one current head, one current period per person. */
export async function joinHousehold(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  householdId: string,
  input: HouseholdJoin,
): Promise<THousehold> {
  const from = pastOrToday(input.from ?? today(), 'body.from');
  return changeMembers(db, audit, actor, async (tx) => {
    const household = await householdToChange(tx, audit, actor, householdId);
    const found = await personForActor(tx, audit, actor, input.person, 'person.update');
    if (!found || found.row.compartment_id !== household.compartment_id) throw personRefused(input.person, 'person.update');
    const periods = await repo.membershipsOfCluster(tx, audit.tenantId, householdId, found.row.id);
    if (periods.some((p) => p.to === null)) throw conflict('problem.already_member.detail');
    if (input.relationship === 'head' && (await repo.hasCurrentHead(tx, audit.tenantId, householdId))) {
      throw conflict('problem.household_head_exists.detail');
    }
    // Periods of one person do not overlap; rejoining on the day of leaving is a change of relationship.
    if (periods.some((p) => p.to !== null && from < p.to)) throw invalidField('body.from', 'overlaps');
    await repo.insertMembers(tx, audit.tenantId, householdId, household.compartment_id, [
      { personId: found.row.id, relationship: input.relationship, from },
    ]);
    await recordAudit(tx, audit, [
      {
        action: 'household.member_added',
        entityType: 'household',
        entityId: householdId,
        personId: found.row.id,
        changes: Object.keys(input),
      },
    ]);
    return presentOne(tx, audit.tenantId, household);
  });
}

/** A current member leaves a household on a date (today by default); the period stays, dated. */
export async function leaveHousehold(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  householdId: string,
  personId: string,
  input: HouseholdLeave,
): Promise<THousehold> {
  const to = pastOrToday(input.to ?? today(), 'body.to');
  return changeMembers(db, audit, actor, async (tx) => {
    const household = await householdToChange(tx, audit, actor, householdId);
    // Any row of the member's cluster names them; one the actor cannot see names nobody.
    const row = await findPerson(tx, audit.tenantId, personId);
    const current = row
      ? (await repo.membershipsOfCluster(tx, audit.tenantId, householdId, row.cluster_id)).filter((p) => p.to === null)
      : [];
    if (!row || current.length === 0) throw conflict('problem.not_member_of_household.detail');
    if (current.some((p) => to < p.from)) throw invalidField('body.to', 'before_from');
    await repo.endMemberships(
      tx,
      audit.tenantId,
      current.map((p) => p.id),
      to,
    );
    await recordAudit(tx, audit, [
      {
        action: 'household.member_left',
        entityType: 'household',
        entityId: householdId,
        personId: row.cluster_id,
        changes: ['to'],
      },
    ]);
    return presentOne(tx, audit.tenantId, household);
  });
}
