/** Calls to the staff API: session cookie, CSRF token on writes, answers in the UI's language. */

/** An RFC 9457 problem document, already in the UI's language. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  errors?: { field: string; code: string }[];
  retryAfter?: number;
}

/** The outcome of a call: data, a problem, or no answer at all (network). */
export type Result<T> = { ok: true; data: T } | { ok: false; problem: Problem | null };

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

/** Calls the API; never throws for an HTTP or network failure. */
export async function api<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Result<T>> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken;
  }
  try {
    const res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
    });
    if (res.status === 204) return { ok: true, data: null as T };
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: json as T };
    return { ok: false, problem: (json as Problem | null) ?? { status: res.status, title: '', detail: '' } };
  } catch {
    return { ok: false, problem: null };
  }
}
