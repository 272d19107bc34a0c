import type { Translation } from '../core.js';
import type { PortalMessages } from './el.js';

/** Ukrainian messages of the public portal. Incomplete, so not yet offered by the switcher. */
export const uk: Translation<PortalMessages> = {
  'meta.languageName': 'Українська',
  'layout.skipLink': 'Перейти до основного вмісту',
  'search.label': 'Пошук',
  'search.submit': 'Шукати',
};
