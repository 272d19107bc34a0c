/**
 * Name keys of a person for duplicate detection: ASCII, lower-case strings computed here (not in SQL,
 * because PostgreSQL's trigram and case functions fail on Greek under some locales) so that one
 * person's name written in Greek, in ELOT 743, in greeklish or in Arabic script meets itself.
 * Greek and Latin names get the cross-script key (name-key.ts); Arabic, Persian and Afghan names the
 * Arabic normaliser (arabic-names.ts), whose letter classes suit them better.
 */
import { arabicNormalise, hasArabicScript, looksArabicLatin, romaniseArabicScript } from './arabic-names.js';
import { capitaliseWords, elot743 } from './elot743.js';
import { ARABIC_GIVEN_NAMES, GREEK_GIVEN_NAMES } from './given-names.js';
import { keysOfLatin, latinOfElot, nameKey } from './name-key.js';

export { arabicNormalise, romaniseArabicScript } from './arabic-names.js';
export { elot743, elot743Title } from './elot743.js';
export { nameKey } from './name-key.js';

/** The writing system of a name. */
export type NameScript = 'greek' | 'arabic' | 'latin' | 'other';

/** Which normaliser built a person's keys: the Greek cross-script key or the Arabic normaliser. */
export type KeySystem = 'greek' | 'arabic';

const LETTER = /\p{L}/u;
const WORD_SPLIT = /[\s,.;/()-]+/u;

function isLatinCode(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/** The script most of the text's letters are written in; 'other' when it has no letters. */
export function detectScript(text: string): NameScript {
  let greek = 0;
  let arabic = 0;
  let latin = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLatinCode(c)) latin++;
    else if (c < 0x370) continue;
    else if (c <= 0x3ff || (c >= 0x1f00 && c <= 0x1fff)) greek++;
    else if (hasArabicScript(text.charAt(i))) arabic++;
    else if (LETTER.test(text.charAt(i))) other++;
  }
  const best = Math.max(greek, arabic, latin, other);
  if (best === 0) return 'other';
  if (greek === best) return 'greek';
  if (arabic === best) return 'arabic';
  return latin === best ? 'latin' : 'other';
}

// Dictionary indexes: every spelling's key points at its group's canonical key.
const GREEK_INDEX = new Map<string, string>();
const ARABIC_INDEX = new Map<string, string>();
// Arabic names as Greek clerks spell them (Μοχάμεντ), looked up by the Greek key.
const ARABIC_IN_GREEK_INDEX = new Map<string, string>();
// Greek names as written in Latin letters (George, Ilias): a name spelled so is not taken for an Arabic one.
const GREEK_SPELLINGS = new Set<string>();
for (const group of GREEK_GIVEN_NAMES) {
  const canonical = nameKey(group[0] ?? '');
  for (const spelling of group) {
    GREEK_INDEX.set(nameKey(spelling), canonical);
    GREEK_SPELLINGS.add(elot743(spelling));
  }
}
for (const group of ARABIC_GIVEN_NAMES) {
  const canonical = arabicNormalise(group[0] ?? '');
  for (const spelling of group) {
    if (detectScript(spelling) === 'greek') ARABIC_IN_GREEK_INDEX.set(nameKey(spelling), canonical);
    else ARABIC_INDEX.set(arabicNormalise(spelling), canonical);
  }
}

/** Arabic-normalised units: the words, with `abd X` kept as one unit. */
function unitsOf(normalised: string): string[] {
  const words = normalised === '' ? [] : normalised.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1];
    if (w === 'abd' && next !== undefined) {
      out.push(`abd ${next}`);
      i++;
    } else out.push(w);
  }
  return out;
}

function splitKeys(keys: string): string[] {
  if (keys === '') return [];
  return keys.includes(' ') ? keys.split(' ') : [keys];
}

function firstWord(text: string): string {
  return text.split(WORD_SPLIT).find((w) => w.length > 0) ?? '';
}

function arabicCanonical(text: string): string | null {
  const normalised = arabicNormalise(text);
  return ARABIC_INDEX.get(normalised) ?? ARABIC_INDEX.get(unitsOf(normalised)[0] ?? '') ?? null;
}

