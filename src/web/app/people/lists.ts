/**
 * The closed lists of the registry the screens offer (legal statuses, relationships, consent
 * purposes, lawful bases). person.ts and registry.ts define them beside their Zod schemas, and a
 * value imported from those files brings Zod into the browser bundle the public portal shares; so
 * the lists are restated here, each checked against its type: a missing or extra entry fails to compile.
 */
import type { LegalStatus } from '../../../shared/people/person.js';
import type { CONSENT_PURPOSES, LAWFUL_BASES, RELATIONSHIPS } from '../../../shared/people/registry.js';

/** Relationship of a household member to the head. */
export type Relationship = (typeof RELATIONSHIPS)[number];
/** What a consent is for. */
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** A GDPR article 6 lawful basis. */
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

const listOf = <T extends string>(all: Record<T, true>): T[] => Object.keys(all) as T[];

/** LEGAL_STATUSES, in the same order. */
export const LEGAL_STATUS_LIST = listOf<LegalStatus>({
  citizen: true,
  eu_citizen: true,
  recognised_refugee: true,
  asylum_seeker: true,
  third_country_national: true,
  stateless: true,
  unknown: true,
});

/** RELATIONSHIPS, in the same order. */
export const RELATIONSHIP_LIST = listOf<Relationship>({ head: true, spouse: true, child: true, other: true });

/** CONSENT_PURPOSES, in the same order. */
export const CONSENT_PURPOSE_LIST = listOf<ConsentPurpose>({
  referral: true,
  data_sharing: true,
  case_management: true,
  contact: true,
  benefit_application: true,
  research: true,
});

/** LAWFUL_BASES, in the same order. */
export const LAWFUL_BASIS_LIST = listOf<LawfulBasis>({
  consent: true,
  contract: true,
  legal_obligation: true,
  vital_interests: true,
  public_task: true,
  legitimate_interests: true,
});
