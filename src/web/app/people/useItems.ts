/** A list the person page loads from the API (households, consents, the link log), with its reload. */
import { useCallback, useEffect, useState } from 'react';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { api } from '../api.js';

/** What useItems gives: the items once loaded, the problem text when loading failed, and a reload for after a change. */
export interface Items<T> {
  items: T[] | null;
  failed: string | null;
  load: () => Promise<void>;
}

/** The items at `path` (an API answer `{ items }`). */
export function useItems<T>(path: string): Items<T> {
  const { t } = useStaffI18n();
  const [items, setItems] = useState<T[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await api<{ items: T[] }>('GET', path);
    if (r.ok) {
      setItems(r.data.items);
      setFailed(null);
    } else setFailed(r.problem?.detail || t('common.network'));
  }, [path, t]);
  useEffect(() => {
    void load();
  }, [load]);
  return { items, failed, load };
}
