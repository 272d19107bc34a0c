/** Formatting shared by the people screens: dates, names, reasons of a match, country and language names. */
import { IDENTIFIER_TYPES, type IdentifierType } from '../../../shared/people/identifiers.js';
import { IDENTIFIER_LABELS } from '../../../shared/people/lists.js';
import type { Comparison } from '../../../shared/people/registry.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const TIMESTAMP = /T\d{2}:\d{2}/;

/**
 * A date as staff write it, dd/mm/yyyy. A calendar date (YYYY-MM-DD) is taken as it is, never
 * through Date, so a birthday cannot move by a time zone; a timestamp shows the browser's local day.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (TIMESTAMP.test(value)) {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return value;
    const dd = String(at.getDate()).padStart(2, '0');
    const mm = String(at.getMonth() + 1).padStart(2, '0');
    return `${dd}/${mm}/${at.getFullYear()}`;
  }
  const m = DATE.exec(value);
  return m ? `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}` : value;
}

/** A birth date with the note that it is an estimate, when it is one; empty when unknown. */
export function formatBirthDate(date: string | null, approximate: boolean, approximateNote: string): string {
  if (!date) return '';
  return approximate ? `${formatDate(date)} ${approximateNote}` : formatDate(date);
}

/** Today as YYYY-MM-DD in the browser's time zone (the default of consent and household dates). */
export function today(now: Date = new Date()): string {
  const mm = String(now.getMonth() + 1).padStart(2, '0');
  const dd = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${mm}-${dd}`;
}

/** The name as written. */
export function fullName(p: { givenName: string; familyName: string }): string {
  return `${p.givenName} ${p.familyName}`.trim();
}

/** The Latin spelling, or null when it reads the same as the name as written (a Latin name needs no second line). */
export function latinName(p: {
  givenName: string;
  familyName: string;
  givenNameLatin: string;
  familyNameLatin: string;
}): string | null {
  const latin = `${p.givenNameLatin} ${p.familyNameLatin}`.trim();
  return latin && latin.toLocaleLowerCase('en') !== fullName(p).toLocaleLowerCase('en') ? latin : null;
}

/** Labels for the reasons beside a candidate, already translated. */
export interface ReasonLabels {
  agreed: string;
  partial: string;
  disagreed: string;
  comparison: (c: Comparison) => string;
}

/** The reasons of a match as one readable line: "Συμφωνούν: ΑΜΚΑ, επώνυμο · Διαφέρουν: φύλο". */
export function reasonsText(
  c: { agreed: readonly Comparison[]; partial: readonly Comparison[]; disagreed: readonly Comparison[] },
  labels: ReasonLabels,
): string {
  const parts: string[] = [];
  const add = (label: string, list: readonly Comparison[]) => {
    if (list.length) parts.push(`${label}: ${list.map(labels.comparison).join(', ')}`);
  };
  add(labels.agreed, c.agreed);
  add(labels.partial, c.partial);
  add(labels.disagreed, c.disagreed);
  return parts.join(' · ');
}

/** A 0–1 probability as a whole percentage in the UI's language. */
export function formatPercent(score: number, lang: string): string {
  const clamped = Math.min(1, Math.max(0, score));
  // A score just under 1 must not round up to a certainty the model does not claim.
  const shown = clamped < 1 ? Math.min(Math.round(clamped * 100), 99) / 100 : 1;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(shown);
}

/**
 * The name of a country (ISO 3166-1 alpha-2) or a language (ISO 639) in the UI's language. Browsers
 * do not all know every code (Chromium has no name for Romani, "rom"): `own` names those, else the code shows.
 */
export function displayName(
  code: string,
  type: 'region' | 'language',
  lang: string,
  own: Readonly<Record<string, string>> = {},
): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([lang], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    // a code Intl does not accept (e.g. a malformed one stored long ago): the code itself
  }
  return name === code ? (own[code] ?? code) : name;
}

/** Nationalities offered first at intake: those most often met by the social services of Thessaloniki. */
// prettier-ignore
export const COUNTRY_CODES = [
  'GR', 'AL', 'BG', 'RO', 'CY', 'GE', 'RU', 'UA', 'MD', 'AM', 'AZ', 'MK', 'RS', 'TR', 'SY', 'IQ', 'IR', 'AF', 'PK', 'BD',
  'IN', 'PS', 'LB', 'JO', 'EG', 'LY', 'DZ', 'MA', 'TN', 'SD', 'SO', 'ER', 'ET', 'YE', 'CD', 'CG', 'CM', 'NG', 'GN', 'CI',
  'SN', 'ML', 'SL', 'GH', 'PL', 'DE', 'IT', 'FR', 'GB', 'PH', 'CN', 'KZ', 'UZ',
] as const;

/** Languages offered at intake (ISO 639; Dari and Romani have only three-letter codes). */
// prettier-ignore
export const LANGUAGE_CODES = [
  'el', 'en', 'ar', 'fa', 'prs', 'ps', 'ur', 'ku', 'sq', 'bg', 'ro', 'rom', 'ru', 'uk', 'ka', 'tr', 'fr', 'de', 'so', 'ti',
  'am', 'bn', 'pa', 'ln',
] as const;

/** Options of a select, sorted by their label in the UI's language; a stored code off the list is kept. */
export function codeOptions(
  codes: readonly string[],
  type: 'region' | 'language',
  lang: string,
  keep: readonly string[] = [],
  own: Readonly<Record<string, string>> = {},
) {
  const all = [...new Set([...codes, ...keep.filter(Boolean)])];
  return all
    .map((code) => ({ value: code, label: displayName(code, type, lang, own) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

/** Identifier types a worker may write: the migration documents only with that clearance. */
export function allowedIdentifierTypes(clearances: readonly string[]): IdentifierType[] {
  return IDENTIFIER_TYPES.filter((type) => {
    const label = IDENTIFIER_LABELS[type];
    return !label || clearances.includes(label);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path segment is a record id. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
