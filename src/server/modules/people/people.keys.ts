import { normaliseIdentifier, type IdentifierType } from '../../../shared/people/identifiers.js';
import { nameKey, personNameKeys } from '../../../shared/people/names.js';
import type { TPersonPatch } from '../../../shared/people/person.js';
import type { PersonRow, PersonValues } from './people.repo.js';

type Input = TPersonPatch & { givenName?: string; familyName?: string };

function wordKeys(text: string): string[] {
  return text
    .split(/[\s,.;/()-]+/u)
    .map((w) => nameKey(w))
    .filter((k) => k.length > 0);
}

/**
 * The search text of a person: the key of every word of every spelling of the name, each with a
 * leading space, so that `like '% key%'` finds a word by its beginning in any script.
 */
export function searchText(names: string[]): string {
  const tokens = new Set(names.flatMap(wordKeys));
  return ` ${[...tokens].join(' ')} `;
}

/** A search text with the words of more spellings added (a record joining a cluster). */
export function searchTextWith(existing: string, names: string[]): string {
  const tokens = new Set(existing.split(' ').filter((t) => t.length > 0));
  for (const k of names.flatMap(wordKeys)) tokens.add(k);
  return ` ${[...tokens].join(' ')} `;
}

/** The name keys a query word is searched by (the same keys the records carry). */
export function queryTokens(q: string): string[] {
  return [...new Set(wordKeys(q))].slice(0, 6);
}

/**
 * The stored values of a person: the input over the current row (for an update), with the
 * Latin spellings and the name keys recomputed from the names.
 */
export function personValues(input: Input, base?: PersonRow): PersonValues {
  const pick = <T>(key: keyof Input, current: T): T => (input[key] === undefined ? current : (input[key] as unknown as T));
  const givenName = input.givenName ?? base?.given_name ?? '';
  const familyName = input.familyName ?? base?.family_name ?? '';
  const fatherName = pick('fatherName', base?.father_name ?? null);
  const motherName = pick('motherName', base?.mother_name ?? null);
  const keys = personNameKeys({ given: givenName, family: familyName, father: fatherName, mother: motherName });
  const namesChanged = input.givenName !== undefined || input.familyName !== undefined;
  const givenLatin = input.givenNameLatin ?? (namesChanged || !base ? keys.givenLatin : base.given_name_latin);
  const familyLatin = input.familyNameLatin ?? (namesChanged || !base ? keys.familyLatin : base.family_name_latin);
  const aliases = pick('aliases', base?.aliases ?? []);
  const approximate = pick('birthDateApproximate', base?.birth_date_approximate ?? false);
  return {
    given_name: givenName,
    family_name: familyName,
    given_name_latin: givenLatin,
    family_name_latin: familyLatin,
    aliases,
    father_name: fatherName,
    mother_name: motherName,
    sex: pick('sex', base?.sex ?? null),
    birth_date: pick('birthDate', base?.birth_date ?? null),
    birth_date_approximate: approximate,
    nationality: pick('nationality', base?.nationality ?? null),
    languages: pick('languages', base?.languages ?? []),
    legal_status: pick('legalStatus', base?.legal_status ?? null),
    phone: pick('phone', base?.phone ?? null),
    email: pick('email', base?.email ?? null),
    address: pick('address', base?.address ?? null),
    community: pick('community', base?.community ?? null),
    disability_percent: pick('disabilityPercent', base?.disability_percent ?? null),
    disability_notes: pick('disabilityNotes', base?.disability_notes ?? null),
    health_notes: pick('healthNotes', base?.health_notes ?? null),
    gbv_notes: pick('gbvNotes', base?.gbv_notes ?? null),
    minority: pick('minority', base?.minority ?? null),
    given_key: keys.givenKey,
    family_key: keys.familyKey,
    given_canonical: keys.givenCanonical,
    family_stem: keys.familyStem,
    given_skeleton: keys.givenSkeleton,
    family_skeleton: keys.familySkeleton,
    father_key: keys.fatherKey,
    mother_key: keys.motherKey,
    name_tokens: [...new Set([...keys.givenTokens, ...keys.familyTokens])].sort(),
    search_text: searchText([
      givenName,
      familyName,
      givenLatin,
      familyLatin,
      ...aliases.flatMap((a) => [a.givenName, a.familyName]),
    ]),
  };
}

/** Identifiers normalised and checked by their own rules (a failed check is kept, flagged). */
export function identifierValues(ids: { type: IdentifierType; value: string }[]) {
  const seen = new Set<string>();
  const out: { type: string; value: string; valid: boolean; problem: string | null }[] = [];
  for (const id of ids) {
    const n = normaliseIdentifier(id.type, id.value);
    const key = `${id.type}:${n.value}`;
    if (n.value === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ type: id.type, value: n.value, valid: n.valid, problem: n.problem });
  }
  return out;
}
