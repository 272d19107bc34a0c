import { useEffect, useState } from 'react';
import { getJson } from './api.js';
import type { ApiResult } from './api.js';

/** What a page shows for a request: loading until the answer for the current address arrives. */
export type ApiState<T> = { status: 'loading' } | ApiResult<T>;

interface Answer<T> {
  url: string;
  attempt: number;
  result: ApiResult<T>;
}

/**
 * Fetches `url` and refetches when it or `attempt` changes (a retry). An answer is kept with the request it
 * belongs to, so a page never shows the results of a previous search as those of the current one.
 */
export function useApi<T>(url: string, attempt = 0): ApiState<T> {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    getJson<T>(url, controller.signal).then(
      (result) => setAnswer({ url, attempt, result }),
      () => undefined, // aborted: a newer request replaced this one
    );
    return () => controller.abort();
  }, [url, attempt]);

  if (!answer || answer.url !== url || answer.attempt !== attempt) return { status: 'loading' };
  return answer.result;
}
