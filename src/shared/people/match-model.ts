/**
 * Fellegi–Sunter scoring of a candidate pair of registrations: each comparison falls into a level, each
 * level adds log2(m/u) to the prior, and rules on top of the probability decide between an automatic link,
 * the review queue and nothing. Inputs are features computed elsewhere (name keys, typed identifiers), so
 * this file knows nothing about scripts or checksums.
 */
import { damerauLevenshtein, dateDistance, jaroWinkler } from './compare.js';
import {
  COMPARISON_LEVELS,
  DEFAULT_MODEL,
  estimateComparisons,
  priorWeight,
  type Agreement,
  type ComparisonName,
  type LevelAssignment,
  type LevelName,
  type LevelParams,
  type MatchModel,
} from './match-weights.js';

export {
  COMPARISON_LEVELS,
  DEFAULT_MODEL,
  estimateComparisons,
  levelFromProbabilities,
  levelFromWeight,
  priorWeight,
} from './match-weights.js';
export type {
  Agreement,
  ComparisonName,
  ComparisonParams,
  LevelAssignment,
  LevelName,
  LevelParams,
  MatchModel,
} from './match-weights.js';

/** Per-record inputs to the scorer, computed from the registration by the name and identifier modules. */
export interface MatchFeatures {
  givenKey: string | null;
  familyKey: string | null;
  /** Keys of every given-name word, sorted. */
  givenTokens: string[];
  /** Keys of every family-name word, sorted. */
  familyTokens: string[];
  /** Dictionary canonical of the first given name, so Γιώργος and Γεώργιος meet. */
  givenCanonical: string | null;
  /** Masculine surname stem, so Παπαδόπουλος and Παπαδοπούλου meet. */
  familyStem: string | null;
  /** Consonant skeletons: they merge different names too (Hassan/Hussein), hence a weak level only. */
  givenSkeleton: string | null;
  familySkeleton: string | null;
  fatherKey: string | null;
  motherKey: string | null;
  sex: 'M' | 'F' | null;
  /** YYYY-MM-DD. */
  birthDate: string | null;
  /** Approximate, or a 01-01 placeholder for an unknown date. */
  birthDatePlaceholder: boolean;
  identifiers: { type: string; value: string; valid: boolean }[];
}

export interface MatchReason {
  comparison: ComparisonName;
  /** The level's name, 'missing' when either side lacks the field, 'name_swap' for given/family swapped. */
  level: string;
  weight: number;
  agreement: Agreement;
}

export interface MatchScore {
  /** Match weight M: the prior plus the weights of all reasons. */
  weight: number;
  probability: number;
  decision: 'auto' | 'review' | 'none';
  /** Two valid strong identifiers of one type differ while names and birth date agree. */
  hardConflict: boolean;
  /** Same birth date and surname but a different first name: perhaps twins, so never linked automatically. */
  twinGuard: boolean;
  reasons: MatchReason[];
}

/** Share of registrations carrying a key (the value's u); undefined falls back to the level's u. */
export type TermFrequency = (field: 'familyName' | 'givenName', key: string) => number | undefined;

export interface ScoreOptions {
  /** Term-frequency adjustment of the exact name levels, so Παπαδόπουλος counts for less than a rare name. */
  frequency?: TermFrequency;
}

/** The level each comparison reached for a pair, plus the facts the decision rules need. */
export type PairLevels = LevelAssignment & {
  /** Given and family names agree only crosswise; counted at the fuzzy (jw) levels. */
  nameSwap: boolean;
  /** One side's surname is the other's father's name (a patronymic recorded as the surname): not compared. */
  patronymicSurname: boolean;
  /** Some strong identifier type has valid, different values on the two sides. */
  strongConflict: boolean;
  /** Absolute birth-date difference in days, null when either date is missing or invalid. */
  birthGapDays: number | null;
};

const COMPARISONS = Object.keys(COMPARISON_LEVELS) as ComparisonName[];
const STRONG_LEVELS: readonly LevelName<'strongId'>[] = COMPARISON_LEVELS.strongId;
const DAYS_PER_YEAR = 365.25;