/** Canonical of the first given name by its Greek key; Greek-script and Latin spellings of Arabic names too. */
function greekCanonical(text: string, script: NameScript, key: string): string | null {
  const first = splitKeys(key)[0] ?? '';
  const found = GREEK_INDEX.get(key) ?? GREEK_INDEX.get(first);
  if (found !== undefined) return found;
  if (script === 'greek') return ARABIC_IN_GREEK_INDEX.get(key) ?? ARABIC_IN_GREEK_INDEX.get(first) ?? null;
  return script === 'latin' ? arabicCanonical(text) : null;
}

/**
 * Canonical key of a given name's dictionary group (Γιώργος, George → georyo; Hussein, حسين → husein), or
 * null when unknown. For Latin letters, `system` says which dictionary to try first; by default the Arabic
 * one when the spelling looks Arabic (Anas is not Άννα), else the Greek one.
 */
export function canonicalGivenName(text: string, system?: KeySystem): string | null {
  const script = detectScript(text);
  if (script === 'arabic') return arabicCanonical(text);
  if (script !== 'latin') return greekCanonical(text, script, nameKey(text));
  const arabicFirst =
    system === undefined ? looksArabicLatin(text) || arabicDictionaryWord(firstWord(text)) : system === 'arabic';
  return arabicFirst
    ? (arabicCanonical(text) ?? greekCanonical(text, script, nameKey(text)))
    : greekCanonical(text, script, nameKey(text));
}

// Surname endings that mark a Greek family name written in Latin letters.
const GREEK_SURNAME = /(?:poulos|poulou|pulos|pulu|idis|idou|iadis|iadou|akis|akos|elis|ellis|atos|iotis|eas|ios|aios)$/;

/** Whether a Latin word is an Arabic dictionary name and not also spelled so as a Greek one (Elias). */
function arabicDictionaryWord(word: string): boolean {
  return ARABIC_INDEX.has(arabicNormalise(word)) && !GREEK_SPELLINGS.has(elot743(word));
}

function looksLikeAfghanSurname(word: string): boolean {
  // Afghan and Persian surnames are often a given name plus -i (Rahimi, Ahmadi, Hosseini).
  return arabicDictionaryWord(word) || (word.endsWith('i') && word.length > 4 && arabicDictionaryWord(word.slice(0, -1)));
}

/** Whether a name in Latin letters is to be keyed as an Arabic, Persian or Afghan name. */
function latinNameIsArabic(given: string, family: string): boolean {
  const familyWords = family.toLowerCase().split(WORD_SPLIT);
  if (familyWords.some((w) => GREEK_SURNAME.test(w))) return false;
  if (looksArabicLatin(given) || looksArabicLatin(family)) return true;
  const first = firstWord(given);
  return (first !== '' && arabicDictionaryWord(first)) || familyWords.some(looksLikeAfghanSurname);
}

function skeletonOfKey(key: string): string {
  let out = '';
  let wordStart = true;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x20) {
      if (out !== '' && !out.endsWith(' ')) out += ' ';
      wordStart = true;
      continue;
    }
    // A leading vowel is kept as A: Arabic writes it with a letter (alif, ayn), so Omar/Umar give AMR.
    if (c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75) {
      if (wordStart) out += 'A';
    } else if ((c !== 0x79 && c !== 0x77) || wordStart) {
      // x (χ, ξ, kh) and h are merged: greeklish writes χ as h, Arabic خ is kh.
      out += c === 0x78 ? 'H' : String.fromCharCode(c >= 0x61 && c <= 0x7a ? c - 0x20 : c);
    }
    wordStart = false;
  }
  return out.trimEnd();
}

function wordIsArabic(text: string): boolean {
  const script = detectScript(text);
  return script === 'arabic' || (script === 'latin' && (looksArabicLatin(text) || arabicDictionaryWord(text)));
}

/**
 * Consonant skeleton in capitals (Mohammad, Muhammad, Mohamed → MHMD): vowels and inner y/w dropped,
 * kh/ch/x and h merged as H; it merges different names too, so it is a blocking key and a weak level only.
 */
export function skeleton(text: string): string {
  return skeletonOfKey(wordIsArabic(text) ? arabicNormalise(text) : nameKey(text));
}

function stemOfKey(key: string): string {
  const last = key.charAt(key.length - 1);
  return key.length > 3 && (last === 'o' || last === 'u' || last === 'i' || last === 'a') ? key.slice(0, -1) : key;
}

