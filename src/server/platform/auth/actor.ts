import { ROLES, roleRequiresMfa, type Permission, type RoleKey, type SensitivityLabel } from '../../../shared/access.js';
import type { AuditContext } from '../audit/audit.js';
import type { MembershipRow, UserRow } from './identity.repo.js';

/** The signed-in staff member behind a request, with what they may do right now. */
export interface Actor {
  userId: string;
  username: string;
  organisationId: string;
  memberships: MembershipRow[];
  /** The structure chosen in the switcher; null = all of one's structures. */
  currentStructureId: string | null;
  permissions: ReadonlySet<Permission>;
  clearances: ReadonlySet<SensitivityLabel>;
  /** Structures whose records the actor may see: every one, or these ids. */
  structures: 'all' | readonly string[];
  /** Confidential structures (compartments) the actor works in: only structure-bound memberships open them. */
  compartments: readonly string[];
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  mfaRequired: boolean;
  mfaVerified: boolean;
  totpEnabled: boolean;
}

/** Builds the actor from a user, memberships and the session's state. Memberships outside the current structure do not count. */
export function buildActor(
  user: UserRow,
  memberships: MembershipRow[],
  s: {
    via: 'session' | 'token';
    sessionId: string | null;
    csrfToken: string | null;
    currentStructureId: string | null;
    mfaVerified: boolean;
  },
): Actor {
  const active = memberships.filter(
    (m) => s.currentStructureId === null || m.structureId === null || m.structureId === s.currentStructureId,
  );
  const permissions = new Set<Permission>();
  const clearances = new Set<SensitivityLabel>();
  for (const m of active) {
    const role = ROLES[m.role as RoleKey];
    role.permissions.forEach((p) => permissions.add(p));
    role.clearances.forEach((c) => clearances.add(c));
  }
  const everywhere = active.some((m) => m.structureId === null);
  const structures =
    everywhere && s.currentStructureId === null
      ? 'all'
      : [...new Set(active.map((m) => m.structureId ?? s.currentStructureId).filter((x): x is string => x !== null))];
  const compartments = [
    ...new Set(active.filter((m) => m.structureId !== null && m.structureConfidential).map((m) => m.structureId ?? '')),
  ];
  return {
    userId: user.id,
    username: user.username,
    organisationId: user.organisationId,
    memberships,
    currentStructureId: s.currentStructureId,
    permissions,
    clearances,
    structures,
    compartments,
    via: s.via,
    sessionId: s.sessionId,
    csrfToken: s.csrfToken,
    mfaRequired: memberships.some((m) => roleRequiresMfa(m.role as RoleKey)),
    mfaVerified: s.mfaVerified,
    totpEnabled: user.totpEnabledAt !== null,
  };
}

/** Whether the actor finished signing in (second factor done where the roles require it). */
export function isFullySignedIn(actor: Actor): boolean {
  return !actor.mfaRequired || actor.mfaVerified;
}

/** The audit context of a request. */
export function auditContext(tenantId: string, actor: Actor | null, req: { id: string; ip: string }): AuditContext {
  return {
    tenantId,
    actorUserId: actor?.userId ?? null,
    actorLabel: actor?.username ?? 'anonymous',
    requestId: req.id,
    ip: req.ip,
  };
}
