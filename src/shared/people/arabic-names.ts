/**
 * Arabic, Persian and Afghan names: a romanisation of Arabic script and a normaliser of Latin
 * spellings, so that the many ways one name is written (14+ for محمد) come close enough for a
 * Jaro-Winkler comparison and meet exactly on the consonant skeleton.
 */
import { elot743 } from './elot743.js';
import { ARABIC_GIVEN_NAMES } from './given-names.js';

function isArabicCode(c: number): boolean {
  return (
    (c >= 0x600 && c <= 0x6ff) ||
    (c >= 0x750 && c <= 0x77f) ||
    (c >= 0x8a0 && c <= 0x8ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  );
}

/** Whether the text contains any Arabic-script letter (Arabic, Persian, Urdu, Pashto, Kurdish). */
export function hasArabicScript(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isArabicCode(text.charCodeAt(i))) return true;
  return false;
}

// Letters whose sound does not depend on their neighbours. Persian, Pashto and Sorani letters
// are included because most of our Arabic-script names come from Afghanistan, Iran and Iraq.
const LETTERS: Readonly<Record<string, string>> = {
  ب: 'b',
  پ: 'p',
  ت: 't',
  ٹ: 't',
  ټ: 't',
  ث: 'th',
  ج: 'j',
  چ: 'ch',
  ځ: 'dz',
  څ: 'ts',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ڈ: 'd',
  ډ: 'd',
  ذ: 'dh',
  ر: 'r',
  ڑ: 'r',
  ړ: 'r',
  ڕ: 'r',
  ز: 'z',
  ژ: 'zh',
  ږ: 'zh',
  س: 's',
  ش: 'sh',
  ښ: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'gh',
  ف: 'f',
  ڤ: 'v',
  ق: 'q',
  ك: 'k',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  ڵ: 'l',
  م: 'm',
  ن: 'n',
  ں: 'n',
  ڼ: 'n',
  ھ: 'h',
  ة: 'a',
  أ: 'a',
  آ: 'a',
  ٱ: 'a',
  إ: 'i',
  ؤ: 'u',
  ئ: 'i',
  ء: "'",
  ے: 'e',
  ې: 'e',
  ێ: 'e',
  ە: 'e',
  ۆ: 'o',
  ۍ: 'i',
};
const LONG_VOWELS = new Set(['ا', 'و', 'ي', 'ی', 'ى', 'آ']);
// Short-vowel marks, when a name is written with them, give the vowel the letters leave out.
const VOWEL_MARKS: Readonly<Record<string, string>> = { '\u064e': 'a', '\u064f': 'u', '\u0650': 'i' };
const SHADDA = '\u0651';

function isMarkOrIgnorable(c: number): boolean {
  return (c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640 || c === 0x200c || c === 0x200d;
}

const ARABIC_VARIANTS: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  ة: 'ه',
  ۀ: 'ه',
  ہ: 'ه',
  ؤ: 'و',
  ئ: 'ي',
};
const WHITESPACE = /\s/u;

/** Arabic letters only, with the variants that spellers mix (ی/ي/ى, ک/ك, ة/ه, hamza seats) unified. */
export function normaliseArabicLetters(word: string): string {
  let out = '';
  for (const ch of word.normalize('NFKC')) {
    const c = ch.charCodeAt(0);
    if (isMarkOrIgnorable(c) || WHITESPACE.test(ch)) continue;
    out += ARABIC_VARIANTS[ch] ?? ch;
  }
  return out;
}

interface Letter {
  ch: string;
  vowel: string;
  shadda: boolean;
}

function letters(word: string): Letter[] {
  const out: Letter[] = [];
  for (const ch of word) {
    const last = out[out.length - 1];
    if (ch === SHADDA) {
      if (last) last.shadda = true;
    } else if (VOWEL_MARKS[ch] !== undefined) {
      if (last) last.vowel = VOWEL_MARKS[ch];
    } else if (!isMarkOrIgnorable(ch.charCodeAt(0))) {
      out.push({ ch, vowel: '', shadda: false });
    }
  }
  return out;
}

/** Letter-by-letter romanisation of one Arabic-script word; vowels the script leaves out stay out. */
function romaniseLetters(word: string): string {
  const ls = letters(word);
  let out = '';
  for (const [i, { ch, vowel, shadda }] of ls.entries()) {
    const prev = ls[i - 1]?.ch;
    const next = ls[i + 1]?.ch;
    const first = i === 0;
    const last = i === ls.length - 1;
    let latin: string;
    if (ch === 'ا') latin = 'a';
    else if (ch === 'و') latin = first || prev === 'ا' || (next !== undefined && LONG_VOWELS.has(next)) ? 'w' : 'u';
    else if (ch === 'ي' || ch === 'ی') latin = first || next === 'ا' || next === 'و' ? 'y' : 'i';
    else if (ch === 'ى') latin = last ? 'a' : 'i';
    else if (ch === 'ع') latin = first ? (next !== undefined && LONG_VOWELS.has(next) ? '' : 'a') : "'";
    // A final he after a consonant is the Persian -e / Arabic -a ending (فاطمه Fatemeh).
    else if (ch === 'ه' || ch === 'ہ' || ch === 'ۀ')
      latin = last && prev !== undefined && prev !== 'ا' && prev !== 'ل' ? 'eh' : 'h';
    else latin = LETTERS[ch] ?? (isArabicCode(ch.charCodeAt(0)) ? '' : ch.toLowerCase());
    out += shadda && latin.length === 1 ? latin + latin : latin;
    out += vowel;
  }
  return out;
}