function params<C extends ComparisonName>(model: MatchModel, comparison: C, level: LevelName<C>): LevelParams {
  return (model.comparisons[comparison] as Record<LevelName<C>, LevelParams>)[level];
}

function tokensOverlap(a: readonly string[], b: readonly string[]): boolean {
  // Token lists hold one to three words, where nested loops beat a merge and need no sorting guarantee.
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}

/** 2 for the strong identifiers (AMKA family, AFM), 1 for documents that get re-issued, 0 for anything else. */
function strength(type: string): 0 | 1 | 2 {
  switch (type) {
    case 'amka':
    case 'afm':
    case 'paaypa':
    case 'temp_amka':
      return 2;
    case 'id_card':
    case 'passport':
    case 'asylum_card':
    case 'residence_permit':
      return 1;
    default:
      return 0;
  }
}

function identifierLevels(out: PairLevels, a: MatchFeatures, b: MatchFeatures): void {
  let strong: number = STRONG_LEVELS.length;
  let conflict = false;
  let medium: LevelName<'mediumId'> | null = null;
  for (const x of a.identifiers) {
    if (x.value === '') continue;
    for (const y of b.identifiers) {
      // Types must match: a ΠΑΑΥΠΑ against an AMKA is one person before and after asylum, never a conflict.
      if (y.type !== x.type || y.value === '') continue;
      const kind = strength(x.type);
      if (kind === 1) {
        if (x.value === y.value) medium = 'exact';
        else medium ??= 'different';
      } else if (kind === 2) {
        let rank: number;
        if (x.value === y.value) rank = x.valid && y.valid ? 0 : 1;
        else if (damerauLevenshtein(x.value, y.value, 1) <= 1) rank = 2;
        else if (x.valid && y.valid) {
          rank = 3;
          conflict = true;
        } else rank = 4;
        if (rank < strong) strong = rank;
      }
    }
  }
  out.strongId = STRONG_LEVELS[strong] ?? null;
  out.strongConflict = conflict;
  out.mediumId = medium;
}

function birthLevels(out: PairLevels, a: MatchFeatures, b: MatchFeatures): void {
  out.birthGapDays = null;
  if (!a.birthDate || !b.birthDate) {
    out.birthDate = null;
    return;
  }
  const d = dateDistance(a.birthDate, b.birthDate);
  out.birthGapDays = d.days;
  const placeholder = a.birthDatePlaceholder || b.birthDatePlaceholder;
  if (d.equal) out.birthDate = placeholder ? 'exact_placeholder' : 'exact';
  // An approximate date one digit off another is coincidence, not a typo; it only places the person in time.
  else if (placeholder) out.birthDate = d.sameYear || d.withinYear ? 'same_year' : 'else';
  else if (d.oneDigit || d.dayMonthSwap) out.birthDate = 'dl1_or_swap';
  else out.birthDate = d.sameYear ? 'same_year' : 'else';
}

function familyLevel(a: MatchFeatures, b: MatchFeatures, threshold: number): LevelName<'familyName'> | null {
  const x = a.familyKey;
  const y = b.familyKey;
  if (!x || !y) return null;
  if (x === y) return 'exact';
  if (jaroWinkler(x, y) >= threshold) return 'jw';
  if (a.familyStem && a.familyStem === b.familyStem) return 'stem';
  if (tokensOverlap(a.familyTokens, b.familyTokens)) return 'token';
  if (a.familySkeleton && a.familySkeleton === b.familySkeleton) return 'skeleton';
  return 'else';
}

function givenLevel(a: MatchFeatures, b: MatchFeatures, threshold: number): LevelName<'givenName'> | null {
  const x = a.givenKey;
  const y = b.givenKey;
  if (!x || !y) return null;
  if (x === y) return 'exact';
  if (a.givenCanonical && a.givenCanonical === b.givenCanonical) return 'canonical';
  if (jaroWinkler(x, y) >= threshold) return 'jw';
  if (tokensOverlap(a.givenTokens, b.givenTokens)) return 'token';
  if (a.givenSkeleton && a.givenSkeleton === b.givenSkeleton) return 'skeleton';
  return 'else';
}

