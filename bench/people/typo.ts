// Keyboard typos in Greek, Latin and Arabic script, in Damerau's (1964) proportions: 59% substitution,
// 16% deletion, 10% insertion, 2% transposition, 13% more than one error.
import { fixFinalSigma } from './translit.js';
import { codePoints, type Rng } from './rng.js';

type Script = 'greek' | 'arabic' | 'latin';

// Rows of each layout on the same physical keys (Greek and Arabic share the QWERTY geometry); ' ' = no key.
const LAYOUTS: Readonly<Record<Script, readonly string[]>> = {
  latin: ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  greek: ['  ερτυθιοπ', 'ασδφγηξκλ', 'ζχψωβνμ'],
  arabic: ['ضصثقفغعهخحجد', 'شسيبلاتنمكط', 'ئءؤرىةوزظ'],
};
// Horizontal stagger of the rows, in key widths.
const ROW_OFFSET = [0, 0.25, 0.75];

function buildNeighbours(rows: readonly string[]): Map<string, string[]> {
  const keys: { ch: string; x: number; y: number }[] = [];
  rows.forEach((row, y) => {
    codePoints(row).forEach((ch, x) => {
      if (ch !== ' ') keys.push({ ch, x: x + (ROW_OFFSET[y] ?? 0), y });
    });
  });
  const map = new Map<string, string[]>();
  for (const a of keys) {
    const near = keys.filter((b) => b !== a && Math.hypot(a.x - b.x, a.y - b.y) <= 1.2).map((b) => b.ch);
    map.set(a.ch, near);
  }
  return map;
}

const NEIGHBOURS: Readonly<Record<Script, Map<string, string[]>>> = {
  latin: buildNeighbours(LAYOUTS.latin),
  greek: buildNeighbours(LAYOUTS.greek),
  arabic: buildNeighbours(LAYOUTS.arabic),
};

const ALPHABETS: Readonly<Record<Script, readonly string[]>> = {
  latin: codePoints('abcdefghijklmnopqrstuvwxyz'),
  greek: codePoints('αβγδεζηθικλμνξοπρστυφχψω'),
  arabic: codePoints('ابتثجحخدذرزسشصضطظعغفقكلمنهوي'),
};

// Greek spelling slips between letters that sound the same; as common at a counter as a key slip.
const GREEK_HOMOPHONES: readonly (readonly string[])[] = [
  ['ι', 'η', 'υ'],
  ['ί', 'ή', 'ύ'],
  ['ο', 'ω'],
  ['ό', 'ώ'],
];
// Arabic letters that are easily confused by ear or by sight.
const ARABIC_CONFUSABLE: readonly (readonly string[])[] = [
  ['ه', 'ة', 'ح'],
  ['ي', 'ى', 'ی'],
  ['ا', 'أ', 'إ', 'آ'],
  ['س', 'ص', 'ث'],
  ['ت', 'ط'],
  ['د', 'ذ', 'ض'],
  ['ز', 'ذ', 'ظ'],
  ['ق', 'ك', 'ک'],
];

function scriptOf(ch: string): Script {
  const code = ch.codePointAt(0) ?? 0;
  if ((code >= 0x0370 && code <= 0x03ff) || (code >= 0x1f00 && code <= 0x1fff)) return 'greek';
  if (code >= 0x0600 && code <= 0x06ff) return 'arabic';
  return 'latin';
}

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}

// Typos are typed without accents; keep the case of the key they replace.
function bare(ch: string): string {
  const plain = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return plain === 'ς' ? 'σ' : plain;
}

function withCaseOf(original: string, replacement: string): string {
  return original !== original.toLowerCase() ? replacement.toUpperCase() : replacement;
}

function substitute(ch: string, rng: Rng): string {
  const script = scriptOf(ch);
  const key = bare(ch);
  if (script === 'greek' && rng.chance(0.35)) {
    const group = GREEK_HOMOPHONES.find((g) => g.includes(ch.toLowerCase()));
    const others = group?.filter((c) => c !== ch.toLowerCase());
    if (others && others.length > 0) return withCaseOf(ch, rng.pick(others));
  }
  if (script === 'arabic' && rng.chance(0.4)) {
    const group = ARABIC_CONFUSABLE.find((g) => g.includes(ch));
    const others = group?.filter((c) => c !== ch);
    if (others && others.length > 0) return rng.pick(others);
  }
  const near = NEIGHBOURS[script].get(key);
  if (near && near.length > 0 && rng.chance(0.85)) return withCaseOf(ch, rng.pick(near));
  return withCaseOf(ch, rng.pick(ALPHABETS[script].filter((c) => c !== key)));
}

function letterPositions(chars: readonly string[]): number[] {
  const out: number[] = [];
  chars.forEach((c, i) => {
    if (isLetter(c)) out.push(i);
  });
  return out;
}

type Edit = 'substitution' | 'deletion' | 'insertion' | 'transposition';
const SINGLE_EDITS: readonly (readonly [Edit, number])[] = [
  ['substitution', 59],
  ['deletion', 16],
  ['insertion', 10],
  ['transposition', 2],
];

function applyEdit(chars: string[], edit: Edit, rng: Rng): boolean {
  const positions = letterPositions(chars);
  if (positions.length === 0) return false;
  const i = rng.pick(positions);
  const ch = chars[i] as string;
  switch (edit) {
    case 'substitution':
      chars[i] = substitute(ch, rng);
      return true;
    case 'deletion':
      // A one- or two-letter name would vanish or become unrecognisable; such slips are not typos.
      if (positions.length < 4) return false;
      chars.splice(i, 1);
      return true;
    case 'insertion':
      // Half the time a doubled key, otherwise a neighbouring key pressed with it.
      {
        const inserted = rng.chance(0.5) ? ch : substitute(ch, rng);
        const next = chars[i + 1];
        const lower = next !== undefined && isLetter(next) && next === next.toLowerCase();
        chars.splice(i + 1, 0, lower ? inserted.toLowerCase() : inserted);
      }
      return true;
    case 'transposition': {
      const next = chars[i + 1];
      if (next === undefined || !isLetter(next) || next === ch) return false;
      chars[i] = next;
      chars[i + 1] = ch;
      return true;
    }
  }
}

/** Applies a Damerau-mix typo to a non-empty string; returns a different string, or the same if impossible. */
export function typo(text: string, rng: Rng): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const chars = codePoints(text);
    const multiple = rng.chance(0.13);
    const edits = multiple ? 2 : 1;
    let applied = 0;
    for (let k = 0; k < edits; k++) {
      if (applyEdit(chars, rng.weighted(SINGLE_EDITS), rng)) applied++;
    }
    const result = fixFinalSigma(chars.join(''));
    if (applied > 0 && result !== text) return result;
  }
  return text;
}