// Arabic-script spelling (letters unified) → the group's Latin spelling, so that محمد reads "Mohammad".
const SCRIPT_INDEX = new Map<string, string>();
for (const group of ARABIC_GIVEN_NAMES) {
  const display = group[0];
  if (display === undefined) continue;
  for (const spelling of group) if (hasArabicScript(spelling)) SCRIPT_INDEX.set(normaliseArabicLetters(spelling), display);
}

const ARABIC_WORD_SEPARATORS = /[\s\u060c\u061b,;/()]+/u;

function romaniseWord(word: string): string {
  const known = SCRIPT_INDEX.get(normaliseArabicLetters(word));
  if (known !== undefined) return known.toLowerCase();
  // The article ال is written, not assimilated, in the script; keep it apart so the normaliser drops it.
  const unified = normaliseArabicLetters(word);
  if (unified.startsWith('ال') && unified.length >= 4) {
    const rest = unified.slice(2);
    return `al-${SCRIPT_INDEX.get(rest)?.toLowerCase() ?? romaniseLetters(rest)}`;
  }
  return romaniseLetters(word.normalize('NFKC'));
}

/** Lower-case Latin reading of Arabic-script text: dictionary spellings where known, letters otherwise. */
export function romaniseArabicScript(text: string): string {
  const whole = SCRIPT_INDEX.get(normaliseArabicLetters(text));
  if (whole !== undefined) return whole.toLowerCase();
  const words = text
    .trim()
    .split(ARABIC_WORD_SEPARATORS)
    .filter((w) => w.length > 0);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const following = words[i + 1];
    const pair = following === undefined ? undefined : SCRIPT_INDEX.get(normaliseArabicLetters(word + following));
    if (pair !== undefined) {
      out.push(pair.toLowerCase());
      i++;
    } else out.push(hasArabicScript(word) ? romaniseWord(word) : word.toLowerCase());
  }
  return out.join(' ');
}

const APOSTROPHES = /[ʿʾʼʻ'’‘`´]/gu;
const MARKS = /\p{M}/gu;
const DOTLESS_I = /ı/gu;
const PARTICLES = new Set(['bin', 'ibn', 'bint', 'ould', 'ben', 'bent']);
const ARTICLES = new Set(['al', 'el', 'ul', 'il']);
// Sun-letter articles (ash-Shami, ad-Din): only an article when a hyphen follows.
const ASSIMILATED = new Set(['ad', 'adh', 'an', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'ed', 'en', 'er', 'es', 'esh', 'et', 'ez']);
// abd, abdul, abdel, abdol, abdoul, abdur, abdus… but not the standalone names Abdi, Abdo, Abdu.
const ABD_WORD = /^abd(?:[aeiou]{1,2}[lrsnz])?$/;
const ALLAH = /^[aeiou]?l+[aeiou]h?$/;
// -ullah, -ollah, -allah at the end of a compound name (Habibullah, Rahmatollah).
const ALLAH_SUFFIX = /^([a-z]{4,}?)(?:[uo]ll?ah?|all?ah)$/;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Lower case without diacritics (ş → s, ı → i); ASCII text, the common case, skips normalize(). */
function foldedLower(text: string): string {
  const lower = text.toLowerCase();
  return isAscii(lower) ? lower : lower.normalize('NFD').replace(MARKS, '').replace(DOTLESS_I, 'i');
}

interface Word {
  text: string;
  hyphen: boolean;
}

function latinWords(text: string): Word[] {
  const s = foldedLower(text).replace(APOSTROPHES, '');
  const out: Word[] = [];
  let current = '';
  for (const ch of s) {
    if (ch >= 'a' && ch <= 'z') {
      current += ch;
      continue;
    }
    if (current !== '') out.push({ text: current, hyphen: ch === '-' });
    current = '';
  }
  if (current !== '') out.push({ text: current, hyphen: false });
  return out;
}

// Letter classes: q/k/c, kh/x, sh/ch, th/dh/z, v/w, ou/oo → u, ee/ie → i; doubled letters single.
function foldLetters(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charAt(i);
    const n = w.charAt(i + 1);
    if ((c === 'k' && n === 'h') || c === 'x') {
      out += 'x';
      if (c === 'k') i++;
    } else if ((c === 's' || c === 'c') && n === 'h') {
      out += 'sh';
      i++;
    } else if ((c === 't' || c === 'd') && n === 'h') {
      out += 'z';
      i++;
    } else if (c === 'p' && n === 'h') {
      out += 'f';
      i++;
    } else if (c === 'd' && n === 'j') {
      out += 'j';
      i++;
    } else if (c === 'o' && (n === 'u' || n === 'o')) {
      out += 'u';
      i++;
    } else if ((c === 'e' || c === 'i') && n === 'e') {
      out += 'i';
      i++;
    } else if (c === 'q' || c === 'c') out += 'k';
    else if (c === 'v') out += 'w';
    else if (out.charAt(out.length - 1) !== c) out += c;
  }
  // The feminine ending (ta marbuta, Persian final he) is written -a, -ah or -eh.
  if (out.length >= 4 && (out.endsWith('ah') || out.endsWith('eh'))) out = `${out.slice(0, -2)}a`;
  return out;
}

