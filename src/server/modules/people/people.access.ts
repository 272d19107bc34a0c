import type { Permission } from '../../../shared/access.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { hasBreakGlass, type Actor } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { personScope } from './people.policy.js';
import * as households from './households.repo.js';
import * as repo from './people.repo.js';

/** A person found for an actor: the survivor row and how the actor may see it. */
export interface FoundPerson {
  row: repo.PersonRow;
  access: 'scope' | 'break-glass';
}

/**
 * The person (the survivor of the cluster `id` belongs to) if the actor may act on it with the
 * permission, inside the caller's transaction (withActor). Break-glass opens a record for
 * reading only; other compartments are invisible already (row-level security). Null means 404.
 */
export async function personForActor(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  permission: Permission,
  options: { lock?: boolean } = {},
): Promise<FoundPerson | null> {
  const direct = await repo.findPerson(tx, audit.tenantId, id);
  if (!direct) return null;
  const survivorId = direct.cluster_id;
  const row = survivorId === id && !options.lock ? direct : await repo.findPerson(tx, audit.tenantId, survivorId, options.lock);
  if (!row) return null;
  if (await repo.isInScope(tx, audit.tenantId, survivorId, personScope(actor, permission, audit.tenantId))) {
    return { row, access: 'scope' };
  }
  if (permission === 'person.read' && (await hasBreakGlass(tx, audit.tenantId, actor, 'person', survivorId))) {
    return { row, access: 'break-glass' };
  }
  return null;
}

/**
 * The household if some member of it, now or before, is in the actor's scope for the permission,
 * inside the caller's transaction (withActor). Null means 404. For other modules (a household's
 * case file), which must not read the registry's tables to decide.
 */
export async function householdForActor(
  tx: Db,
  audit: AuditContext,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<{ id: string; compartmentId: string | null } | null> {
  const household = await households.findHousehold(tx, audit.tenantId, id);
  if (!household) return null;
  if (!(await households.householdInScope(tx, audit.tenantId, id, personScope(actor, permission, audit.tenantId)))) return null;
  return { id: household.id, compartmentId: household.compartment_id };
}
