/**
 * The cross-script key of a Greek name word: ELOT 743 first, then the spellings greeklish uses for
 * the same sound folded to one, doubled letters made single and a final s dropped, so that Γιώργος,
 * Giorgos, Yiorgos, Giwrgos and Jorgos all give `yorgo`. χ and ξ are merged (both x) on purpose.
 */
import { romaniseArabicScript, hasArabicScript } from './arabic-names.js';
import { elot743 } from './elot743.js';

const MARKS = /\p{M}/gu;
// Latin letters that NFD does not decompose.
const LATIN_EXTRAS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Latin letters of text already through elot743: Arabic script romanised, diacritics removed. */
export function latinOfElot(elot: string): string {
  if (isAscii(elot)) return elot;
  let s = hasArabicScript(elot) ? romaniseArabicScript(elot) : elot;
  s = s.normalize('NFD').replace(MARKS, '').toLowerCase();
  if (isAscii(s)) return s;
  let out = '';
  for (const ch of s) out += LATIN_EXTRAS[ch] ?? ch;
  return out;
}

const VOWEL = new Set(['a', 'e', 'i', 'o', 'u']);
const H_VOWEL = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w']);
// After au/eu: v before a vowel or a voiced consonant, f otherwise (the ELOT rule, applied to greeklish).
const VOICED = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'b', 'g', 'd', 'z', 'l', 'm', 'n', 'r', 'v']);

// A lone h is χ (Hristos, Mihalis), except where greeklish writes η with it: at the end after a
// consonant or between consonants (Elenh, Eirhnh); at the end after a vowel it is silent (Sarah).
function hSound(w: string, i: number): string {
  const prev = w.charAt(i - 1);
  const next = w.charAt(i + 1);
  const prevConsonant = prev !== '' && !H_VOWEL.has(prev);
  if (next === '') return prev !== '' && !prevConsonant ? '' : 'i';
  return prevConsonant && !H_VOWEL.has(next) ? 'i' : 'x';
}

// Consonant spellings: 8→th, ch/kh/h→x, ks→x, ph→f, gh→g, dh→d, w→o, j→y, c/q→k.
function foldConsonants(w: string): string {
  let a = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charAt(i);
    const n = w.charAt(i + 1);
    if (c === '8') a += 'th';
    else if ((c === 'c' || c === 'k') && n === 'h') {
      a += 'x';
      i++;
    } else if (c === 'k' && n === 's') {
      a += 'x';
      i++;
    } else if (c === 'p' && n === 'h') {
      a += 'f';
      i++;
    } else if ((c === 'g' || c === 'd' || c === 't') && n === 'h') {
      a += c === 't' ? 'th' : c;
      i++;
    } else if (c === 'h') a += hSound(w, i);
    else if (c === 'w') a += 'o';
    else if (c === 'j') a += 'y';
    else if (c === 'c' || c === 'q') a += 'k';
    else a += c;
  }
  return a;
}

// Vowel and cluster spellings: ou/oy→u, ai→e, ei/oi→i, y→i (y before a vowel stays a consonant),
// gi/yi before a vowel→y, au/eu→av/af, mp/mb→b, nt/nd→d, ng/gg/gk→g; then doubles single, final s off.
function foldVowels(a: string): string {
  let b = '';
  for (let i = 0; i < a.length; i++) {
    const c = a.charAt(i);
    const n = a.charAt(i + 1);
    const n2 = a.charAt(i + 2);
    let out = c;
    let skip = true;
    if (c === 'o' && (n === 'u' || (n === 'y' && !VOWEL.has(n2)))) out = 'u';
    else if ((c === 'o' || c === 'e') && n === 'i') out = 'i';
    else if (c === 'a' && n === 'i') out = 'e';
    else if ((c === 'a' || c === 'e') && n === 'u') out = c + (VOICED.has(n2) ? 'v' : 'f');
    else if ((c === 'g' || c === 'y') && n === 'i' && VOWEL.has(n2) && n2 !== 'i') out = 'y';
    else if (c === 'y' && n === 'i') out = 'i';
    else if ((c === 'g' && (n === 'g' || n === 'k')) || (c === 'n' && n === 'g')) out = 'g';
    // ντ but not νθ (Ανθή), μπ but not μψ (Λάμψη).
    else if (c === 'n' && ((n === 't' && n2 !== 'h') || n === 'd')) out = 'd';
    else if (c === 'm' && ((n === 'p' && n2 !== 's') || n === 'b')) out = 'b';
    else {
      skip = false;
      if (c === 'y') out = VOWEL.has(n) ? 'y' : 'i';
    }
    if (skip) i++;
    if (b.charAt(b.length - 1) !== out) b += out;
  }
  return b.length >= 3 && b.endsWith('s') ? b.slice(0, -1) : b;
}

function foldWordUncached(word: string): string {
  let current = word;
  // Each fold can expose another (aei → ai → e); repeat to a fixed point so keys are idempotent.
  for (let round = 0; round < 8; round++) {
    const next = foldVowels(foldConsonants(current));
    if (next === current) return next;
    current = next;
  }
  return current;
}

// Names are Zipf-distributed, so a bounded memo of word keys catches most words of a register.
const FOLD_CACHE = new Map<string, string>();
const FOLD_CACHE_SIZE = 20_000;

function foldWord(word: string): string {
  const hit = FOLD_CACHE.get(word);
  if (hit !== undefined) return hit;
  const key = foldWordUncached(word);
  if (FOLD_CACHE.size >= FOLD_CACHE_SIZE) FOLD_CACHE.clear();
  FOLD_CACHE.set(word, key);
  return key;
}

/** The keys of the words of lower-case Latin text, joined by a space; other characters separate words. */
export function keysOfLatin(s: string): string {
  let keys = '';
  let word = '';
  for (let i = 0; i <= s.length; i++) {
    const c = s.charAt(i);
    if ((c >= 'a' && c <= 'z') || c === '8') word += c;
    // Apostrophes and stray digits are typing noise inside a word, not word breaks.
    else if (c === "'" || c === '’' || (c >= '0' && c <= '9')) continue;
    else if (word !== '') {
      const key = foldWord(word);
      if (key !== '') keys = keys === '' ? key : `${keys} ${key}`;
      word = '';
    }
  }
  return keys;
}

/** Cross-script key of a name word (Γιώργος, Giorgos, Yiorgos → yorgo); several words give keys joined by a space. */
export function nameKey(text: string): string {
  return keysOfLatin(latinOfElot(elot743(text)));
}
