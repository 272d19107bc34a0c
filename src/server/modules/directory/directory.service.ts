import type { TDirectoryFilters, TOrganisation, TService, TStructure, TStructureSummary } from '../../../shared/directory.js';
import { searchTokens } from '../../../shared/search-key.js';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import * as repo from './directory.repo.js';
import { presentOrganisation, presentService, presentStructure, presentStructureSummary } from './directory.present.js';

/** A page of results as the API returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toQuery(f: TDirectoryFilters): repo.DirectoryQuery {
  return {
    tokens: f.q ? searchTokens(f.q) : [],
    community: f.community,
    need: f.need,
    language: f.language,
    organisation: f.organisation,
    limit: f.limit,
    offset: f.offset,
  };
}

/** Public list of structures. The directory is public information, so no actor is needed. */
export async function listStructures(db: Db, tenantId: string, filters: TDirectoryFilters): Promise<Page<TStructureSummary>> {
  const { rows, total } = await repo.listStructures(db, tenantId, toQuery(filters));
  return { items: rows.map(presentStructureSummary), total, limit: filters.limit, offset: filters.offset };
}

/** Public page of one structure by id or slug; 404 when it does not exist. */
export async function getStructure(db: Db, tenantId: string, idOrSlug: string): Promise<TStructure> {
  const row = await repo.findStructure(db, tenantId, UUID.test(idOrSlug) ? { id: idOrSlug.toLowerCase() } : { slug: idOrSlug });
  if (!row) throw notFound('problem.structure_not_found.detail');
  const serviceRows = await repo.servicesOfStructures(db, tenantId, [row.structure.id]);
  return presentStructure(row, serviceRows);
}

/** Public list of services. */
export async function listServices(db: Db, tenantId: string, filters: TDirectoryFilters): Promise<Page<TService>> {
  const { rows, total } = await repo.listServices(db, tenantId, toQuery(filters));
  return { items: rows.map(presentService), total, limit: filters.limit, offset: filters.offset };
}

/** Public list of organisations. */
export async function listOrganisations(
  db: Db,
  tenantId: string,
  filters: { q?: string | undefined; limit: number; offset: number },
): Promise<Page<TOrganisation>> {
  const { rows, total } = await repo.listOrganisations(db, tenantId, {
    tokens: filters.q ? searchTokens(filters.q) : [],
    limit: filters.limit,
    offset: filters.offset,
  });
  return { items: rows.map(presentOrganisation), total, limit: filters.limit, offset: filters.offset };
}

/** Public document of one organisation by id or slug. */
export async function getOrganisation(db: Db, tenantId: string, idOrSlug: string): Promise<TOrganisation> {
  const row = await repo.findOrganisation(
    db,
    tenantId,
    UUID.test(idOrSlug) ? { id: idOrSlug.toLowerCase() } : { slug: idOrSlug },
  );
  if (!row) throw notFound('problem.organisation_not_found.detail');
  return presentOrganisation(row);
}
