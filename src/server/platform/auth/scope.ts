import { sql, type SQL } from 'drizzle-orm';
import { ROLES, type Permission, type RoleKey } from '../../../shared/access.js';
import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';

/**
 * The structures where the actor holds a permission right now: 'all' (an all-structures
 * membership grants it and no single structure is chosen) or a list of structure ids. Computed
 * per permission, so a worker who is staff at one structure and manager at another only
 * manages where they are manager.
 */
export function structuresWith(actor: Actor, permission: Permission): 'all' | string[] {
  const ids = new Set<string>();
  for (const m of actor.memberships) {
    if (!ROLES[m.role as RoleKey].permissions.includes(permission)) continue;
    if (m.structureId === null) {
      if (actor.currentStructureId === null) return 'all';
      ids.add(actor.currentStructureId);
    } else if (actor.currentStructureId === null || m.structureId === actor.currentStructureId) {
      ids.add(m.structureId);
    }
  }
  return [...ids];
}

/**
 * The SQL condition "this structure column is in the actor's scope for the permission": the
 * structures where the actor holds it, or every structure of the actor's organisation. An actor
 * without the permission anywhere gets `false`: deny by default.
 */
export function structureScope(actor: Actor, permission: Permission, tenantId: string, column: SQL): SQL {
  const where = structuresWith(actor, permission);
  if (where === 'all') {
    return sql`${column} in (select s.id from structures s where s.tenant_id = ${tenantId} and s.organisation_id = ${actor.organisationId})`;
  }
  if (where.length === 0) return sql`false`;
  return sql`${column} = any(${sql.param(where)}::uuid[])`;
}

async function inCompartments<T>(db: Db, actorId: string, compartments: readonly string[], fn: (tx: Db) => Promise<T>) {
  return db.transaction(async (tx) => {
    // Local to this transaction: a pooled connection forgets it at commit or rollback.
    await tx.execute(
      sql`select set_config('merimna.compartments', ${compartments.join(',')}, true), set_config('merimna.actor', ${actorId}, true)`,
    );
    return fn(tx);
  });
}

/**
 * Runs fn in one transaction that row-level security lets see the actor's compartments (the
 * confidential structures the actor works in) and nothing of any other compartment.
 */
export async function withActor<T>(db: Db, actor: Actor, fn: (tx: Db) => Promise<T>): Promise<T> {
  return inCompartments(db, actor.userId, actor.compartments, fn);
}

/**
 * System work (imports, matching jobs) inside the named compartments, without an actor's
 * memberships: unsafe because the caller decides what the compartment barrier lets through.
 */
export async function unsafeWithCompartments<T>(db: Db, compartments: readonly string[], fn: (tx: Db) => Promise<T>) {
  return inCompartments(db, 'system', compartments, fn);
}
