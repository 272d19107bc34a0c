import QRCode from 'qrcode';
import type { RoleKey } from '../../../shared/access.js';
import type { TMe, TMembership, TMfaState } from '../../../shared/auth.js';
import type { Config } from '../../config.js';
import { recordAudit, type AuditContext } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Actor } from './actor.js';
import * as repo from './identity.repo.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { checkTotp, newRecoveryCodes, newTotpSecret, sha256, totpFor } from './secrets.js';
import { openSession } from './session.service.js';

const unauthorized = (detail: MessageKey = 'problem.unauthorized.detail') =>
  new ProblemError(401, 'problem.unauthorized.title', detail);

// A real argon2id hash of a random string: unknown usernames cost as much time as known ones.
let dummyHash: Promise<string> | undefined;

/** The locked-until time that a failure count earns: growing delays once past the threshold. */
export function lockoutMs(config: Config, failures: number): number | null {
  const over = failures - config.auth.lockoutThreshold;
  if (over < 0) return null;
  return Math.min(config.auth.lockoutBaseMs * 2 ** Math.min(over, 30), config.auth.lockoutMaxMs);
}

/** Presents memberships with structure names. */
export function presentMemberships(rows: repo.MembershipRow[]): TMembership[] {
  return rows.map((m) => ({
    role: m.role as RoleKey,
    structure:
      m.structureId && m.structureSlug && m.structureName
        ? { id: m.structureId, slug: m.structureSlug, name: m.structureName }
        : null,
  }));
}

/** Where the actor's second factor stands. */
export function mfaState(actor: Actor): TMfaState {
  if (!actor.mfaRequired) return 'not_required';
  if (actor.mfaVerified) return 'verified';
  return actor.totpEnabled ? 'required' : 'enrolment_required';
}

/** The "me" document of an actor. */
export async function presentMe(db: Db, tenantId: string, actor: Actor): Promise<TMe> {
  const user = await repo.findUserById(db, tenantId, actor.userId);
  const orgs = await repo.organisationsById(db, tenantId, [actor.organisationId]);
  const org = orgs.get(actor.organisationId);
  if (!user || !org) throw unauthorized();
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, organisation: org },
    memberships: presentMemberships(actor.memberships),
    currentStructureId: actor.currentStructureId,
    permissions: [...actor.permissions].sort(),
    clearances: [...actor.clearances].sort(),
    mfa: mfaState(actor),
    csrfToken: actor.csrfToken ?? '',
  };
}

/**
 * Checks a username and password with throttling per account and per address, and opens a
 * session. Every outcome is audited; a locked account answers 429 even with the right password.
 */
export async function login(
  db: Db,
  config: Config,
  audit: AuditContext,
  input: { username: string; password: string; ip: string; userAgent: string | undefined },
): Promise<{ token: string; sessionId: string; userId: string }> {
  const keys = [`user:${input.username}`, `ip:${input.ip}`];
  const locked = (await repo.throttleRows(db, audit.tenantId, keys)).find(
    (r) => r.lockedUntil && r.lockedUntil.getTime() > Date.now(),
  );
  if (locked?.lockedUntil) {
    const retryAfter = Math.ceil((locked.lockedUntil.getTime() - Date.now()) / 1000);
    await db.transaction((tx) =>
      recordAudit(tx, audit, [
        {
          action: 'auth.locked_out',
          outcome: 'denied',
          entityType: 'user',
          entityId: input.username,
          reason: locked.key.split(':')[0],
        },
      ]),
    );
    throw new ProblemError(429, 'problem.locked.title', 'problem.locked.detail', { retryAfter });
  }
  const user = await repo.findUserByUsername(db, audit.tenantId, input.username);
  let ok = false;
  if (user?.passwordHash && !user.disabledAt) {
    ok = await verifyPassword(user.passwordHash, input.password);
  } else {
    dummyHash ??= hashPassword(sha256(String(Math.random())));
    await verifyPassword(await dummyHash, input.password); // same cost as a real check: no user enumeration by timing
  }
  if (!user || !ok) {
    await db.transaction(async (tx) => {
      // An address is shared by many staff behind the municipality's proxy: it locks only after
      // four times as many failures as an account does.
      await repo.recordFailure(tx, audit.tenantId, keys[0] ?? '', (n) => lockoutMs(config, n));
      await repo.recordFailure(tx, audit.tenantId, keys[1] ?? '', (n) => lockoutMs(config, n - 3 * config.auth.lockoutThreshold));
      await recordAudit(tx, audit, [
        { action: 'auth.login_failed', outcome: 'failure', entityType: 'user', entityId: user?.id ?? input.username },
      ]);
    });
    throw unauthorized('problem.bad_credentials.detail');
  }
  return db.transaction(async (tx) => {
    await repo.clearFailures(tx, audit.tenantId, [keys[0] ?? '']);
    const session = await openSession(tx, config, audit.tenantId, user.id, {
      ip: input.ip,
      userAgent: input.userAgent,
      mfaVerified: false,
    });
    await recordAudit(tx, { ...audit, actorUserId: user.id, actorLabel: user.username }, [
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    ]);
    return { token: session.token, sessionId: session.id, userId: user.id };
  });
}

