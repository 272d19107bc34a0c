import type { STAFF_LANGUAGES } from '../../../shared/localized.js';
import type { Translation } from '../core.js';
import { createI18n } from '../react.js';
import { el } from './el.js';
import type { StaffMessages } from './el.js';
import { en } from './en.js';

export type { StaffKey, StaffMessages } from './el.js';

/** A language of the staff interface. */
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

/** Every staff catalogue, in the order the switcher lists them. */
export const staffCatalogues: Readonly<Record<StaffLanguage, Translation<StaffMessages>>> = { el, en };

/** The staff area's i18n: Greek by default, English on request. */
export const { I18nProvider: StaffI18nProvider, useI18n: useStaffI18n } = createI18n<StaffMessages, StaffLanguage>({
  defaultLang: 'el',
  reference: el,
  catalogues: staffCatalogues,
  rtl: [],
  nameKey: 'meta.languageName',
});
