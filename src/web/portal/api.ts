/** Fetching from the directory API. The server validates its answers, so the browser trusts their shape. */
import type { TStructureSummary } from '../../shared/directory.js';

/** The outcome of a request: data, a 404, or any other failure. */
export type ApiResult<T> = { status: 'ok'; data: T } | { status: 'not-found' } | { status: 'error' };

/** A page of the structure list (GET /api/v1/structures). */
export interface StructurePage {
  items: TStructureSummary[];
  total: number;
  limit: number;
  offset: number;
}

/** GETs JSON from the API; a network failure or an error status becomes a result, never an exception. */
export async function getJson<T>(url: string, signal: AbortSignal): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
    if (response.status === 404) return { status: 'not-found' };
    if (!response.ok) return { status: 'error' };
    const body: unknown = await response.json();
    return { status: 'ok', data: body as T };
  } catch (error) {
    if (signal.aborted) throw error; // the caller moved on; nobody is waiting for this result
    return { status: 'error' };
  }
}
