import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Staff users; see migrations/…_0002_identity_audit.sql. */
export const users = pgTable('users', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  passwordHash: text('password_hash'),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  recoveryCodes: jsonb('recovery_codes').$type<string[]>().notNull().default([]),
  oidcIssuer: text('oidc_issuer'),
  oidcSubject: text('oidc_subject'),
  isDemo: boolean('is_demo').notNull().default(false),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A role held at a structure, or at all structures (structureId null). */
export const memberships = pgTable('memberships', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  structureId: uuid('structure_id'),
  role: text('role').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions (id = SHA-256 of the cookie token). */
export const sessions = pgTable('sessions', {
  tenantId: uuid('tenant_id').notNull(),
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  mfaVerified: boolean('mfa_verified').notNull().default(false),
  structureId: uuid('structure_id'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** API tokens for machine clients (hash only). */
export const apiTokens = pgTable('api_tokens', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  label: text('label').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Failed sign-ins per account or per address. */
export const loginThrottle = pgTable('login_throttle', {
  tenantId: uuid('tenant_id').notNull(),
  key: text('key').notNull(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
