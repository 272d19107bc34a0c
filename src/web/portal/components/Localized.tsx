import { pickText } from '../../../shared/localized.js';
import type { TLocalizedText } from '../../../shared/localized.js';
import { usePortalI18n } from '../../i18n/portal/index.js';

/** The language pickText() actually returns for `lang` (it falls back to English, then Greek). */
export function textLanguage(text: TLocalizedText, lang: string): string {
  if ((text as Readonly<Record<string, string | undefined>>)[lang] !== undefined) return lang;
  return lang === 'el' ? 'el' : 'en';
}

/**
 * A text of the directory in the visitor's language; when the data lacks that language the fallback is
 * marked with its own lang attribute, so that screen readers pronounce it correctly.
 */
export function Localized({ text }: { text: TLocalizedText }) {
  const { lang } = usePortalI18n();
  const value = pickText(text, lang);
  const actual = textLanguage(text, lang);
  return actual === lang ? <>{value}</> : <span lang={actual}>{value}</span>;
}
