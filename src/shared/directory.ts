import { z } from 'zod';
import { ZLocalizedText } from './localized.js';

/** Kinds of organisation in the directory. */
export const ORGANISATION_KINDS = [
  'municipality',
  'partner_municipality',
  'development_company',
  'ngo',
  'public_agency',
  'counselling_centre',
] as const;
export const ZOrganisationKind = z.enum(ORGANISATION_KINDS);

/** Categories of need by which people look for a service (the municipality's taxonomy of needs). */
export const NEEDS = [
  'information',
  'housing',
  'shelter',
  'food',
  'clothing',
  'hygiene',
  'health',
  'medicines',
  'mental_health',
  'transport',
  'disability',
  'education',
  'language',
  'employment',
  'income',
  'legal',
  'documents',
  'children_family',
  'elderly',
  'gender_violence',
  'migration',
  'roma',
  'community',
] as const;
export const ZNeed = z.enum(NEEDS);
export type TNeed = z.infer<typeof ZNeed>;

/** Structure types; each maps to staff roles in the access issue. */
export const STRUCTURE_TYPES = [
  'community_centre',
  'front_desk',
  'language_courses',
  'integration_programme',
  'refugee_housing',
  'refugee_shelter',
  'social_rental_agency',
  'housing_programme',
  'womens_shelter',
  'dormitory',
  'day_centre',
  'grocery',
  'food_partnership',
  'clinic',
  'pharmacy',
  'transport',
  'laundry',
  'home_care',
  'day_care_disability',
  'womens_centre',
  'roma_centre',
  'family_support',
  'aid_fund',
  'fundraising',
  'soup_kitchen',
  'residential_care',
  'solidarity_centre',
  'community_programme',
] as const;
export const ZStructureType = z.enum(STRUCTURE_TYPES);
export type TStructureType = z.infer<typeof ZStructureType>;

/** The mechanics a structure uses; each is a module of Merimna. */
export const MECHANICS = ['cases', 'places', 'bookings', 'stock', 'service_log'] as const;
export const ZMechanic = z.enum(MECHANICS);

/** The six municipal communities of Thessaloniki. */
export const ZCommunity = z.number().int().min(1).max(6);

/** ISO 639-1 language code. */
export const ZLanguageCode = z.string().regex(/^[a-z]{2}$/);

/** Latin-letter slug, stable across releases. */
export const ZSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);

/** Opening hours: one line per set of days, times as HH:MM. */
export const ZOpeningHours = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1).describe('ISO weekdays, 1 = Monday'),
    opens: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .describe('opening time, HH:MM'),
    closes: z
      .string()
      .regex(/^([01]\d|2[0-4]):[0-5]\d$/)
      .describe('closing time, HH:MM; may be past midnight'),
  })
  .strict();

/** A capacity figure such as "650 apartment places" or "3 vehicles". */
export const ZCapacity = z
  .object({
    key: z
      .string()
      .regex(/^[a-z_]+$/)
      .describe('stable key, e.g. apartment_places'),
    label: ZLocalizedText.describe('what is counted'),
    value: z.number().nonnegative().describe('how many'),
  })
  .strict();

/** A funding programme such as OPS 5002722 (ESF). */
export const ZFundingProgramme = z.object({
  id: z.uuid(),
  code: z.string().describe('programme code, e.g. OPS 5002722 or MIS 5001616'),
  name: ZLocalizedText,
  funder: z.string().describe('who pays, e.g. ESF / ESPA 2014-2020'),
  budgetEur: z.number().nullable().describe('budget in euros, where the documents give it'),
  periodStart: z.string().nullable().describe('start date, ISO'),
  periodEnd: z.string().nullable().describe('end date, ISO'),
});

/** Public address; absent for confidential structures. */
export const ZAddress = z.object({
  street: z.string(),
  postcode: z.string().nullable(),
  city: z.string(),
});

/** An organisation as the public API returns it. */
export const ZOrganisation = z.object({
  id: z.uuid(),
  slug: ZSlug,
  kind: ZOrganisationKind,
  name: ZLocalizedText,
  shortName: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

/** A service offered by a structure. */
export const ZService = z.object({
  id: z.uuid(),
  slug: ZSlug,
  structureId: z.uuid(),
  structureSlug: ZSlug,
  structureName: ZLocalizedText,
  name: ZLocalizedText,
  description: ZLocalizedText,
  needs: z.array(ZNeed),
  eligibility: ZLocalizedText.nullable(),
  documents: z.array(ZLocalizedText),
  cost: ZLocalizedText.nullable().describe('null = free'),
  languages: z.array(ZLanguageCode),
});
export type TService = z.infer<typeof ZService>;

/** A structure in a list. Confidential structures carry no address or coordinates. */
export const ZStructureSummary = z.object({
  id: z.uuid(),
  slug: ZSlug,
  type: ZStructureType,
  name: ZLocalizedText,
  summary: ZLocalizedText,
  organisation: z.object({ id: z.uuid(), slug: ZSlug, name: ZLocalizedText }),
  community: ZCommunity.nullable(),
  confidential: z.boolean(),
  address: ZAddress.nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  needs: z.array(ZNeed),
  languages: z.array(ZLanguageCode),
});
export type TStructureSummary = z.infer<typeof ZStructureSummary>;

/** A structure with everything the public page shows. */
export const ZStructure = ZStructureSummary.extend({
  description: ZLocalizedText,
  audience: ZLocalizedText.describe('who it serves'),
  openingHours: z.array(ZOpeningHours),
  hoursNote: ZLocalizedText.nullable(),
  phones: z.array(z.string()),
  email: z.string().nullable(),
  fundingProgramme: ZFundingProgramme.nullable(),
  capacity: z.array(ZCapacity),
  mechanics: z.array(ZMechanic),
  services: z.array(ZService),
});
export type TStructure = z.infer<typeof ZStructure>;

/** Paging envelope used by every list of the API. */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('number of matching rows'),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

const ZQueryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Filters shared by the structure and service lists. */
export const ZDirectoryFilters = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('text search, Greek with or without accents, or Latin transliteration'),
    community: ZQueryInt(1, 6).optional().describe('municipal community, 1 to 6'),
    need: ZNeed.optional().describe('category of need'),
    language: ZLanguageCode.optional().describe('a language spoken at the structure'),
    organisation: ZSlug.optional().describe('slug of the owning organisation'),
    limit: ZQueryInt(1, 200).default(100),
    offset: ZQueryInt(0, 100000).default(0),
  })
  .strict();
export type TDirectoryFilters = z.infer<typeof ZDirectoryFilters>;