/** Masculine stem key of a Greek surname, shared by its feminine form (Παπαδόπουλος, Παπαδοπούλου → papadopul). */
export function surnameStem(text: string): string {
  return stemOfKey(splitKeys(nameKey(text))[0] ?? '');
}

/** Readable Latin form of an Arabic-script name (محمد → Mohammad); dictionary spellings where known. */
export function romaniseArabic(text: string): string {
  return capitaliseWords(romaniseArabicScript(text));
}

/** All name keys of a person, as stored for duplicate detection. ASCII; lower-case except skeletons. */
export interface NameKeys {
  /** Key of the first given name (the first Arabic-normalised unit for Arabic names). */
  givenKey: string;
  /** Key of the first family name. */
  familyKey: string;
  /** Keys of every given-name word, sorted and deduplicated. */
  givenTokens: string[];
  /** Keys of every family-name word, sorted and deduplicated. */
  familyTokens: string[];
  /** Dictionary canonical of the first given name, or null when the dictionary does not know it. */
  givenCanonical: string | null;
  /** Masculine stem of the first family name (the family key for Arabic names, which do not inflect). */
  familyStem: string;
  givenSkeleton: string;
  familySkeleton: string;
  fatherKey: string | null;
  motherKey: string | null;
  /** ELOT 743 for Greek, a romanisation for Arabic script, the name as given (trimmed) otherwise. */
  givenLatin: string;
  familyLatin: string;
  /** The script of given and family names together. */
  script: NameScript;
  /** Which normaliser built the keys, so that keys are compared with keys of the same system. */
  keySystem: KeySystem;
}

/** Input of personNameKeys. */
export interface PersonNames {
  given: string;
  family: string;
  father?: string | null;
  mother?: string | null;
}

function sortedUnique(keys: string[]): string[] {
  return keys.length < 2 ? keys.slice() : [...new Set(keys)].sort();
}

function nullIfEmpty(key: string | undefined): string | null {
  return key === undefined || key === '' ? null : key;
}

function greekTokens(elot: string): string[] {
  return splitKeys(keysOfLatin(latinOfElot(elot)));
}

function latinForm(text: string, script: NameScript, elot: string): string {
  if (script === 'greek') return capitaliseWords(elot);
  return script === 'arabic' ? romaniseArabic(text) : text;
}

/** The name keys of a person, computed from their given, family, father's and mother's names. */
export function personNameKeys(input: PersonNames): NameKeys {
  const given = input.given.trim();
  const family = input.family.trim();
  const givenScript = detectScript(given);
  const familyScript = detectScript(family);
  const script =
    given === '' || givenScript === familyScript
      ? familyScript
      : family === ''
        ? givenScript
        : detectScript(`${given} ${family}`);
  const arabic = script === 'arabic' || (script === 'latin' && latinNameIsArabic(given, family));
  // Transliterated once per field: the keys and the display form both start from it.
  const givenElot = elot743(given);
  const familyElot = elot743(family);
  const givenWords = arabic ? unitsOf(arabicNormalise(given)) : greekTokens(givenElot);
  const familyWords = arabic ? unitsOf(arabicNormalise(family)) : greekTokens(familyElot);
  const givenKey = givenWords[0] ?? '';
  const familyKey = familyWords[0] ?? '';
  const parentKey = arabic ? (text: string) => unitsOf(arabicNormalise(text))[0] : (text: string) => splitKeys(nameKey(text))[0];
  return {
    givenKey,
    familyKey,
    givenTokens: sortedUnique(givenWords),
    familyTokens: sortedUnique(familyWords),
    givenCanonical: arabic ? canonicalGivenName(given, 'arabic') : greekCanonical(given, givenScript, givenKey),
    familyStem: arabic ? familyKey : stemOfKey(familyKey),
    givenSkeleton: skeletonOfKey(givenKey),
    familySkeleton: skeletonOfKey(familyKey),
    fatherKey: input.father ? nullIfEmpty(parentKey(input.father)) : null,
    motherKey: input.mother ? nullIfEmpty(parentKey(input.mother)) : null,
    givenLatin: latinForm(given, givenScript, givenElot),
    familyLatin: latinForm(family, familyScript, familyElot),
    script,
    keySystem: arabic ? 'arabic' : 'greek',
  };
}
