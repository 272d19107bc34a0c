import { z } from 'zod';
import { ZLocalizedText } from '../../../shared/localized.js';
import {
  ZCapacity,
  ZCommunity,
  ZLanguageCode,
  ZMechanic,
  ZNeed,
  ZOpeningHours,
  ZOrganisationKind,
  ZSlug,
  ZStructureType,
} from '../../../shared/directory.js';

/** An organisation in seeds/demo/organisations.json. */
export const ZCatalogueOrganisation = z
  .object({
    slug: ZSlug,
    kind: ZOrganisationKind,
    name: ZLocalizedText,
    shortName: z.string().nullable().default(null),
    website: z.url().nullable().default(null),
    phone: z.string().nullable().default(null),
  })
  .strict();

/** A funding programme in seeds/demo/programmes.json. */
export const ZCatalogueProgramme = z
  .object({
    code: z.string().min(1),
    name: ZLocalizedText,
    funder: z.string().min(1),
    budgetEur: z.number().positive().nullable().default(null),
    periodStart: z.iso.date().nullable().default(null),
    periodEnd: z.iso.date().nullable().default(null),
  })
  .strict();

/** A service nested under its structure in seeds/demo/structures.json. */
export const ZCatalogueService = z
  .object({
    slug: ZSlug,
    name: ZLocalizedText,
    description: ZLocalizedText,
    needs: z.array(ZNeed).min(1),
    eligibility: ZLocalizedText.nullable().default(null),
    documents: z.array(ZLocalizedText).default([]),
    cost: ZLocalizedText.nullable().default(null).describe('null = free'),
    languages: z.array(ZLanguageCode).default([]),
  })
  .strict();

/** A structure (δομή) in seeds/demo/structures.json. */
export const ZCatalogueStructure = z
  .object({
    slug: ZSlug,
    domainRow: z.number().int().min(1).max(27).describe('row of the table in shared/DOMAIN.md'),
    type: ZStructureType,
    organisation: ZSlug.describe('slug of the owning organisation'),
    name: ZLocalizedText,
    summary: ZLocalizedText,
    description: ZLocalizedText,
    audience: ZLocalizedText,
    community: ZCommunity.nullable(),
    confidential: z.boolean().default(false),
    address: z
      .object({ street: z.string().min(1), postcode: z.string().nullable().default(null), city: z.string().min(1) })
      .strict()
      .nullable(),
    location: z
      .object({ lat: z.number().min(40.5).max(40.8), lon: z.number().min(22.8).max(23.1) })
      .strict()
      .nullable(),
    openingHours: z.array(ZOpeningHours).default([]),
    hoursNote: ZLocalizedText.nullable().default(null),
    phones: z.array(z.string()).default([]),
    email: z.email().nullable().default(null),
    languages: z.array(ZLanguageCode).min(1),
    fundingProgramme: z.string().nullable().default(null).describe('code of a programme in programmes.json'),
    capacity: z.array(ZCapacity).default([]),
    mechanics: z.array(ZMechanic),
    services: z.array(ZCatalogueService).min(1),
  })
  .strict();

/** The whole demo catalogue. */
export const ZCatalogue = z.object({
  organisations: z.array(ZCatalogueOrganisation).min(1),
  programmes: z.array(ZCatalogueProgramme),
  structures: z.array(ZCatalogueStructure).min(1),
});
export type TCatalogue = z.infer<typeof ZCatalogue>;
