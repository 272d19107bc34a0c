import { searchKey } from '../../../shared/search-key.js';
import type { TLocalizedText } from '../../../shared/localized.js';

/** The indexed search text of a record: the search keys of all its language versions and extra words. */
export function buildSearchText(texts: (TLocalizedText | null | undefined)[], extra: (string | null | undefined)[] = []): string {
  const parts = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const v of Object.values(t)) if (v) parts.add(searchKey(v));
  }
  for (const e of extra) if (e) parts.add(searchKey(e));
  return [...parts].filter(Boolean).join(' | ');
}
