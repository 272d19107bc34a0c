import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { TLocalizedText } from '../../../shared/localized.js';
import { sqlRows, type Db } from '../db/database.js';
import { apiTokens, loginThrottle, memberships, sessions, users } from './identity.tables.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/** A membership with its structure's public names. */
export interface MembershipRow {
  role: string;
  structureId: string | null;
  structureSlug: string | null;
  structureName: TLocalizedText | null;
  /** The structure is confidential (a compartment, such as the women's shelter). */
  structureConfidential: boolean;
}

/** An organisation's public names (the platform reads them without importing the directory module). */
export interface OrgRef {
  id: string;
  slug: string;
  name: TLocalizedText;
}

/** A user by username (sign-in). */
export async function findUserByUsername(db: Db, tenantId: string, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.username, username)));
  return row;
}

/** A user by id. */
export async function findUserById(db: Db, tenantId: string, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row;
}

/** A user by the identity provider's issuer and subject (OpenID Connect). */
export async function findUserByOidc(db: Db, tenantId: string, issuer: string, subject: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)));
  return row;
}

/** Memberships of several users, with structure names. */
export async function membershipsOf(db: Db, tenantId: string, userIds: string[]): Promise<Map<string, MembershipRow[]>> {
  const out = new Map<string, MembershipRow[]>();
  if (userIds.length === 0) return out;
  const rows = await sqlRows<MembershipRow & { userId: string }>(
    db,
    sql`select m.user_id as "userId", m.role, m.structure_id as "structureId", s.slug as "structureSlug", s.name as "structureName",
                  coalesce(s.confidential, false) as "structureConfidential"
          from memberships m left join structures s on s.id = m.structure_id
         where m.tenant_id = ${tenantId} and m.user_id = any(${sql.param(userIds)}::uuid[])
         order by m.created_at, m.role`,
  );
  for (const { userId, ...m } of rows) out.set(userId, [...(out.get(userId) ?? []), m]);
  return out;
}

/** Organisations by id (names for presenting users). */
export async function organisationsById(db: Db, tenantId: string, ids: string[]): Promise<Map<string, OrgRef>> {
  if (ids.length === 0) return new Map();
  const rows = await sqlRows<OrgRef>(
    db,
    sql`select id, slug, name from organisations where tenant_id = ${tenantId} and id = any(${sql.param(ids)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** An organisation id by slug. */
export async function organisationIdBySlug(db: Db, tenantId: string, slug: string): Promise<string | undefined> {
  const rows = await sqlRows<{ id: string }>(
    db,
    sql`select id from organisations where tenant_id = ${tenantId} and slug = ${slug}`,
  );
  return rows[0]?.id;
}

/** A structure id by slug. */
export async function structureIdBySlug(db: Db, tenantId: string, slug: string): Promise<string | undefined> {
  const rows = await sqlRows<{ id: string }>(db, sql`select id from structures where tenant_id = ${tenantId} and slug = ${slug}`);
  return rows[0]?.id;
}

/** One page of users, optionally searched by username or name. */
export async function listUsers(
  db: Db,
  tenantId: string,
  q: { text?: string | undefined; limit: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const where = q.text
    ? and(
        eq(users.tenantId, tenantId),
        sql`(${users.username} ilike ${'%' + q.text + '%'} or ${users.displayName} ilike ${'%' + q.text + '%'})`,
      )
    : eq(users.tenantId, tenantId);
  const rows = await db
    .select({ user: users, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(q.limit)
    .offset(q.offset);
  return { rows: rows.map((r) => r.user), total: rows[0]?.total ?? 0 };
}

/** Inserts a user and its memberships; returns the id. */
export async function insertUser(
  db: Db,
  user: typeof users.$inferInsert,
  roles: { role: string; structureId: string | null }[],
): Promise<string> {
  const [row] = await db.insert(users).values(user).returning({ id: users.id });
  if (!row) throw new Error('insert returned no row');
  await db
    .insert(memberships)
    .values(roles.map((r) => ({ tenantId: user.tenantId, userId: row.id, role: r.role, structureId: r.structureId })));
  return row.id;
}

/** Updates fields of a user. */
export async function updateUser(db: Db, tenantId: string, id: string, set: Partial<typeof users.$inferInsert>): Promise<void> {
  await db
    .update(users)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
}

/** Creates a session row. */
export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** A live session by id (not revoked, not past its absolute expiry). */
export async function findLiveSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)));
  return row;
}

/** Updates a session's fields. */
export async function updateSession(db: Db, id: string, set: Partial<typeof sessions.$inferInsert>): Promise<void> {
  await db.update(sessions).set(set).where(eq(sessions.id, id));
}

/** Revokes one session, or all of a user's sessions. */
export async function revokeSessions(db: Db, tenantId: string, by: { id: string } | { userId: string }): Promise<void> {
  const where = 'id' in by ? eq(sessions.id, by.id) : and(eq(sessions.tenantId, tenantId), eq(sessions.userId, by.userId));
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(where, isNull(sessions.revokedAt)));
}

/** Stores a new API token's hash. */
export async function insertApiToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<string> {
  const [r] = await db.insert(apiTokens).values(row).returning({ id: apiTokens.id });
  if (!r) throw new Error('insert returned no row');
  return r.id;
}

/** A usable API token by hash (not revoked, not expired). */
export async function findApiToken(db: Db, tokenHash: string): Promise<typeof apiTokens.$inferSelect | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > now())`,
      ),
    );
  return row;
}

