/**
 * The registry's closed lists and sensitivity labels, without Zod, so that the staff screens can
 * import them without bringing the schema library into the browser bundle. person.ts and
 * registry.ts build their schemas from these.
 */
import type { SensitivityLabel } from '../access.js';
import type { IdentifierType } from './identifiers.js';

/** Legal status of a person in Greece. */
export const LEGAL_STATUSES = [
  'citizen',
  'eu_citizen',
  'recognised_refugee',
  'asylum_seeker',
  'third_country_national',
  'stateless',
  'unknown',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

/** Relationship of a household member to the head. */
export const RELATIONSHIPS = ['head', 'spouse', 'child', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** What a consent is for. */
export const CONSENT_PURPOSES = [
  'referral',
  'data_sharing',
  'case_management',
  'contact',
  'benefit_application',
  'research',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** GDPR article 6 lawful bases. */
export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** The comparisons the matcher makes, named for the reasons shown beside a candidate. */
export const COMPARISONS = [
  'strongId',
  'mediumId',
  'birthDate',
  'familyName',
  'givenName',
  'sex',
  'fatherName',
  'motherName',
] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The sensitivity label of each sensitive field of a person record (GDPR articles 9 and 10). */
export const PERSON_FIELD_LABELS = {
  legalStatus: 'migration',
  disabilityPercent: 'health',
  disabilityNotes: 'health',
  healthNotes: 'health',
  gbvNotes: 'gbv',
  minority: 'ethnicity',
} as const satisfies Record<string, SensitivityLabel>;

/** Identifiers that reveal migration status: shown to, and written by, readers cleared for it only. */
export const IDENTIFIER_LABELS: Partial<Record<IdentifierType, SensitivityLabel>> = {
  paaypa: 'migration',
  asylum_card: 'migration',
  residence_permit: 'migration',
};

/**
 * The reasons the system writes into the link log, as codes the screens translate (a worker's own
 * reason is free text and shown as written).
 */
export const LINK_REASONS = { automatic: 'auto', intake: 'intake', review: 'review' } as const;
