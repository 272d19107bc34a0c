import { z } from 'zod';

/** Languages of the staff interface (Greek first). */
export const STAFF_LANGUAGES = ['el', 'en'] as const;
/** Languages of the public portal; ar and fa are written right to left. */
export const PUBLIC_LANGUAGES = ['el', 'en', 'ar', 'fa', 'uk', 'fr'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];
export const RTL_LANGUAGES: readonly PublicLanguage[] = ['ar', 'fa'];

/** A text kept in several languages; Greek and English are required, the others optional. */
export const ZLocalizedText = z
  .object({
    el: z.string().min(1).describe('Greek text (the default language)'),
    en: z.string().min(1).describe('English text'),
    ar: z.string().min(1).optional().describe('Arabic text'),
    fa: z.string().min(1).optional().describe('Farsi text'),
    uk: z.string().min(1).optional().describe('Ukrainian text'),
    fr: z.string().min(1).optional().describe('French text'),
  })
  .strict();
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

/** Picks the text for a language, falling back to English and then Greek. */
export function pickText(text: TLocalizedText, lang: string): string {
  const value = (text as Record<string, string | undefined>)[lang];
  return value ?? (lang === 'el' ? text.el : text.en);
}
