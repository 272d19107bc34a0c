// Greek → Latin the ways registries write it: ELOT 743 (passports, ID cards) and greeklish (whatever the
// clerk types). Written here from the ELOT table on purpose, not shared with the matcher, so one bug cannot
// hide itself on both sides of the benchmark.
import type { Rng } from './rng.js';

interface Unit {
  base: string;
  acute: boolean;
  diaeresis: boolean;
}

const VOWELS = new Set('αεηιουω');
const VOICED_AFTER_AU = new Set('βγδζλμνρ');

const ELOT_SINGLE: Readonly<Record<string, string>> = {
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
};

// Splits lower-cased text into base letters with their tonos and dialytika, which decide digraphs.
function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const ch of text.toLowerCase().normalize('NFD')) {
    const last = units[units.length - 1];
    if (ch === '\u0301' || ch === '\u0341') {
      if (last) last.acute = true;
    } else if (ch === '\u0308') {
      if (last) last.diaeresis = true;
    } else {
      units.push({ base: ch, acute: false, diaeresis: false });
    }
  }
  return units;
}

// A vowel pair is read as a digraph unless the first vowel is stressed or the second has a dialytika.
function pairs(first: Unit | undefined, second: Unit | undefined, a: string, b: string): boolean {
  return !!first && !!second && first.base === a && second.base === b && !first.acute && !second.diaeresis;
}

function isAuPair(units: readonly Unit[], i: number): boolean {
  const u = units[i];
  return !!u && (u.base === 'α' || u.base === 'ε' || u.base === 'η') && pairs(u, units[i + 1], u.base, 'υ');
}

// ELOT: αυ/ευ/ηυ → av/ev/iv before a vowel or a voiced consonant, af/ef/if otherwise (and at word end).
function auVoiced(units: readonly Unit[], i: number): boolean {
  const next = units[i + 2]?.base ?? '';
  return VOWELS.has(next) || VOICED_AFTER_AU.has(next);
}

/** Transliterates Greek text with ELOT 743 (ISO 843 type 2), lower case; other characters pass through. */
export function elot(text: string): string {
  const units = toUnits(text);
  let out = '';
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    const next = units[i + 1];
    if (pairs(u, next, 'ο', 'υ')) {
      out += 'ou';
      i++;
    } else if (isAuPair(units, i)) {
      out += (u.base === 'η' ? 'i' : (ELOT_SINGLE[u.base] ?? u.base)) + (auVoiced(units, i) ? 'v' : 'f');
      i++;
    } else if (u.base === 'γ' && next && (next.base === 'γ' || next.base === 'ξ' || next.base === 'χ')) {
      out += next.base === 'γ' ? 'ng' : next.base === 'ξ' ? 'nx' : 'nch';
      i++;
    } else {
      out += ELOT_SINGLE[u.base] ?? u.base;
    }
  }
  return out;
}

/** One clerk's greeklish habits: each Greek sound written one consistent way across a record. */
export interface GreeklishStyle {
  eta: string;
  ypsilon: string;
  omega: string;
  ou: string;
  ei: string;
  oi: string;
  ai: string;
  theta: string;
  chi: string;
  xi: string;
  beta: string;
  phi: string;
  delta: string;
  mpInitial: string;
  mpMedial: string;
  nt: string;
  gg: string;
  au: 'contextual' | 'u' | 'v';
  gi: string;
  singleDoubles: boolean;
}