function parentLevel(x: string | null, y: string | null, threshold: number): 'exact' | 'jw' | 'else' | null {
  if (!x || !y) return null;
  if (x === y) return 'exact';
  return jaroWinkler(x, y) >= threshold ? 'jw' : 'else';
}

function patronymicOf(a: MatchFeatures, b: MatchFeatures): boolean {
  return b.fatherKey !== null && a.familyTokens.includes(b.fatherKey);
}

function swapped(a: MatchFeatures, b: MatchFeatures): boolean {
  const g = a.givenKey;
  const f = a.familyKey;
  return !!g && !!f && g !== f && g === b.familyKey && f === b.givenKey;
}

/** Assigns every comparison of a pair to its level (null when a side lacks the field). */
export function pairLevels(a: MatchFeatures, b: MatchFeatures, model: MatchModel = DEFAULT_MODEL): PairLevels {
  const out: PairLevels = {
    strongId: null,
    mediumId: null,
    birthDate: null,
    familyName: familyLevel(a, b, model.familyJaroWinkler),
    givenName: givenLevel(a, b, model.givenJaroWinkler),
    sex: a.sex && b.sex ? (a.sex === b.sex ? 'agree' : 'differ') : null,
    fatherName: parentLevel(a.fatherKey, b.fatherKey, model.parentJaroWinkler),
    motherName: parentLevel(a.motherKey, b.motherKey, model.parentJaroWinkler),
    nameSwap: false,
    patronymicSurname: false,
    strongConflict: false,
    birthGapDays: null,
  };
  identifierLevels(out, a, b);
  birthLevels(out, a, b);
  // Arabic and Afghan naming: the father's given name is often written where the surname goes.
  // The two surnames then say nothing about each other (neither for nor against).
  if (out.familyName === 'else' && (patronymicOf(a, b) || patronymicOf(b, a))) {
    out.familyName = null;
    out.patronymicSurname = true;
  }
  if (out.familyName !== null && out.givenName !== null && swapped(a, b)) {
    const straight = params(model, 'familyName', out.familyName).weight + params(model, 'givenName', out.givenName).weight;
    const crosswise = params(model, 'familyName', 'jw').weight + params(model, 'givenName', 'jw').weight;
    if (crosswise > straight) {
      out.familyName = 'jw';
      out.givenName = 'jw';
      out.nameSwap = true;
    }
  }
  return out;
}

const priors = new WeakMap<MatchModel, number>();

function cachedPrior(model: MatchModel): number {
  let prior = priors.get(model);
  if (prior === undefined) {
    prior = priorWeight(model.lambda);
    priors.set(model, prior);
  }
  return prior;
}

/** P = 2^M / (1 + 2^M), computed without overflow for large |M|. */
export function matchProbability(weight: number): number {
  if (weight >= 0) return 1 / (1 + 2 ** -weight);
  const odds = 2 ** weight;
  return odds / (1 + odds);
}

function exactWeight(
  model: MatchModel,
  field: 'familyName' | 'givenName',
  key: string | null,
  level: LevelParams,
  frequency: TermFrequency | undefined,
): number {
  if (!frequency || !key) return level.weight;
  const share = frequency(field, key);
  if (share === undefined || !(share >= 0)) return level.weight;
  return Math.log2(level.m / Math.max(share, model.tfMinimumU));
}

