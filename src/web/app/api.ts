/** Calls to the staff API: session cookie, CSRF token on writes, answers in the UI's language. */
import type { TCandidate } from '../../shared/people/registry.js';

/** An RFC 9457 problem document, already in the UI's language. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  /** A stable URN naming the kind of problem, e.g. urn:merimna:problem:possible_duplicate. */
  type?: string;
  errors?: { field: string; code: string }[];
  retryAfter?: number;
  /** On a 409 for a stale write: the ETag of the version now stored. */
  currentVersion?: string;
  /** On a 409 possible_duplicate: the persons the registration may be of. */
  candidates?: TCandidate[];
}

/** The outcome of a call: data and the version's ETag, a problem, or no answer at all (network). */
export type Result<T> = { ok: true; data: T; etag: string | null } | { ok: false; problem: Problem | null };

/** The HTTP methods the staff screens use. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Extra request options: headers such as If-Match, and a signal to drop a call whose answer is no longer wanted. */
export interface CallOptions {
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
}

let csrfToken = '';
let language = 'el';

/** Remembers the CSRF token of the current session (from sign-in or /auth/me). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The language problems are asked for in. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Calls the API; never throws for an HTTP or network failure (an aborted call counts as no answer). */
export async function api<T>(method: Method, path: string, body?: unknown, options: CallOptions = {}): Promise<Result<T>> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language, ...options.headers };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken;
  }
  try {
    const res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.signal ? { signal: options.signal } : {}),
      ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
    });
    const etag = res.headers.get('etag');
    if (res.status === 204) return { ok: true, data: null as T, etag };
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: json as T, etag };
    return { ok: false, problem: (json as Problem | null) ?? { status: res.status, title: '', detail: '' } };
  } catch {
    return { ok: false, problem: null };
  }
}
