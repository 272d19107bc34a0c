import { NEEDS } from '../../shared/directory.js';
import type { TNeed } from '../../shared/directory.js';

/** The municipal communities, 1 to 6. */
export const COMMUNITIES = [1, 2, 3, 4, 5, 6] as const;
/** A municipal community. */
export type Community = (typeof COMMUNITIES)[number];

/** True for the number of one of the six municipal communities. */
export const isCommunity = (value: number): value is Community => (COMMUNITIES as readonly number[]).includes(value);

/** The search of the home page, as kept in the address bar (?q=&community=&need=). */
export interface SearchParams {
  q: string;
  community: Community | null;
  need: TNeed | null;
}

/** Longest text the API accepts in q. */
const MAX_QUERY = 100;

const isNeed = (value: string | null): value is TNeed => value !== null && (NEEDS as readonly string[]).includes(value);

/** Reads the search from a query string, dropping values the API would reject. */
export function parseSearch(search: string): SearchParams {
  const params = new URLSearchParams(search);
  const q = (params.get('q') ?? '').trim().slice(0, MAX_QUERY);
  const community = Number(params.get('community'));
  const need = params.get('need');
  return {
    q,
    community: isCommunity(community) ? community : null,
    need: isNeed(need) ? need : null,
  };
}

function toParams({ q, community, need }: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  const text = q.trim().slice(0, MAX_QUERY);
  if (text) params.set('q', text);
  if (community !== null) params.set('community', String(community));
  if (need !== null) params.set('need', need);
  return params;
}

/** The query string of the home page for a search ('' when there is nothing to filter by). */
export function searchQueryString(search: SearchParams): string {
  const query = toParams(search).toString();
  return query ? `?${query}` : '';
}

/** The API address of the structure list for a search; empty parameters are omitted (the API rejects them). */
export function structuresApiUrl(search: SearchParams): string {
  const query = toParams(search).toString();
  return `/api/v1/structures${query ? `?${query}` : ''}`;
}

/** The API address of one structure. */
export function structureApiUrl(slug: string): string {
  return `/api/v1/structures/${encodeURIComponent(slug)}`;
}

let lastHomeSearch = '';

/** Remembers the query string of the home page, so that a structure page can link back to the same results. */
export function rememberHomeSearch(search: string): void {
  lastHomeSearch = search;
}

/** The home page with the last search the visitor made. */
export function homeHref(): string {
  return `/${lastHomeSearch}`;
}