/** Marks when a token was last used (at most once a minute). */
export async function touchApiToken(db: Db, id: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(eq(apiTokens.id, id), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`),
    );
}

/** The throttle rows for the given keys. */
export async function throttleRows(db: Db, tenantId: string, keys: string[]): Promise<(typeof loginThrottle.$inferSelect)[]> {
  return db
    .select()
    .from(loginThrottle)
    .where(and(eq(loginThrottle.tenantId, tenantId), sql`${loginThrottle.key} = any(${sql.param(keys)}::text[])`));
}

/** Counts a failure for a key and locks it when the count passes the threshold; returns the new count. */
export async function recordFailure(
  db: Db,
  tenantId: string,
  key: string,
  lock: (failures: number) => number | null,
): Promise<number> {
  const [row] = await db
    .insert(loginThrottle)
    .values({ tenantId, key, failures: 1 })
    .onConflictDoUpdate({
      target: [loginThrottle.tenantId, loginThrottle.key],
      set: { failures: sql`${loginThrottle.failures} + 1`, lastFailureAt: sql`now()` },
    })
    .returning({ failures: loginThrottle.failures });
  const failures = row?.failures ?? 1;
  const ms = lock(failures);
  if (ms !== null) {
    await db
      .update(loginThrottle)
      .set({ lockedUntil: sql`now() + ${ms} * interval '1 millisecond'` })
      .where(and(eq(loginThrottle.tenantId, tenantId), eq(loginThrottle.key, key)));
  }
  return failures;
}

/** Clears the failures of keys after a successful sign-in. */
export async function clearFailures(db: Db, tenantId: string, keys: string[]): Promise<void> {
  await db
    .delete(loginThrottle)
    .where(and(eq(loginThrottle.tenantId, tenantId), sql`${loginThrottle.key} = any(${sql.param(keys)}::text[])`));
}

/** Links an identity-provider account to a user that has none yet; false when already linked. */
export async function linkOidcIdentity(
  db: Db,
  tenantId: string,
  userId: string,
  issuer: string,
  subject: string,
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ oidcIssuer: issuer, oidcSubject: subject, updatedAt: sql`now()` })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId), isNull(users.oidcSubject)))
    .returning({ id: users.id });
  return rows.length > 0;
}
