import { sql, type SQL } from 'drizzle-orm';
import type { GoalDomain } from '../../../shared/plans/lists.js';
import { sqlRows, type Db } from '../../platform/db/database.js';
import { DAY } from './plans.access.js';
import type { ActionRow } from './plans.repo.js';

/** Whose overdue work: `scope` is a condition on `c.structure_id`; `mine` a user id or null; `structureId` one structure or null. */
export interface OverdueFilters {
  scope: SQL;
  mine: string | null;
  structureId: string | null;
  today: string;
  limit: number;
}

/** An overdue task with its case, for the list and its audit rows. */
export interface TaskRow extends ActionRow {
  case_id: string;
  structure_id: string;
  structure_slug: string;
  person_id: string | null;
  goal_domain: GoalDomain;
  days_overdue: number;
}

function caseFilters(f: OverdueFilters, mineCondition: SQL): SQL[] {
  const where: SQL[] = [sql`c.status <> 'closed'`, f.scope];
  if (f.mine) where.push(mineCondition);
  if (f.structureId) where.push(sql`c.structure_id = ${f.structureId}`);
  return where;
}

/**
 * Open actions past their due date on active cases, oldest first. A worker's own are those they
 * own, and those owned by the person or another structure on the cases assigned to them.
 */
export async function overdueTasks(db: Db, tenantId: string, f: OverdueFilters): Promise<TaskRow[]> {
  const where = [
    sql`a.tenant_id = ${tenantId}`,
    sql`a.status = 'open'`,
    sql`a.due_on < ${f.today}::date`,
    ...caseFilters(f, sql`(a.owner_user_id = ${f.mine} or (a.owner_kind <> 'worker' and c.assigned_user_id = ${f.mine}))`),
  ];
  return sqlRows<TaskRow>(
    db,
    sql`select a.id, a.goal_id, a.text, a.owner_kind, a.owner_user_id, u.username as owner_username,
               u.display_name as owner_display_name, a.owner_person_id, os.slug as owner_structure_slug,
               os.name as owner_structure_name, ${DAY('a.due_on')} as due_on, a.status, null as status_changed_at,
               p.case_id, c.structure_id, s.slug as structure_slug, q.cluster_id as person_id, g.domain as goal_domain,
               (${f.today}::date - a.due_on)::int as days_overdue
          from plan_actions a
          join plan_goals g on g.tenant_id = a.tenant_id and g.id = a.goal_id
          join action_plans p on p.tenant_id = a.tenant_id and p.id = a.plan_id
          join cases c on c.tenant_id = p.tenant_id and c.id = p.case_id
          join structures s on s.tenant_id = c.tenant_id and s.id = c.structure_id
          left join persons q on q.tenant_id = c.tenant_id and q.id = c.person_id
          left join users u on u.tenant_id = a.tenant_id and u.id = a.owner_user_id
          left join structures os on os.tenant_id = a.tenant_id and os.id = a.owner_structure_id
         where ${sql.join(where, sql` and `)}
         order by a.due_on, a.id
         limit ${f.limit}`,
  );
}

/** A plan whose review date has passed. */
export interface ReviewDueRow {
  case_id: string;
  structure_id: string;
  structure_slug: string;
  person_id: string | null;
  next_review_on: string;
  days_overdue: number;
}

/** Plans of active cases whose review is overdue, oldest first; a worker's own are those of their cases. */
export async function reviewsDue(db: Db, tenantId: string, f: OverdueFilters): Promise<ReviewDueRow[]> {
  const where = [
    sql`p.tenant_id = ${tenantId}`,
    sql`p.next_review_on < ${f.today}::date`,
    ...caseFilters(f, sql`c.assigned_user_id = ${f.mine}`),
  ];
  return sqlRows<ReviewDueRow>(
    db,
    sql`select p.case_id, c.structure_id, s.slug as structure_slug, q.cluster_id as person_id,
               ${DAY('p.next_review_on')} as next_review_on, (${f.today}::date - p.next_review_on)::int as days_overdue
          from action_plans p
          join cases c on c.tenant_id = p.tenant_id and c.id = p.case_id
          join structures s on s.tenant_id = c.tenant_id and s.id = c.structure_id
          left join persons q on q.tenant_id = c.tenant_id and q.id = c.person_id
         where ${sql.join(where, sql` and `)}
         order by p.next_review_on, p.case_id
         limit ${f.limit}`,
  );
}

/** A structure by slug, with its organisation. */
export async function structureBySlug(
  db: Db,
  tenantId: string,
  slug: string,
): Promise<{ id: string; organisationId: string; confidential: boolean } | undefined> {
  const [row] = await sqlRows<{ id: string; organisationId: string; confidential: boolean }>(
    db,
    sql`select id, organisation_id as "organisationId", confidential from structures where tenant_id = ${tenantId} and slug = ${slug}`,
  );
  return row;
}