/** Scores a candidate pair and decides between an automatic link, review and no link; symmetric in a and b. */
export function scorePair(
  a: MatchFeatures,
  b: MatchFeatures,
  model: MatchModel = DEFAULT_MODEL,
  options: ScoreOptions = {},
): MatchScore {
  const levels = pairLevels(a, b, model);
  const reasons: MatchReason[] = [];
  let weight = cachedPrior(model);
  for (const comparison of COMPARISONS) {
    const level = levels[comparison];
    if (level === null) {
      const patronymic = comparison === 'familyName' && levels.patronymicSurname;
      reasons.push({ comparison, level: patronymic ? 'father_as_surname' : 'missing', weight: 0, agreement: 'missing' });
      continue;
    }
    const p = params(model, comparison, level);
    let w = p.weight;
    if (level === 'exact' && (comparison === 'familyName' || comparison === 'givenName')) {
      w = exactWeight(model, comparison, comparison === 'familyName' ? a.familyKey : a.givenKey, p, options.frequency);
    }
    const swap = levels.nameSwap && (comparison === 'familyName' || comparison === 'givenName');
    reasons.push({ comparison, level: swap ? 'name_swap' : level, weight: w, agreement: p.agreement });
    weight += w;
  }
  const probability = matchProbability(weight);

  const { birthDate: dob, familyName: family, givenName: given } = levels;
  const sameDate = dob === 'exact' || dob === 'exact_placeholder';
  const sameFamily = family === 'exact' || family === 'stem';
  // A sister's surname form usually lands on the fuzzy level, so the twin guard counts it as the same surname.
  const familyAgrees = sameFamily || family === 'jw';
  const twinGuard = sameDate && familyAgrees && (given === 'skeleton' || given === 'else');
  const namesAgree = familyAgrees && (given === 'exact' || given === 'canonical' || given === 'jw');
  const hardConflict = levels.strongConflict && namesAgree && (sameDate || dob === 'dl1_or_swap');
  const generationGap =
    dob === 'else' && levels.birthGapDays !== null && levels.birthGapDays > model.generationGapYears * DAYS_PER_YEAR;
  const evidence = levels.strongId === 'exact' || (dob === 'exact' && sameFamily && (given === 'exact' || given === 'canonical'));
  // A conflicting identifier blocks automation even when another identifier agrees: the record is inconsistent.
  const auto = probability >= model.autoThreshold && evidence && !levels.strongConflict && !twinGuard && !generationGap;
  const decision = auto ? 'auto' : probability >= model.reviewThreshold || hardConflict ? 'review' : 'none';
  return { weight, probability, decision, hardConflict, twinGuard, reasons };
}

/** Comparison names grouped by how they came out, for the reasons shown beside a suggested duplicate. */
export function explain(score: Pick<MatchScore, 'reasons'>): {
  agreed: ComparisonName[];
  partial: ComparisonName[];
  disagreed: ComparisonName[];
} {
  const agreed: ComparisonName[] = [];
  const partial: ComparisonName[] = [];
  const disagreed: ComparisonName[] = [];
  for (const r of score.reasons) {
    switch (r.agreement) {
      case 'agree':
        agreed.push(r.comparison);
        break;
      case 'partial':
        partial.push(r.comparison);
        break;
      case 'disagree':
        disagreed.push(r.comparison);
        break;
      case 'missing':
        break;
    }
  }
  return { agreed, partial, disagreed };
}

export interface LabelledPair {
  a: MatchFeatures;
  b: MatchFeatures;
  match: boolean;
}

export interface FitOptions {
  /** Laplace pseudo-count added to every level, so an unseen level gets a finite weight. */
  smoothing?: number;
  version?: string;
}

/**
 * Re-estimates m and u of every level from labelled pairs, keeping the base model's levels, prior and
 * thresholds. m should come from true matches and u from random non-matching pairs: hard negatives alone
 * (twins, namesakes) overstate u and understate every agreement weight.
 */
export function fitModel(pairs: readonly LabelledPair[], base: MatchModel = DEFAULT_MODEL, options: FitOptions = {}): MatchModel {
  const observations = pairs.map((pair) => ({ levels: pairLevels(pair.a, pair.b, base), match: pair.match }));
  return {
    ...base,
    version: options.version ?? `${base.version}+fit`,
    comparisons: estimateComparisons(observations, base.comparisons, options.smoothing ?? 1),
  };
}
