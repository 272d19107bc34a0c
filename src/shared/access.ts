/**
 * Permissions, sensitivity labels and roles: the one typed list of who may do what.
 * A permission is `resource.verb`; a role is a set of permissions and clearances.
 */
export const PERMISSIONS = [
  'person.read',
  'person.create',
  'person.update',
  'person.merge',
  'person.export',
  'case.read',
  'case.create',
  'case.update',
  'case.close',
  'case.approve',
  'case.assign',
  'service.record',
  'referral.read',
  'referral.create',
  'referral.respond',
  'referral.override_consent',
  'benefit.read',
  'benefit.update',
  'place.read',
  'place.allocate',
  'booking.read',
  'booking.create',
  'stock.read',
  'stock.receive',
  'stock.dispense',
  'request.read',
  'request.triage',
  'report.read',
  'directory.write',
  'user.read',
  'user.manage',
  'audit.read',
  'breakglass.use',
  'breakglass.review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Sensitivity labels of fields (GDPR articles 9 and 10): health, gender-based violence, migration
 * status, minors, criminal records, and ethnic origin (membership of a minority such as the Roma).
 */
export const SENSITIVITY_LABELS = ['health', 'gbv', 'migration', 'minor', 'criminal', 'ethnicity'] as const;
export type SensitivityLabel = (typeof SENSITIVITY_LABELS)[number];

/** Stable role keys, used by the CLI and the API. */
export const ROLE_KEYS = [
  'frontdesk',
  'social_worker',
  'structure_staff',
  'structure_manager',
  'director',
  'dpo',
  'admin',
  'partner',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

/** What a role may do and which sensitive fields it may see. */
export interface RoleDefinition {
  permissions: readonly Permission[];
  clearances: readonly SensitivityLabel[];
  /** A role that must be held at a structure (not "all structures"). */
  structureBound: boolean;
}

const casework: Permission[] = ['person.read', 'person.create', 'person.update', 'case.read', 'case.create', 'case.update'];

export const ROLES: Readonly<Record<RoleKey, RoleDefinition>> = {
  frontdesk: {
    permissions: [
      ...casework,
      'service.record',
      'referral.read',
      'referral.create',
      'benefit.read',
      'benefit.update',
      'booking.read',
      'booking.create',
      'request.read',
    ],
    clearances: ['migration'],
    structureBound: false,
  },
  social_worker: {
    permissions: [
      ...casework,
      'case.close',
      'service.record',
      'person.merge',
      'referral.read',
      'referral.create',
      'referral.respond',
      'referral.override_consent',
      'benefit.read',
      'benefit.update',
      'place.read',
      'booking.read',
      'booking.create',
      'breakglass.use',
    ],
    clearances: ['health', 'gbv', 'migration', 'minor', 'ethnicity'],
    structureBound: false,
  },
  structure_staff: {
    permissions: [
      'person.read',
      'person.create',
      'case.read',
      'service.record',
      'referral.read',
      'place.read',
      'booking.read',
      'booking.create',
      'stock.read',
      'stock.dispense',
    ],
    clearances: [],
    structureBound: true,
  },
  structure_manager: {
    permissions: [
      ...casework,
      'case.close',
      'case.assign',
      'service.record',
      'referral.read',
      'referral.create',
      'referral.respond',
      'referral.override_consent',
      'place.read',
      'place.allocate',
      'booking.read',
      'booking.create',
      'stock.read',
      'stock.receive',
      'stock.dispense',
      'report.read',
      'user.read',
      'breakglass.use',
    ],
    clearances: ['health', 'minor'],
    structureBound: true,
  },
  director: {
    permissions: [
      'case.read',
      'case.approve',
      'case.assign',
      'referral.read',
      'place.read',
      'booking.read',
      'stock.read',
      'request.read',
      'request.triage',
      'report.read',
      'user.read',
      'breakglass.review',
    ],
    clearances: [],
    structureBound: false,
  },
  dpo: {
    permissions: ['audit.read', 'user.read', 'breakglass.review', 'report.read'],
    clearances: [],
    structureBound: false,
  },
  admin: {
    permissions: ['user.read', 'user.manage', 'directory.write', 'report.read'],
    clearances: [],
    structureBound: false,
  },
  partner: {
    permissions: ['person.read', 'referral.read', 'referral.respond', 'case.read'],
    clearances: [],
    structureBound: false,
  },
};

/** Whether holders of a role must confirm sign-in with a second factor: every role cleared for sensitive fields, and the DPO and administrators. */
export function roleRequiresMfa(role: RoleKey): boolean {
  return ROLES[role].clearances.length > 0 || role === 'dpo' || role === 'admin';
}

/** Actions written to the audit trail; the list is closed so a typo cannot slip in. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.oidc_login',
  'auth.oidc_failed',
  'auth.locked_out',
  'auth.mfa_verified',
  'auth.mfa_failed',
  'auth.logout',
  'auth.logout_everywhere',
  'auth.password_changed',
  'auth.totp_enrolled',
  'auth.token_created',
  'auth.token_used',
  'access.denied',
  'person.read',
  'person.list',
  'person.created',
  'person.updated',
  'person.registered',
  'person.matched',
  'person.merged',
  'person.unmerged',
  'person.imported',
  'person.links_read',
  'person.exported',
  'match.review_listed',
  'match.review_queued',
  'match.review_decided',
  'match.cannot_link',
  'household.read',
  'household.created',
  'household.member_added',
  'household.member_left',
  'consent.read',
  'consent.recorded',
  'consent.withdrawn',
  'case.list',
  'case.read',
  'case.created',
  'case.updated',
  'case.status_changed',
  'case.closure_approved',
  'case.reassigned',
  'case.timeline_read',
  'case.entry_added',
  'case.entry_corrected',
  'service_delivery.list',
  'service_delivery.recorded',
  'referral.list',
  'referral.read',
  'referral.created',
  'referral.updated',
  'referral.status_changed',
  'referral.consent_overridden',
  'referral.expired',
  'referral.events_read',
  'referral.letter_generated',
  'referral.link_created',
  'referral.link_used',
  'assessment.list',
  'assessment.recorded',
  'assessment.scores_read',
  'plan.read',
  'plan.updated',
  'plan.reviewed',
  'plan.action_updated',
  'task.list',
  'aid.list',
  'aid.recommended',
  'aid.decided',
  'aid.settled',
  'user.read',
  'user.list',
  'user.created',
  'user.updated',
  'audit.searched',
  'directory.structure_saved',
  'directory.organisation_saved',
  'breakglass.opened',
  'breakglass.listed',
  'breakglass.reviewed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
