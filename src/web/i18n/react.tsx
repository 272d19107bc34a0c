import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { createTranslator, isComplete } from './core.js';
import type { Catalogue, Translation, Translator } from './core.js';

/** Where the chosen language is remembered; shared by the portal and the staff area. */
export const LANGUAGE_STORAGE_KEY = 'merimna.lang';

/** A language the switcher can offer, named in its own language. */
export interface LanguageOption<L extends string = string> {
  code: L;
  name: string;
  dir: 'ltr' | 'rtl';
}

/** What a component gets from useI18n(). */
export interface I18nValue<M extends Catalogue, L extends string> extends Translator<M> {
  lang: L;
  dir: 'ltr' | 'rtl';
  /** Languages whose catalogue is complete, in catalogue order; only these are offered. */
  languages: readonly LanguageOption<L>[];
  setLang: (lang: L) => void;
}

/** How an application declares its catalogues. */
export interface I18nOptions<M extends Catalogue, L extends string> {
  /** The default language; its catalogue is the reference every other one is checked against. */
  defaultLang: L;
  reference: M;
  catalogues: Readonly<Record<L, Translation<M>>>;
  rtl: readonly string[];
  /** The key holding each language's own name (e.g. "English"), shown on the switcher. */
  nameKey: keyof M & string;
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled (privacy settings); the default language then applies
  }
}

function storeLanguage(lang: string): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // not remembered, but the switch still works for this page
  }
}

/** Creates the provider and hook of one application (portal or staff) over its catalogues. */
export function createI18n<M extends Catalogue, L extends string>(options: I18nOptions<M, L>) {
  const { defaultLang, reference, catalogues, rtl, nameKey } = options;
  const codes = Object.keys(catalogues) as L[];
  const complete = codes.filter((code) => isComplete(reference, catalogues[code]));
  const languages: readonly LanguageOption<L>[] = complete.map((code) => ({
    code,
    name: catalogues[code][nameKey] ?? code,
    dir: rtl.includes(code) ? ('rtl' as const) : ('ltr' as const),
  }));
  const isOffered = (value: string | null): value is L => value !== null && (complete as string[]).includes(value);

  const Context = createContext<I18nValue<M, L> | null>(null);

  /** Provides the current language; Greek unless the visitor chose another one before. */
  function I18nProvider({ children }: { children: ReactNode }) {
    const [lang, setLangState] = useState<L>(() => {
      const stored = readStoredLanguage();
      return isOffered(stored) ? stored : defaultLang;
    });
    const dir = rtl.includes(lang) ? 'rtl' : 'ltr';

    useEffect(() => {
      document.documentElement.lang = lang;
      document.documentElement.dir = dir;
    }, [lang, dir]);

    const value = useMemo<I18nValue<M, L>>(() => {
      const translator = createTranslator(lang, catalogues[lang], reference);
      return {
        ...translator,
        lang,
        dir,
        languages,
        setLang: (next: L) => {
          storeLanguage(next);
          setLangState(next);
        },
      };
    }, [lang, dir]);

    return <Context.Provider value={value}>{children}</Context.Provider>;
  }

  /** The translator and language state of the nearest provider. */
  function useI18n(): I18nValue<M, L> {
    const value = useContext(Context);
    if (!value) throw new Error('useI18n() must be used inside its I18nProvider');
    return value;
  }

  return { I18nProvider, useI18n, languages };
}
