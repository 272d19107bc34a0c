import { ROLES, type RoleKey } from '../../../shared/access.js';
import type { TUser } from '../../../shared/auth.js';
import { recordAudit, type AuditContext } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { ProblemError, conflict, notFound } from '../http/problem.js';
import { assertPasswordPolicy, presentMemberships } from './auth.service.js';
import * as repo from './identity.repo.js';
import { hashPassword } from './password.js';

/** What is needed to create a user (API, CLI and demo seed). */
export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  organisation: string;
  password: string;
  memberships: { role: RoleKey; structure: string | null }[];
  isDemo?: boolean;
  /** For demo users: a TOTP secret that is already enrolled. */
  totpSecret?: string;
  /** A hash of `password` computed already (the demo users share one password). */
  passwordHash?: string;
}

async function presentUsers(db: Db, tenantId: string, rows: repo.UserRow[]): Promise<TUser[]> {
  const memberships = await repo.membershipsOf(
    db,
    tenantId,
    rows.map((u) => u.id),
  );
  const orgs = await repo.organisationsById(db, tenantId, [...new Set(rows.map((u) => u.organisationId))]);
  return rows.map((u) => {
    const org = orgs.get(u.organisationId);
    if (!org) throw new Error('user without organisation');
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      organisation: org,
      memberships: presentMemberships(memberships.get(u.id) ?? []),
      mfaEnabled: u.totpEnabledAt !== null,
      disabled: u.disabledAt !== null,
      createdAt: u.createdAt.toISOString(),
    };
  });
}

/** Lists users (staff data: every listing is audited). */
export async function listUsers(db: Db, audit: AuditContext, q: { q?: string | undefined; limit: number; offset: number }) {
  const { rows, total } = await repo.listUsers(db, audit.tenantId, { text: q.q, limit: q.limit, offset: q.offset });
  const items = await presentUsers(db, audit.tenantId, rows);
  // Every record returned is a read of staff personal data: one row each, in one batch.
  await db.transaction((tx) =>
    recordAudit(
      tx,
      audit,
      items.map((u) => ({ action: 'user.list' as const, entityType: 'user', entityId: u.id })),
    ),
  );
  return { items, total, limit: q.limit, offset: q.offset };
}

/** One user (audited). */
export async function getUser(db: Db, audit: AuditContext, id: string): Promise<TUser> {
  const row = await repo.findUserById(db, audit.tenantId, id);
  if (!row) throw notFound('problem.user_not_found.detail');
  const [user] = await presentUsers(db, audit.tenantId, [row]);
  await db.transaction((tx) => recordAudit(tx, audit, [{ action: 'user.read', entityType: 'user', entityId: id }]));
  if (!user) throw notFound('problem.user_not_found.detail');
  return user;
}

/** Creates a user with memberships after checking the policy and references; all or nothing. */
export async function createUser(db: Db, audit: AuditContext, input: NewUser): Promise<TUser> {
  assertPasswordPolicy(input.password, input.username, 'password');
  const organisationId = await repo.organisationIdBySlug(db, audit.tenantId, input.organisation);
  if (!organisationId) {
    throw new ProblemError(422, 'problem.validation.title', 'problem.organisation_not_found.detail', {
      errors: [{ field: 'body.organisation', code: 'unknown_reference' }],
    });
  }
  const roles: { role: RoleKey; structureId: string | null }[] = [];
  for (const [i, m] of input.memberships.entries()) {
    if (m.structure === null) {
      if (ROLES[m.role].structureBound) {
        throw new ProblemError(422, 'problem.validation.title', 'problem.role_needs_structure.detail', {
          errors: [{ field: `body.memberships.${i}.structure`, code: 'required' }],
        });
      }
      roles.push({ role: m.role, structureId: null });
      continue;
    }
    const structureId = await repo.structureIdBySlug(db, audit.tenantId, m.structure);
    if (!structureId) {
      throw new ProblemError(422, 'problem.validation.title', 'problem.structure_not_found.detail', {
        errors: [{ field: `body.memberships.${i}.structure`, code: 'unknown_reference' }],
      });
    }
    roles.push({ role: m.role, structureId });
  }
  if (await repo.findUserByUsername(db, audit.tenantId, input.username)) throw conflict('problem.username_taken.detail');
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  const id = await db.transaction(async (tx) => {
    const userId = await repo.insertUser(
      tx,
      {
        tenantId: audit.tenantId,
        organisationId,
        username: input.username,
        displayName: input.displayName,
        email: input.email,
        passwordHash,
        passwordChangedAt: new Date(),
        isDemo: input.isDemo ?? false,
        totpSecret: input.totpSecret ?? null,
        totpEnabledAt: input.totpSecret ? new Date() : null,
      },
      roles,
    );
    await recordAudit(tx, audit, [
      {
        action: 'user.created',
        entityType: 'user',
        entityId: userId,
        changes: ['username', 'displayName', 'email', 'organisation', 'memberships'],
      },
    ]);
    return userId;
  });
  const row = await repo.findUserById(db, audit.tenantId, id);
  if (!row) throw new Error('created user not found');
  const [user] = await presentUsers(db, audit.tenantId, [row]);
  if (!user) throw new Error('created user not presented');
  return user;
}

/** Creates the demo users that do not exist yet (demo mode only; never in production). */
export async function ensureDemoUsers(db: Db, tenantId: string, production: boolean, specs: NewUser[]): Promise<number> {
  if (production) throw new Error('Demo users are refused when NODE_ENV=production.');
  const audit: AuditContext = { tenantId, actorUserId: null, actorLabel: 'system', requestId: null, ip: null };
  const existing = new Set((await repo.listUsers(db, tenantId, { limit: 10_000, offset: 0 })).rows.map((u) => u.username));
  const missing = specs.filter((s) => !existing.has(s.username));
  // One argon2id hash per distinct password, not per user: start-up stays quick.
  const hashes = new Map<string, Promise<string>>();
  for (const spec of missing) {
    if (!hashes.has(spec.password)) hashes.set(spec.password, hashPassword(spec.password));
    await createUser(db, audit, { ...spec, passwordHash: await hashes.get(spec.password) });
  }
  return missing.length;
}
