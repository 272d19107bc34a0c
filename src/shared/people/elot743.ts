/**
 * ELOT 743:2001 (= ISO 843 type 2) transcription of Greek, the one printed on Greek passports and
 * identity cards. Written here rather than taken from npm because the generic transliterators map
 * letter by letter and miss the context rules (αυ/ευ/ηυ, γγ/γξ/γχ) the standard depends on.
 */

const LETTERS: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
  // Letter variants that turn up in pasted text (symbol forms, lunate sigma, archaic letters).
  ϐ: 'v',
  ϑ: 'th',
  ϕ: 'f',
  ϖ: 'p',
  ϰ: 'k',
  ϱ: 'r',
  ϲ: 's',
  ϵ: 'e',
  ϝ: 'v',
  ϳ: 'j',
};

// After αυ/ευ/ηυ: a vowel or a voiced consonant gives v, anything else (and the word's end) gives f.
const VOICED_OR_VOWEL = new Set(['α', 'ε', 'η', 'ι', 'ο', 'υ', 'ω', 'β', 'γ', 'δ', 'ζ', 'λ', 'μ', 'ν', 'ρ', 'ϐ']);
const AV_PAIR: Readonly<Record<string, string>> = { α: 'a', ε: 'e', η: 'i' };
// γ before these is nasal: γγ ng, γξ nx, γχ nch (γκ stays gk).
const NASAL_AFTER_GAMMA = new Set(['γ', 'ξ', 'χ']);

const ACUTE = 0x301;
const GRAVE = 0x300;
const PERISPOMENI = 0x342;
const DIAERESIS = 0x308;

function isMark(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}

const isAccent = (code: number): boolean => code === ACUTE || code === GRAVE || code === PERISPOMENI;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A Greek code point decomposed: its lower-case base letter and the marks that matter to ELOT. */
interface GreekChar {
  base: string;
  latin: string;
  accent: boolean;
  diaeresis: boolean;
}

// Every Greek code point (monotonic and polytonic, both cases) decomposed once at load, so that a call
// needs no normalize(): that alone made transliteration several times slower.
const GREEK_CHARS: (GreekChar | undefined)[] = Array.from({ length: 0x2000 }, () => undefined);
for (const [from, to] of [
  [0x370, 0x3ff],
  [0x1f00, 0x1fff],
] as const) {
  for (let c = from; c <= to; c++) {
    const d = String.fromCharCode(c).normalize('NFD').toLowerCase();
    const base = d.charAt(0);
    const latin = LETTERS[base];
    if (latin === undefined) continue;
    let accent = false;
    let diaeresis = false;
    for (let k = 1; k < d.length; k++) {
      accent ||= isAccent(d.charCodeAt(k));
      diaeresis ||= d.charCodeAt(k) === DIAERESIS;
    }
    GREEK_CHARS[c] = { base, latin, accent, diaeresis };
  }
}

function greekAt(s: string, i: number): GreekChar | undefined {
  const code = s.charCodeAt(i);
  return code < 0x2000 ? GREEK_CHARS[code] : undefined;
}

/** Lower-case ELOT 743 transcription of Greek text; other characters pass through lower-cased. */
export function elot743(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const g = greekAt(text, i);
    if (g === undefined) {
      out += text.charAt(i).toLowerCase();
      i++;
      continue;
    }
    // Combining marks after a Greek letter (decomposed input) are its accents: noted, then dropped.
    let accent = g.accent;
    let j = i + 1;
    for (; j < n && isMark(text.charCodeAt(j)); j++) accent ||= isAccent(text.charCodeAt(j));
    const g2 = greekAt(text, j);
    let k = j;
    let diaeresis = false;
    if (g2 !== undefined) {
      diaeresis = g2.diaeresis;
      for (k = j + 1; k < n && isMark(text.charCodeAt(k)); k++) diaeresis ||= text.charCodeAt(k) === DIAERESIS;
    }
    // A tonos on the first vowel or a dialytika on the second splits a vowel pair.
    const paired = g2?.base === 'υ' && !accent && !diaeresis;
    const av = AV_PAIR[g.base];
    if (paired && av !== undefined) {
      const after = greekAt(text, k)?.base;
      out += av + (after !== undefined && VOICED_OR_VOWEL.has(after) ? 'v' : 'f');
      i = k;
    } else if (paired && g.base === 'ο') {
      out += 'ou';
      i = k;
    } else {
      out += g.base === 'γ' && g2 !== undefined && NASAL_AFTER_GAMMA.has(g2.base) ? 'n' : g.latin;
      i = j;
    }
  }
  return out;
}

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;

function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER.test(ch);
}

/** Text with the first letter of each word in capitals; a word ends at anything but a letter or a mark. */
export function capitaliseWords(text: string): string {
  let out = '';
  let atWordStart = true;
  for (const ch of text) {
    const letter = isLetter(ch);
    out += letter && atWordStart ? ch.toUpperCase() : ch;
    if (letter) atWordStart = false;
    else if (ch.charCodeAt(0) < 0x300 || !MARK.test(ch)) atWordStart = true;
  }
  return out;
}

/** ELOT 743 with each word capitalised, for display ("Giorgos Papadopoulos"). */
export function elot743Title(text: string): string {
  return capitaliseWords(elot743(text));
}
