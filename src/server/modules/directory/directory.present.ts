import type { TOrganisation, TService, TStructure, TStructureSummary } from '../../../shared/directory.js';
import type { OrganisationRow, ProgrammeRow, ServiceListRow, StructureListRow } from './directory.repo.js';

/**
 * Turns rows into public documents. The one place that decides what the public sees of a
 * structure: a confidential structure (the women's shelter) never shows address or location.
 */
export function presentStructureSummary(row: StructureListRow): TStructureSummary {
  const s = row.structure;
  const hidden = s.confidential;
  return {
    id: s.id,
    slug: s.slug,
    type: s.type as TStructureSummary['type'],
    name: s.name,
    summary: s.summary,
    organisation: row.organisation,
    community: s.community,
    confidential: s.confidential,
    address: hidden ? null : s.address,
    location: hidden || s.latitude === null || s.longitude === null ? null : { lat: s.latitude, lon: s.longitude },
    needs: row.needs as TStructureSummary['needs'],
    languages: s.languages,
  };
}

/** The public document of one service. */
export function presentService(row: ServiceListRow): TService {
  const v = row.service;
  return {
    id: v.id,
    slug: v.slug,
    structureId: row.structure.id,
    structureSlug: row.structure.slug,
    structureName: row.structure.name,
    name: v.name,
    description: v.description,
    needs: v.needs as TService['needs'],
    eligibility: v.eligibility,
    documents: v.documents,
    cost: v.cost,
    languages: v.languages,
  };
}

/** The public document of a structure with its services. */
export function presentStructure(
  row: StructureListRow & { programme: ProgrammeRow | null },
  serviceRows: ServiceListRow[],
): TStructure {
  const s = row.structure;
  const p = row.programme;
  return {
    ...presentStructureSummary(row),
    description: s.description,
    audience: s.audience,
    openingHours: s.openingHours,
    hoursNote: s.hoursNote,
    phones: s.phones,
    email: s.email,
    fundingProgramme: p
      ? {
          id: p.id,
          code: p.code,
          name: p.name,
          funder: p.funder,
          budgetEur: p.budgetEur,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
        }
      : null,
    capacity: s.capacity,
    mechanics: s.mechanics as TStructure['mechanics'],
    services: serviceRows.map(presentService),
  };
}

/** The public document of an organisation. */
export function presentOrganisation(o: OrganisationRow): TOrganisation {
  return {
    id: o.id,
    slug: o.slug,
    kind: o.kind as TOrganisation['kind'],
    name: o.name,
    shortName: o.shortName,
    website: o.website,
    phone: o.phone,
  };
}
