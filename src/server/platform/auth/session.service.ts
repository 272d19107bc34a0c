import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import { buildActor, type Actor } from './actor.js';
import * as repo from './identity.repo.js';
import { randomToken, sha256 } from './secrets.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'merimna_session';

/** Opens a new session for a user (a new id every sign-in); returns the cookie token. */
export async function openSession(
  db: Db,
  config: Config,
  tenantId: string,
  userId: string,
  meta: { ip: string; userAgent: string | undefined; mfaVerified: boolean },
): Promise<{ token: string; id: string }> {
  const token = randomToken();
  const id = sha256(token);
  await repo.insertSession(db, {
    tenantId,
    id,
    userId,
    csrfToken: randomToken(24),
    mfaVerified: meta.mfaVerified,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + config.auth.sessionAbsoluteMs),
  });
  return { token, id };
}

/**
 * The actor behind a session cookie or a bearer token, or null. A session idle longer than the
 * idle limit is revoked; last-seen is written at most once a minute to spare the database.
 */
export async function resolveActor(
  db: Db,
  config: Config,
  tenantId: string,
  credentials: { cookie?: string | undefined; bearer?: string | undefined },
): Promise<Actor | null> {
  if (credentials.bearer) {
    const token = await repo.findApiToken(db, sha256(credentials.bearer));
    if (!token || token.tenantId !== tenantId) return null;
    const user = await repo.findUserById(db, tenantId, token.userId);
    if (!user || user.disabledAt) return null;
    await repo.touchApiToken(db, token.id);
    const memberships = (await repo.membershipsOf(db, tenantId, [user.id])).get(user.id) ?? [];
    // A token is issued deliberately by an administrator, so it stands in for the second factor.
    return buildActor(user, memberships, {
      via: 'token',
      sessionId: null,
      csrfToken: null,
      currentStructureId: null,
      mfaVerified: true,
    });
  }
  if (!credentials.cookie) return null;
  const session = await repo.findLiveSession(db, sha256(credentials.cookie));
  if (!session || session.tenantId !== tenantId) return null;
  const idle = Date.now() - session.lastSeenAt.getTime();
  if (idle > config.auth.sessionIdleMs) {
    await repo.revokeSessions(db, tenantId, { id: session.id });
    return null;
  }
  if (idle > 60_000) await repo.updateSession(db, session.id, { lastSeenAt: new Date() });
  const user = await repo.findUserById(db, tenantId, session.userId);
  if (!user || user.disabledAt) return null;
  const memberships = (await repo.membershipsOf(db, tenantId, [user.id])).get(user.id) ?? [];
  return buildActor(user, memberships, {
    via: 'session',
    sessionId: session.id,
    csrfToken: session.csrfToken,
    currentStructureId: session.structureId,
    mfaVerified: session.mfaVerified,
  });
}

/** Parses "30d", "12h", "90m" into milliseconds. */
export function parseDuration(text: string): number | null {
  const m = /^(\d{1,5})([dhm])$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] === 'd' ? 86_400_000 : m[2] === 'h' ? 3_600_000 : 60_000;
  return n * unit;
}

/** Creates an API token for a user; the plain token is returned once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  tenantId: string,
  userId: string,
  options: { expiresInMs: number | null; label: string },
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const token = `mrm_${randomToken()}`;
  const expiresAt = options.expiresInMs === null ? null : new Date(Date.now() + options.expiresInMs);
  const id = await repo.insertApiToken(db, { tenantId, userId, tokenHash: sha256(token), label: options.label, expiresAt });
  return { id, token, expiresAt };
}
