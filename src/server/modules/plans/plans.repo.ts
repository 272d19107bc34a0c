import { sql } from 'drizzle-orm';
import type { TLocalizedText } from '../../../shared/localized.js';
import type { ActionStatus, GoalDomain, GoalStatus, OwnerKind } from '../../../shared/plans/lists.js';
import { sqlRows, type Db } from '../../platform/db/database.js';
import { DAY, ISO } from './plans.access.js';

/** A case's plan. */
export interface PlanRow {
  id: string;
  case_id: string;
  version: number;
  next_review_on: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** The plan of a case, if written; `lock` holds it until the transaction ends. */
export async function findPlan(db: Db, tenantId: string, caseId: string, lock = false): Promise<PlanRow | undefined> {
  const [row] = await sqlRows<PlanRow>(
    db,
    sql`select p.id, p.case_id, p.version, ${DAY('p.next_review_on')} as next_review_on, ${ISO('p.updated_at')} as updated_at,
               u.username as updated_by
          from action_plans p left join users u on u.tenant_id = p.tenant_id and u.id = p.updated_by
         where p.tenant_id = ${tenantId} and p.case_id = ${caseId}${lock ? sql` for update of p` : sql``}`,
  );
  return row;
}

/** Writes a case's first plan (version 1); returns its id. */
export async function insertPlan(tx: Db, tenantId: string, caseId: string, compartmentId: string | null, userId: string) {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into action_plans (tenant_id, case_id, compartment_id, created_by, updated_by)
        values (${tenantId}, ${caseId}, ${compartmentId}, ${userId}, ${userId}) returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Takes a plan's version one up (every change does); sets the next review when given. */
export async function bumpPlan(tx: Db, tenantId: string, planId: string, userId: string, nextReviewOn?: string | null) {
  const [row] = await sqlRows<{ version: number }>(
    tx,
    sql`update action_plans set version = version + 1, updated_at = now(), updated_by = ${userId}
          ${nextReviewOn !== undefined ? sql`, next_review_on = ${nextReviewOn}::date` : sql``}
         where tenant_id = ${tenantId} and id = ${planId} returning version`,
  );
  if (!row) throw new Error('plan not found while changing it');
  return row.version;
}

/** A goal of a plan. */
export interface GoalRow {
  id: string;
  domain: GoalDomain;
  text: string;
  status: GoalStatus;
}

/** An action with what the API shows of its owner. */
export interface ActionRow {
  id: string;
  goal_id: string;
  text: string;
  owner_kind: OwnerKind;
  owner_user_id: string | null;
  owner_username: string | null;
  owner_display_name: string | null;
  owner_person_id: string | null;
  owner_structure_slug: string | null;
  owner_structure_name: TLocalizedText | null;
  due_on: string | null;
  status: ActionStatus;
  status_changed_at: string | null;
}

const ACTION = sql`select a.id, a.goal_id, a.text, a.owner_kind, a.owner_user_id, u.username as owner_username,
    u.display_name as owner_display_name, a.owner_person_id, s.slug as owner_structure_slug, s.name as owner_structure_name,
    ${DAY('a.due_on')} as due_on, a.status, a.status_changed_at::text as status_changed_at
  from plan_actions a
  left join users u on u.tenant_id = a.tenant_id and u.id = a.owner_user_id
  left join structures s on s.tenant_id = a.tenant_id and s.id = a.owner_structure_id`;

/** The goals and actions of a plan, in their order. */
export async function goalsOf(db: Db, tenantId: string, planId: string): Promise<{ goals: GoalRow[]; actions: ActionRow[] }> {
  const goals = await sqlRows<GoalRow>(
    db,
    sql`select id, domain, text, status from plan_goals where tenant_id = ${tenantId} and plan_id = ${planId} order by position`,
  );
  const actions = await sqlRows<ActionRow>(
    db,
    sql`${ACTION} where a.tenant_id = ${tenantId} and a.plan_id = ${planId} order by a.position`,
  );
  return { goals, actions };
}

/** A goal to write, its actions with their owners resolved to ids. */
export interface NewGoal {
  id: string;
  domain: GoalDomain;
  text: string;
  status: GoalStatus;
  actions: {
    id: string;
    text: string;
    ownerKind: OwnerKind;
    userId: string | null;
    personId: string | null;
    structureId: string | null;
    dueOn: string | null;
    status: ActionStatus;
    /** When the status last changed: kept from the stored action, 'now' for a new status. */
    statusChangedAt: string | null;
  }[];
}

/** Replaces a plan's goals and actions as a whole (ids kept where given). */
export async function replaceGoals(tx: Db, tenantId: string, planId: string, compartmentId: string | null, goals: NewGoal[]) {
  await tx.execute(sql`delete from plan_actions where tenant_id = ${tenantId} and plan_id = ${planId}`);
  await tx.execute(sql`delete from plan_goals where tenant_id = ${tenantId} and plan_id = ${planId}`);
  for (const [gi, g] of goals.entries()) {
    await tx.execute(
      sql`insert into plan_goals (tenant_id, id, plan_id, compartment_id, position, domain, text, status)
          values (${tenantId}, ${g.id}, ${planId}, ${compartmentId}, ${gi}, ${g.domain}, ${g.text}, ${g.status})`,
    );
    for (const [ai, a] of g.actions.entries()) {
      await tx.execute(
        sql`insert into plan_actions (tenant_id, id, plan_id, goal_id, compartment_id, position, text, owner_kind, owner_user_id,
              owner_person_id, owner_structure_id, due_on, status, status_changed_at)
            values (${tenantId}, ${a.id}, ${planId}, ${g.id}, ${compartmentId}, ${ai}, ${a.text}, ${a.ownerKind}, ${a.userId},
              ${a.personId}, ${a.structureId}, ${a.dueOn}::date, ${a.status},
              ${a.statusChangedAt === 'now' ? sql`now()` : sql`${a.statusChangedAt}::timestamptz`})`,
      );
    }
  }
}

/** The case and plan of an action, if it exists (row-level security hides other compartments). */
export async function findAction(
  db: Db,
  tenantId: string,
  id: string,
): Promise<{ case_id: string; plan_id: string; status: ActionStatus } | undefined> {
  const [row] = await sqlRows<{ case_id: string; plan_id: string; status: ActionStatus }>(
    db,
    sql`select p.case_id, a.plan_id, a.status from plan_actions a
          join action_plans p on p.tenant_id = a.tenant_id and p.id = a.plan_id
         where a.tenant_id = ${tenantId} and a.id = ${id}`,
  );
  return row;
}

/** One action as the API shows it. */
export async function actionById(db: Db, tenantId: string, id: string): Promise<ActionRow | undefined> {
  const [row] = await sqlRows<ActionRow>(db, sql`${ACTION} where a.tenant_id = ${tenantId} and a.id = ${id}`);
  return row;
}

/** Sets an action's status. */
export async function setActionStatus(tx: Db, tenantId: string, id: string, status: ActionStatus) {
  await tx.execute(
    sql`update plan_actions set status = ${status}, status_changed_at = now() where tenant_id = ${tenantId} and id = ${id}`,
  );
}

/** A review with its reviewer. */
export interface ReviewRow {
  id: string;
  reviewed_on: string;
  note: string;
  next_review_on: string | null;
  reviewer_user_id: string | null;
  reviewer_username: string | null;
  reviewer_display_name: string | null;
  created_at: string;
}

/** The reviews of a plan, newest first. */
export async function reviewsOf(db: Db, tenantId: string, planId: string): Promise<ReviewRow[]> {
  return sqlRows<ReviewRow>(
    db,
    sql`select r.id, ${DAY('r.reviewed_on')} as reviewed_on, r.note, ${DAY('r.next_review_on')} as next_review_on,
               r.reviewer_user_id, u.username as reviewer_username, u.display_name as reviewer_display_name,
               ${ISO('r.created_at')} as created_at
          from plan_reviews r left join users u on u.tenant_id = r.tenant_id and u.id = r.reviewer_user_id
         where r.tenant_id = ${tenantId} and r.plan_id = ${planId}
         order by r.reviewed_on desc, r.created_at desc`,
  );
}

/** Records a review; returns its id. */
export async function insertReview(
  tx: Db,
  tenantId: string,
  r: {
    planId: string;
    compartmentId: string | null;
    reviewedOn: string;
    note: string;
    nextReviewOn: string | null;
    userId: string;
  },
): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into plan_reviews (tenant_id, plan_id, compartment_id, reviewed_on, note, next_review_on, reviewer_user_id)
        values (${tenantId}, ${r.planId}, ${r.compartmentId}, ${r.reviewedOn}::date, ${r.note}, ${r.nextReviewOn}::date, ${r.userId})
        returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Which of the user ids are active staff of the organisation (who may own an action). */
export async function activeStaff(db: Db, tenantId: string, organisationId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sqlRows<{ id: string }>(
    db,
    sql`select id from users where tenant_id = ${tenantId} and id = any(${sql.param(ids)}::uuid[])
          and organisation_id = ${organisationId} and disabled_at is null`,
  );
  return new Set(rows.map((r) => r.id));
}

/** Structures by slug: their ids. */
export async function structureIds(db: Db, tenantId: string, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await sqlRows<{ id: string; slug: string }>(
    db,
    sql`select id, slug from structures where tenant_id = ${tenantId} and slug = any(${sql.param(slugs)}::text[])`,
  );
  return new Map(rows.map((r) => [r.slug, r.id]));
}
