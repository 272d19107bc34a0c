import { z } from 'zod';
import { ROLE_KEYS } from './access.js';
import { ZLocalizedText } from './localized.js';

/** Sign-in with a local account. */
export const ZLoginRequest = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(64).describe('username (case-insensitive)'),
    password: z.string().min(1).max(1024).describe('password'),
  })
  .strict();

/** A second-factor code: six TOTP digits or a recovery code such as 1a2b3-c4d5e. */
export const ZMfaRequest = z.object({ code: z.string().trim().min(6).max(20).describe('TOTP code or a recovery code') }).strict();

/** Changing one's password. */
export const ZPasswordChange = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(1).max(1024).describe('at least 12 characters, not a common password'),
  })
  .strict();

/** Choosing the structure one works at now (null: all of one's structures). */
export const ZStructureSwitch = z.object({ structureId: z.uuid().nullable() }).strict();

/** Where the second factor stands for this session. */
export const ZMfaState = z.enum(['not_required', 'verified', 'required', 'enrolment_required']);
export type TMfaState = z.infer<typeof ZMfaState>;

/** A membership as shown to the user and administrators. */
export const ZMembership = z.object({
  role: z.enum(ROLE_KEYS),
  structure: z.object({ id: z.uuid(), slug: z.string(), name: ZLocalizedText }).nullable().describe('null = all structures'),
});
export type TMembership = z.infer<typeof ZMembership>;

/** The signed-in user: who, where, what they may do. */
export const ZMe = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    organisation: z.object({ id: z.uuid(), slug: z.string(), name: ZLocalizedText }),
  }),
  memberships: z.array(ZMembership),
  currentStructureId: z.uuid().nullable(),
  permissions: z.array(z.string()),
  clearances: z.array(z.string()),
  mfa: ZMfaState,
  csrfToken: z.string().describe('send it back as the x-csrf-token header on every write'),
});
export type TMe = z.infer<typeof ZMe>;

/** TOTP enrolment: the secret, its otpauth:// URL and a QR code (SVG) for an authenticator app. */
export const ZTotpEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });

/** Recovery codes, shown once. */
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

/** A staff user as administrators see it. */
export const ZUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  organisation: z.object({ id: z.uuid(), slug: z.string(), name: ZLocalizedText }),
  memberships: z.array(ZMembership),
  mfaEnabled: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

/** Creating a user. */
export const ZUserCreate = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/),
    displayName: z.string().trim().min(1).max(120),
    email: z.email().nullable().default(null),
    organisation: z.string().min(1).max(80).describe('slug of the organisation'),
    password: z.string().min(1).max(1024),
    memberships: z
      .array(
        z
          .object({
            role: z.enum(ROLE_KEYS),
            structure: z.string().min(1).max(80).nullable().describe('structure slug, null = all'),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

/** An audit event as the DPO sees it. */
export const ZAuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  personId: z.uuid().nullable(),
  structureId: z.uuid().nullable(),
  changes: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: z.enum(['success', 'denied', 'failure']),
  reason: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

/** Filters of the audit search. */
export const ZAuditQuery = z
  .object({
    person: z.uuid().optional().describe('who accessed this person'),
    user: z.uuid().optional().describe('what this user did'),
    action: z.string().max(60).optional(),
    structure: z.uuid().optional(),
    outcome: z.enum(['success', 'denied', 'failure']).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/** Opening a record outside one's scope: what, and why (at least 10 characters). */
export const ZBreakGlassOpen = z
  .object({
    entityType: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .describe('kind of record, e.g. person'),
    entityId: z.string().min(1).max(100).describe('its id'),
    reason: z.string().trim().min(10).max(2000).describe('why the record must be opened now'),
    minutes: z.number().int().min(5).max(120).default(30).describe('how long the opening lasts'),
  })
  .strict();

/** A break-glass opening as the reviewer sees it. */
export const ZBreakGlass = z.object({
  id: z.uuid(),
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
  entityType: z.string(),
  entityId: z.string(),
  reason: z.string(),
  openedAt: z.string(),
  expiresAt: z.string(),
  review: z
    .object({ by: z.string(), at: z.string(), outcome: z.enum(['justified', 'not_justified']), note: z.string().nullable() })
    .nullable(),
});
export type TBreakGlass = z.infer<typeof ZBreakGlass>;

/** A supervisor's review of an opening. */
export const ZBreakGlassReview = z
  .object({ outcome: z.enum(['justified', 'not_justified']), note: z.string().trim().max(2000).nullable().default(null) })
  .strict();
