import type { Translation } from '../core.js';
import type { PortalMessages } from './el.js';

/** French messages of the public portal. Incomplete, so not yet offered by the switcher. */
export const fr: Translation<PortalMessages> = {
  'meta.languageName': 'Français',
  'layout.skipLink': 'Aller au contenu principal',
  'search.label': 'Rechercher',
  'search.submit': 'Rechercher',
};
