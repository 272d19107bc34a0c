/** A list read page by page with the API's keyset cursors (`nextCursor`), newest first. */
import { useCallback, useEffect, useState } from 'react';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';

/** What useCursorPage gives: the page read, where the reader stands, and moves. */
export interface CursorPage<P> {
  data: P | null;
  failed: string | null;
  /** 1 for the first page. */
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
  /** Reads the first page again (after a change the list shows). */
  restart: () => void;
}

/**
 * The pages of `path` (null: nothing to read yet). The cursors of the pages read so far are kept,
 * so "previous" goes back without the API having to page backwards; a new path starts over.
 */
export function useCursorPage<P extends { nextCursor: string | null }>(path: string | null): CursorPage<P> {
  const { t } = useStaffI18n();
  const [cursors, setCursors] = useState<{ path: string | null; stack: string[] }>({ path, stack: [] });
  const [data, setData] = useState<P | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // A new path (other filters) starts at its first page.
  const stack = cursors.path === path ? cursors.stack : [];
  if (cursors.path !== path) {
    setCursors({ path, stack: [] });
    setData(null);
  }
  const cursor = stack[stack.length - 1];

  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    const url = cursor ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : path;
    void api<P>('GET', url, undefined, { signal: controller.signal }).then((r) => {
      if (controller.signal.aborted) return;
      if (r.ok) {
        setData(r.data);
        setFailed(null);
      } else if (r.problem) setFailed(r.problem.status === 403 ? t('common.forbidden') : r.problem.detail || t('common.error'));
      else setFailed(t('common.network'));
    });
    return () => controller.abort();
  }, [path, cursor, tick, t]);

  const nextCursor = data?.nextCursor ?? null;
  const next = useCallback(() => {
    if (nextCursor) setCursors((c) => ({ path: c.path, stack: [...c.stack, nextCursor] }));
  }, [nextCursor]);
  const previous = useCallback(() => setCursors((c) => ({ path: c.path, stack: c.stack.slice(0, -1) })), []);
  const restart = useCallback(() => {
    setCursors((c) => ({ path: c.path, stack: [] }));
    setTick((n) => n + 1);
  }, []);
  return {
    data: path ? data : null,
    failed,
    page: stack.length + 1,
    hasPrevious: stack.length > 0,
    hasNext: nextCursor !== null,
    next,
    previous,
    restart,
  };
}