/** Verifies a TOTP or recovery code and marks the session as fully signed in. */
export async function verifyMfa(db: Db, audit: AuditContext, actor: Actor, code: string): Promise<void> {
  const user = await repo.findUserById(db, audit.tenantId, actor.userId);
  if (!user?.totpSecret || !user.totpEnabledAt || !actor.sessionId) throw unauthorized('problem.bad_code.detail');
  const totpOk = checkTotp(user.totpSecret, user.username, code);
  const recoveryHash = sha256(code.trim().toLowerCase());
  const recoveryOk = !totpOk && user.recoveryCodes.includes(recoveryHash);
  if (!totpOk && !recoveryOk) {
    await db.transaction((tx) =>
      recordAudit(tx, audit, [{ action: 'auth.mfa_failed', outcome: 'failure', entityType: 'user', entityId: user.id }]),
    );
    throw unauthorized('problem.bad_code.detail');
  }
  const sessionId = actor.sessionId;
  await db.transaction(async (tx) => {
    if (recoveryOk)
      await repo.updateUser(tx, audit.tenantId, user.id, { recoveryCodes: user.recoveryCodes.filter((h) => h !== recoveryHash) });
    await repo.updateSession(tx, sessionId, { mfaVerified: true });
    await recordAudit(tx, audit, [
      { action: 'auth.mfa_verified', entityType: 'user', entityId: user.id, reason: recoveryOk ? 'recovery_code' : 'totp' },
    ]);
  });
}

/** Starts TOTP enrolment: a new secret (not active until confirmed) and its QR code. */
export async function startTotpEnrolment(db: Db, tenantId: string, actor: Actor) {
  const secret = newTotpSecret();
  await repo.updateUser(db, tenantId, actor.userId, { totpSecret: secret, totpEnabledAt: null });
  const otpauthUrl = totpFor(secret, actor.username).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 });
  return { secret, otpauthUrl, qrSvg };
}

/** Confirms enrolment with a first code; returns recovery codes once and verifies the session. */
export async function confirmTotpEnrolment(db: Db, audit: AuditContext, actor: Actor, code: string): Promise<string[]> {
  const user = await repo.findUserById(db, audit.tenantId, actor.userId);
  if (!user?.totpSecret || !checkTotp(user.totpSecret, user.username, code)) throw unauthorized('problem.bad_code.detail');
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, audit.tenantId, user.id, { totpEnabledAt: new Date(), recoveryCodes: codes.map((c) => sha256(c)) });
    if (actor.sessionId) await repo.updateSession(tx, actor.sessionId, { mfaVerified: true });
    await recordAudit(tx, audit, [{ action: 'auth.totp_enrolled', entityType: 'user', entityId: user.id }]);
  });
  return codes;
}

/** Ends this session, or every session of the user. */
export async function logout(db: Db, audit: AuditContext, actor: Actor, everywhere: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    if (everywhere) await repo.revokeSessions(tx, audit.tenantId, { userId: actor.userId });
    else if (actor.sessionId) await repo.revokeSessions(tx, audit.tenantId, { id: actor.sessionId });
    await recordAudit(tx, audit, [
      { action: everywhere ? 'auth.logout_everywhere' : 'auth.logout', entityType: 'user', entityId: actor.userId },
    ]);
  });
}

/** Throws 422 when a new password breaks the policy. */
export function assertPasswordPolicy(password: string, username: string, field = 'newPassword'): void {
  const problem = checkPasswordPolicy(password, username);
  if (problem) {
    throw new ProblemError(422, 'problem.validation.title', `problem.password_${problem}.detail`, {
      errors: [{ field: `body.${field}`, code: `password_${problem}` }],
    });
  }
}

/** Changes one's password after checking the current one; other sessions are signed out. */
export async function changePassword(db: Db, audit: AuditContext, actor: Actor, current: string, next: string): Promise<void> {
  const user = await repo.findUserById(db, audit.tenantId, actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current)))
    throw unauthorized('problem.bad_credentials.detail');
  assertPasswordPolicy(next, user.username);
  const hash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, audit.tenantId, user.id, { passwordHash: hash, passwordChangedAt: new Date() });
    await repo.revokeSessions(tx, audit.tenantId, { userId: user.id });
    if (actor.sessionId) await repo.updateSession(tx, actor.sessionId, { revokedAt: null });
    await recordAudit(tx, audit, [
      { action: 'auth.password_changed', entityType: 'user', entityId: user.id, changes: ['password'] },
    ]);
  });
}

/** Sets the structure the actor works at now; it must be one of their memberships. */
export async function switchStructure(db: Db, actor: Actor, structureId: string | null): Promise<void> {
  if (!actor.sessionId) throw new ProblemError(400, 'problem.bad_request.title', 'problem.not_member.detail');
  if (structureId !== null && !actor.memberships.some((m) => m.structureId === structureId || m.structureId === null)) {
    throw new ProblemError(422, 'problem.validation.title', 'problem.not_member.detail', {
      errors: [{ field: 'body.structureId', code: 'not_member' }],
    });
  }
  await repo.updateSession(db, actor.sessionId, { structureId });
}
