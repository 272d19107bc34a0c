import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { conflict, unprocessable } from '../../platform/http/problem.js';
import type { TCatalogue, ZCatalogueOrganisation, ZCatalogueStructure } from './catalogue.schema.js';
import * as repo from './directory.repo.js';
import { buildSearchText } from './directory.search.js';

export type TCatalogueStructure = z.infer<typeof ZCatalogueStructure>;
export type TCatalogueOrganisation = z.infer<typeof ZCatalogueOrganisation>;

/** Creates or updates an organisation by slug; returns its id. */
export async function saveOrganisation(db: Db, tenantId: string, o: TCatalogueOrganisation): Promise<string> {
  return repo.upsertOrganisation(db, {
    tenantId,
    slug: o.slug,
    kind: o.kind,
    name: o.name,
    shortName: o.shortName,
    website: o.website,
    phone: o.phone,
    searchText: buildSearchText([o.name], [o.shortName, o.slug]),
  });
}

/**
 * Creates or updates a structure and replaces its services, in the caller's transaction.
 * `mode` says whether the slug must be new (create) or may exist (upsert, used by the seed).
 */
export async function saveStructure(
  db: Db,
  tenantId: string,
  s: TCatalogueStructure,
  mode: 'create' | 'upsert',
): Promise<string> {
  if (mode === 'create' && (await repo.structureSlugTaken(db, tenantId, s.slug))) throw conflict('problem.slug_taken.detail');
  const organisation = await repo.findOrganisation(db, tenantId, { slug: s.organisation });
  if (!organisation) throw unprocessable('problem.organisation_not_found.detail', 'organisation');
  let programmeId: string | null = null;
  if (s.fundingProgramme !== null) {
    const programme = await repo.findProgramme(db, tenantId, s.fundingProgramme);
    if (!programme) throw unprocessable('problem.programme_not_found.detail', 'fundingProgramme');
    programmeId = programme.id;
  }
  const serviceTexts = s.services.flatMap((v) => [v.name, v.description]);
  const structureId = await repo.upsertStructure(db, {
    tenantId,
    slug: s.slug,
    organisationId: organisation.id,
    type: s.type,
    name: s.name,
    summary: s.summary,
    description: s.description,
    audience: s.audience,
    community: s.community,
    confidential: s.confidential,
    address: s.address,
    latitude: s.location?.lat ?? null,
    longitude: s.location?.lon ?? null,
    openingHours: s.openingHours,
    hoursNote: s.hoursNote,
    phones: s.phones,
    email: s.email,
    languages: s.languages,
    fundingProgrammeId: programmeId,
    capacity: s.capacity,
    mechanics: s.mechanics,
    domainRow: s.domainRow,
    nameSearch: buildSearchText([s.name]),
    // A confidential structure's address is never indexed, so a search cannot reveal it.
    searchText: buildSearchText(
      [s.name, s.summary, s.description, ...serviceTexts],
      [s.slug, organisation.shortName, s.confidential ? null : s.address?.street],
    ),
  });
  await repo.replaceServices(
    db,
    tenantId,
    structureId,
    s.services.map((v, position) => ({
      tenantId,
      structureId,
      slug: v.slug,
      position,
      name: v.name,
      description: v.description,
      needs: v.needs,
      eligibility: v.eligibility,
      documents: v.documents,
      cost: v.cost,
      languages: v.languages,
      searchText: buildSearchText([v.name, v.description, v.eligibility]),
    })),
  );
  return structureId;
}

/** Loads a whole catalogue (organisations, programmes, structures) in the caller's transaction. */
export async function loadCatalogue(db: Db, tenantId: string, catalogue: TCatalogue): Promise<void> {
  for (const o of catalogue.organisations) await saveOrganisation(db, tenantId, o);
  for (const p of catalogue.programmes) {
    await repo.upsertProgramme(db, {
      tenantId,
      code: p.code,
      name: p.name,
      funder: p.funder,
      budgetEur: p.budgetEur,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
    });
  }
  for (const s of catalogue.structures) await saveStructure(db, tenantId, s, 'upsert');
}