/** Draws a plausible greeklish style (most clerks write i for η/ι/υ/ει/οι, some use w, 8, h, x). */
export function randomGreeklishStyle(rng: Rng): GreeklishStyle {
  const w = <T>(items: readonly (readonly [T, number])[]): T => rng.weighted(items);
  return {
    eta: w([
      ['i', 9],
      ['h', 1],
    ]),
    ypsilon: w([
      ['i', 6],
      ['y', 4],
    ]),
    omega: w([
      ['o', 7],
      ['w', 3],
    ]),
    ou: w([
      ['ou', 6],
      ['u', 3],
      ['oy', 1],
    ]),
    ei: w([
      ['i', 6],
      ['ei', 4],
    ]),
    oi: w([
      ['i', 6],
      ['oi', 4],
    ]),
    ai: w([
      ['e', 5],
      ['ai', 5],
    ]),
    theta: w([
      ['th', 8],
      ['8', 2],
    ]),
    chi: w([
      ['ch', 4],
      ['h', 3],
      ['x', 2],
      ['kh', 1],
    ]),
    xi: w([
      ['x', 7],
      ['ks', 3],
    ]),
    beta: w([
      ['v', 8],
      ['b', 2],
    ]),
    phi: w([
      ['f', 19],
      ['ph', 1],
    ]),
    delta: w([
      ['d', 19],
      ['dh', 1],
    ]),
    mpInitial: w([
      ['b', 7],
      ['mp', 3],
    ]),
    mpMedial: w([
      ['mp', 6],
      ['b', 4],
    ]),
    nt: w([
      ['nt', 6],
      ['d', 4],
    ]),
    gg: w([
      ['g', 4],
      ['ng', 4],
      ['gk', 2],
    ]),
    au: w([
      ['contextual', 4],
      ['u', 4],
      ['v', 2],
    ]),
    gi: w([
      ['gi', 5],
      ['y', 2],
      ['yi', 2],
      ['j', 1],
    ]),
    singleDoubles: rng.chance(0.4),
  };
}

const GREEKLISH_SINGLE: Readonly<Record<string, keyof GreeklishStyle>> = {
  η: 'eta',
  υ: 'ypsilon',
  ω: 'omega',
  θ: 'theta',
  χ: 'chi',
  ξ: 'xi',
  β: 'beta',
  φ: 'phi',
  δ: 'delta',
};

/** Writes Greek text in greeklish with the given style, lower case. */
export function greeklish(text: string, style: GreeklishStyle): string {
  const units = toUnits(text);
  let out = '';
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    const next = units[i + 1];
    const wordStart = i === 0 || !/\p{L}/u.test(units[i - 1]?.base ?? ' ');
    const pair = (b: string): boolean => !!next && next.base === b && !next.diaeresis;
    if (u.base === 'ο' && pair('υ')) {
      out += style.ou;
    } else if (u.base === 'ε' && pair('ι')) {
      out += style.ei;
    } else if (u.base === 'ο' && pair('ι')) {
      out += style.oi;
    } else if (u.base === 'α' && pair('ι')) {
      out += style.ai;
    } else if ((u.base === 'α' || u.base === 'ε') && pair('υ')) {
      const vowel = u.base === 'α' ? 'a' : 'e';
      out += vowel + (style.au === 'u' ? 'u' : style.au === 'v' || auVoiced(units, i) ? 'v' : 'f');
    } else if (u.base === 'μ' && pair('π')) {
      out += wordStart ? style.mpInitial : style.mpMedial;
    } else if (u.base === 'ν' && pair('τ')) {
      out += style.nt;
    } else if (u.base === 'γ' && (pair('γ') || pair('κ'))) {
      out += style.gg;
    } else if (u.base === 'γ' && pair('ι') && VOWELS.has(units[i + 2]?.base ?? '')) {
      // Γιώργος: the γι before a vowel is one sound, written gi, y, yi or j.
      out += style.gi;
    } else if (style.singleDoubles && next && next.base === u.base && !VOWELS.has(u.base) && /\p{L}/u.test(u.base)) {
      out += ELOT_SINGLE[u.base] ?? u.base;
    } else {
      const key = GREEKLISH_SINGLE[u.base];
      const choice = key ? style[key] : undefined;
      out += typeof choice === 'string' ? choice : (ELOT_SINGLE[u.base] ?? u.base);
      continue;
    }
    i++;
  }
  return out;
}

/** Removes the tonos (acute) but keeps the dialytika, as registry software without accents does. */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0301\u0341]/g, '')
    .normalize('NFC');
}

/** Puts the Greek final sigma right after an edit: ς at the end of a word, σ inside it. */
export function fixFinalSigma(text: string): string {
  return text.replace(/σ(?!\p{L})/gu, 'ς').replace(/ς(?=\p{L})/gu, 'σ');
}

/** Capitalises the first letter of every word (after a space, hyphen or apostrophe). */
export function titleCase(text: string): string {
  return text.replace(/(^|[\s\-'])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** Greek-safe upper case: accents go first, as Greek capitals are written without them. */
export function upperCase(text: string): string {
  return stripAccents(text).toUpperCase();
}
