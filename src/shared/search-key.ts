/**
 * Search keys for the directory: one ASCII form for Greek with or without accents, ELOT 743
 * transliteration and everyday greeklish, so «Υπνωτήριο», «υπνωτηριο» and «ypnotirio» meet.
 * Built in TypeScript because PostgreSQL's unaccent does not transliterate Greek.
 */

const DIGRAPHS: [string, string][] = [
  ['ου', 'u'],
  ['αι', 'e'],
  ['ει', 'i'],
  ['οι', 'i'],
  ['υι', 'i'],
  ['μπ', 'b'],
  ['γγ', 'g'],
  ['γκ', 'g'],
  ['αυ', 'av'],
  ['ευ', 'ev'],
];

const LETTERS: Record<string, string> = {
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
  υ: 'i',
  φ: 'f',
  χ: 'h',
  ψ: 'ps',
  ω: 'o',
};

// Latin spellings folded to one form: the many ways greeklish writes the same sound.
const LATIN_FOLDS: [RegExp, string][] = [
  [/ou/g, 'u'],
  [/ai/g, 'e'],
  [/ei|oi|y/g, 'i'],
  [/mp/g, 'b'],
  [/ch|kh/g, 'h'],
  [/ph/g, 'f'],
  [/w/g, 'o'],
  [/c/g, 'k'],
  [/([a-z])\1+/g, '$1'],
];

/** Lower-case, accent-free text with Greek letters transliterated and spellings folded. */
export function searchKey(text: string): string {
  let s = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (const [from, to] of DIGRAPHS) s = s.split(from).join(to);
  s = Array.from(s, (ch) => LETTERS[ch] ?? ch).join('');
  for (const [re, to] of LATIN_FOLDS) s = s.replace(re, to);
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The search key of each word of a query; every word must match. */
export function searchTokens(query: string): string[] {
  return searchKey(query)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 8);
}
