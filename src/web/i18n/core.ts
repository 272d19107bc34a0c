/**
 * A tiny typed i18n core with no library: flat catalogues of messages, `{name}` placeholders and
 * plural forms chosen by Intl.PluralRules. The React binding lives in react.tsx.
 */

/** A flat catalogue: message key → message text. */
export type Catalogue = Readonly<Record<string, string>>;

/** Extra CLDR plural categories; Greek and English need only `one` and `other`. */
export type ExtraPluralCategory = 'zero' | 'two' | 'few' | 'many';

/** The base of every plural message, e.g. `results.count` for `results.count.one` and `results.count.other`. */
export type PluralBase<K> = K extends `${infer B}.other` ? B : never;

/**
 * A catalogue for one language: any subset of the reference keys, plus the plural categories that language
 * needs beyond one/other (Arabic, for instance, uses all six).
 */
export type Translation<M extends Catalogue> = Partial<Record<keyof M, string>> &
  Partial<Record<`${PluralBase<keyof M>}.${ExtraPluralCategory}`, string>>;

/** Values for the `{name}` placeholders of a message. */
export type Params = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders with their values; unknown placeholders are left as they are. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

/** Keys of the reference that the translation lacks or leaves empty. */
export function missingKeys<M extends Catalogue>(reference: M, translation: Translation<M>): string[] {
  const lookup = translation as Readonly<Record<string, string | undefined>>;
  return Object.keys(reference).filter((key) => !lookup[key]?.trim());
}

/** True when the translation has a non-empty message for every key of the reference. */
export function isComplete<M extends Catalogue>(reference: M, translation: Translation<M>): boolean {
  return missingKeys(reference, translation).length === 0;
}

/** A translator bound to one language. */
export interface Translator<M extends Catalogue> {
  /** The message for a key, with placeholders filled in; falls back to the reference language. */
  t: (key: keyof M & string, params?: Params) => string;
  /** The plural form of a message for a count; `{count}` is filled in, formatted for the language. */
  tp: (base: PluralBase<keyof M & string>, count: number, params?: Params) => string;
}

/** Builds a translator for `lang` that falls back to the reference catalogue for missing messages. */
export function createTranslator<M extends Catalogue>(lang: string, translation: Translation<M>, reference: M): Translator<M> {
  const own = translation as Readonly<Record<string, string | undefined>>;
  const base = reference as Readonly<Record<string, string | undefined>>;
  const lookup = (key: string): string => own[key] || base[key] || key;
  const rules = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  return {
    t: (key, params) => interpolate(lookup(key), params),
    tp: (pluralBase, count, params) => {
      const exact = own[`${pluralBase}.${rules.select(count)}`];
      const template = exact || lookup(`${pluralBase}.other`);
      return interpolate(template, { ...params, count: numbers.format(count) });
    },
  };
}