function foldWord(w: string): string {
  let current = w;
  for (let round = 0; round < 4; round++) {
    const next = foldLetters(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The name after abd in a joined compound (abdulrahman → rahman), or null when it is not one. */
function afterJoinedAbd(word: string): string | null {
  if (!word.startsWith('abd') || word.length <= 5) return null;
  let rest = word.slice(3);
  if (ALLAH.test(rest)) return 'lah';
  if (VOWELS.has(rest.charAt(0))) rest = rest.slice(1);
  // A doubled consonant is the assimilated article (abdur-rahman); a single l the plain one.
  if (rest.length > 2 && rest.charAt(0) === rest.charAt(1) && !VOWELS.has(rest.charAt(0))) rest = rest.slice(1);
  else if (rest.charAt(0) === 'l' && rest.length > 2) rest = rest.slice(1);
  return rest.length >= 2 ? rest : null;
}

function abdCompound(name: string): string {
  return ALLAH.test(name) || name === 'lah' ? 'abdula' : `abd ${foldWord(name)}`;
}

/**
 * Normalised form of an Arabic, Persian or Afghan name for comparison: romanised if in Arabic script,
 * diacritics and ʿ ʾ ' removed, article al-/el- and bin/ibn dropped, `abd al X` as `abd X`, letter classes folded.
 */
export function arabicNormalise(text: string): string {
  const hit = NORMALISE_CACHE.get(text);
  if (hit !== undefined) return hit;
  const normalised = arabicNormaliseUncached(text);
  if (NORMALISE_CACHE.size >= NORMALISE_CACHE_SIZE) NORMALISE_CACHE.clear();
  NORMALISE_CACHE.set(text, normalised);
  return normalised;
}

// Names are Zipf-distributed, so a bounded memo catches most calls (the same name is also
// normalised several times per record: detection, key, dictionary).
const NORMALISE_CACHE = new Map<string, string>();
const NORMALISE_CACHE_SIZE = 20_000;

function arabicNormaliseUncached(text: string): string {
  // Greek letters (an Arabic name as a Greek clerk wrote it) go through ELOT so nothing is lost.
  const latin = elot743(hasArabicScript(text) ? romaniseArabicScript(text) : text);
  const words = latinWords(latin);
  const out: string[] = [];
  const textOf = (k: number): string => words[k]?.text ?? '';
  for (let i = 0; i < words.length; i++) {
    const w = textOf(i);
    const hyphen = words[i]?.hyphen ?? false;
    const more = i < words.length - 1;
    if (more && (ARTICLES.has(w) || (hyphen && ASSIMILATED.has(w)))) continue;
    if (PARTICLES.has(w) && words.length > 1) continue;
    if (ABD_WORD.test(w) && more) {
      let j = i + 1;
      while (j < words.length - 1 && (ARTICLES.has(textOf(j)) || ASSIMILATED.has(textOf(j)))) j++;
      out.push(abdCompound(textOf(j)));
      i = j;
      continue;
    }
    const joined = afterJoinedAbd(w);
    if (joined !== null) {
      out.push(abdCompound(joined));
      continue;
    }
    const suffix = ALLAH_SUFFIX.exec(w);
    out.push(foldWord(suffix ? `${suffix[1] ?? ''}ulla` : w));
  }
  return out.join(' ');
}

// Spellings that Greek names do not produce: Arabic particles, q, kh, sh, dh, doubled vowels, -ullah,
// the feminine -ah/-eh, Afghan tribal endings, and the ayn/hamza apostrophes.
const ARABIC_LATIN_MARKERS =
  /(?:^|[^a-z])(?:al|el|bin|ibn|bint|ould|abu|abou|umm)(?:[^a-z]|$)|(?:^|[^a-z])abd|q|kh|sh|dh|aa|ee|oo|ullah|ollah|uddin|eddin|(?:ah|eh|zai|zada|zadeh|khel)(?:[^a-z]|$)|[ʿʾ’]|[a-z]'[a-z]/;

/** Whether a name in Latin letters shows spellings only Arabic, Persian or Afghan names produce. */
export function looksArabicLatin(text: string): boolean {
  return ARABIC_LATIN_MARKERS.test(foldedLower(text));
}
