import type { Translation } from '../core.js';
import type { PortalMessages } from './el.js';

/** Farsi messages of the public portal (right to left). Incomplete, so not yet offered by the switcher. */
export const fa: Translation<PortalMessages> = {
  'meta.languageName': 'فارسی',
  'layout.skipLink': 'رفتن به محتوای اصلی',
  'search.label': 'جستجو',
  'search.submit': 'جستجو',
};
