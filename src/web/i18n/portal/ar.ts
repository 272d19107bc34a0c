import type { Translation } from '../core.js';
import type { PortalMessages } from './el.js';

/** Arabic messages of the public portal (right to left). Incomplete, so not yet offered by the switcher. */
export const ar: Translation<PortalMessages> = {
  'meta.languageName': 'العربية',
  'layout.skipLink': 'انتقل إلى المحتوى الرئيسي',
  'search.label': 'بحث',
  'search.submit': 'بحث',
};
