import { RTL_LANGUAGES } from '../../../shared/localized.js';
import type { PublicLanguage } from '../../../shared/localized.js';
import type { Translation } from '../core.js';
import { createI18n } from '../react.js';
import { ar } from './ar.js';
import { el } from './el.js';
import type { PortalMessages } from './el.js';
import { en } from './en.js';
import { fa } from './fa.js';
import { fr } from './fr.js';
import { uk } from './uk.js';

export type { PortalKey, PortalMessages } from './el.js';

/** Every portal catalogue, in the order the switcher lists them. */
export const portalCatalogues: Readonly<Record<PublicLanguage, Translation<PortalMessages>>> = { el, en, ar, fa, uk, fr };

/** The portal's i18n: Greek by default; a language is offered once its catalogue is complete. */
export const { I18nProvider: PortalI18nProvider, useI18n: usePortalI18n } = createI18n<PortalMessages, PublicLanguage>({
  defaultLang: 'el',
  reference: el,
  catalogues: portalCatalogues,
  rtl: RTL_LANGUAGES,
  nameKey: 'meta.languageName',
});
