/**
 * The parameters of the Fellegi–Sunter duplicate scorer: the comparisons, their levels and the m and u
 * probability of each level, the prior and the decision thresholds. Pure data, so a refitted model can be
 * stored as JSON beside the `model_version` recorded in every link event.
 */

/** Every comparison and its levels, best first; scoring takes the first level that holds. */
export const COMPARISON_LEVELS = {
  strongId: ['exact', 'exact_unverified', 'dl1', 'conflict', 'different_unverified'],
  mediumId: ['exact', 'different'],
  birthDate: ['exact', 'exact_placeholder', 'dl1_or_swap', 'same_year', 'else'],
  familyName: ['exact', 'jw', 'stem', 'token', 'skeleton', 'else'],
  givenName: ['exact', 'canonical', 'jw', 'token', 'skeleton', 'else'],
  sex: ['agree', 'differ'],
  fatherName: ['exact', 'jw', 'else'],
  motherName: ['exact', 'jw', 'else'],
} as const;

export type ComparisonName = keyof typeof COMPARISON_LEVELS;
export type LevelName<C extends ComparisonName> = (typeof COMPARISON_LEVELS)[C][number];
export type Agreement = 'agree' | 'partial' | 'disagree' | 'missing';

/** One comparison level: m = P(level | match), u = P(level | non-match), weight = log2(m / u). */
export interface LevelParams {
  readonly m: number;
  readonly u: number;
  readonly weight: number;
  /** How the level reads to a person: an exact agreement, a fuzzy one, or evidence against. */
  readonly agreement: Exclude<Agreement, 'missing'>;
}

/** The level each comparison reached for one pair; null when either side lacks the field. */
export type LevelAssignment = { [C in ComparisonName]: LevelName<C> | null };

export type ComparisonParams = { readonly [C in ComparisonName]: { readonly [L in LevelName<C>]: LevelParams } };

/** A complete scorer configuration; treat it as immutable. */
export interface MatchModel {
  /** Recorded with every automatic link so a decision can be traced to the weights that made it. */
  readonly version: string;
  /**
   * Prior probability that a random candidate pair is a match: duplicate pairs / all pairs. It depends on
   * the registry size (N records give N(N−1)/2 pairs), so it must be re-set as the registry grows.
   */
  readonly lambda: number;
  /** Probability at or above which a pair may be linked without review (if the evidence rules also hold). */
  readonly autoThreshold: number;
  /** Probability at or above which a pair goes to the review queue. */
  readonly reviewThreshold: number;
  /** Floor for a term-frequency u, so a name seen once does not give an unbounded weight. */
  readonly tfMinimumU: number;
  /** Jaro-Winkler similarity (on the keys) at which names reach their fuzzy level. */
  readonly familyJaroWinkler: number;
  readonly givenJaroWinkler: number;
  readonly parentJaroWinkler: number;
  /** Birth dates further apart than this look like parent and child, so no automatic link. */
  readonly generationGapYears: number;
  readonly comparisons: ComparisonParams;
}

/** A level built from a log2(m/u) weight and the m it is assumed to have; u follows. */
export function levelFromWeight(weight: number, m: number, agreement: LevelParams['agreement']): LevelParams {
  return { m, u: m / 2 ** weight, weight, agreement };
}

/** A level built from estimated m and u probabilities. */
export function levelFromProbabilities(m: number, u: number, agreement: LevelParams['agreement']): LevelParams {
  return { m, u, weight: Math.log2(m / u), agreement };
}

/** Prior weight log2(λ / (1 − λ)). */
export function priorWeight(lambda: number): number {
  return Math.log2(lambda / (1 - lambda));
}

/**
 * m and u of every level counted from level assignments of labelled pairs, with a Laplace pseudo-count per
 * level; a comparison never observed among both matches and non-matches keeps the base parameters.
 */
export function estimateComparisons(
  observations: Iterable<{ levels: LevelAssignment; match: boolean }>,
  base: ComparisonParams,
  smoothing = 1,
): ComparisonParams {
  const comparisons = Object.keys(COMPARISON_LEVELS) as ComparisonName[];
  const counts = new Map<ComparisonName, { m: number[]; u: number[] }>();
  for (const c of comparisons) {
    const n = COMPARISON_LEVELS[c].length;
    counts.set(c, { m: new Array<number>(n).fill(0), u: new Array<number>(n).fill(0) });
  }
  for (const { levels, match } of observations) {
    for (const c of comparisons) {
      const level = levels[c];
      if (level === null) continue;
      const index = (COMPARISON_LEVELS[c] as readonly string[]).indexOf(level);
      const row = counts.get(c);
      const side = match ? row?.m : row?.u;
      if (side) side[index] = (side[index] ?? 0) + 1;
    }
  }
  const fitted: Record<string, Record<string, LevelParams>> = {};
  for (const c of comparisons) {
    const names = COMPARISON_LEVELS[c] as readonly string[];
    const row = counts.get(c) ?? { m: [], u: [] };
    const totalM = row.m.reduce((sum, x) => sum + x, 0);
    const totalU = row.u.reduce((sum, x) => sum + x, 0);
    const previous = base[c] as Readonly<Record<string, LevelParams>>;
    const levels: Record<string, LevelParams> = {};
    names.forEach((name, i) => {
      const before = previous[name];
      if (!before) return;
      // Without labelled pairs on both sides there is nothing to estimate; keep the prior belief.
      if (totalM === 0 || totalU === 0) {
        levels[name] = before;
        return;
      }
      const m = ((row.m[i] ?? 0) + smoothing) / (totalM + smoothing * names.length);
      const u = ((row.u[i] ?? 0) + smoothing) / (totalU + smoothing * names.length);
      levels[name] = levelFromProbabilities(m, u, before.agreement);
    });
    fitted[c] = levels;
  }
  // Every comparison and level of COMPARISON_LEVELS was filled in above.
  return fitted as unknown as ComparisonParams;
}

const L = levelFromWeight;

/**
 * Starting weights from the identity reference (section 7), for a registry of about 1M records. The weights
 * are the design table's; the m values are plausible shares among true matches (summing to 1 per comparison)
 * and each u is implied by them. Refit from labelled pairs (fitModel) or EM before trusting the thresholds.
 */
export const DEFAULT_MODEL: MatchModel = {
  version: 'fs-2026.12-2',
  // 200k duplicate pairs among the 5·10^11 pairs of 1M records: weight ≈ −21.3.
  lambda: 4e-7,
  autoThreshold: 0.999,
  reviewThreshold: 0.5,
  tfMinimumU: 1e-4,
  familyJaroWinkler: 0.92,
  givenJaroWinkler: 0.88,
  parentJaroWinkler: 0.88,
  generationGapYears: 15,
  comparisons: {
    strongId: {
      exact: L(19.9, 0.9, 'agree'),
      // An equal value that fails its checksum: a shared typo or a placeholder such as 00000000000.
      exact_unverified: L(8, 0.01, 'partial'),
      dl1: L(8, 0.06, 'partial'),
      // Soft: a wrong AMKA is usually someone else's (a relative's), not proof of two people.
      conflict: L(-8, 0.003, 'disagree'),
      different_unverified: L(-3, 0.027, 'disagree'),
    },
    mediumId: {
      exact: L(12, 0.75, 'agree'),
      // Cards are re-issued with new numbers, so a difference says little.
      different: L(-2, 0.25, 'disagree'),
    },
    birthDate: {
      exact: L(14.5, 0.88, 'agree'),
      exact_placeholder: L(8.5, 0.04, 'partial'),
      dl1_or_swap: L(7, 0.05, 'partial'),
      same_year: L(0, 0.012, 'partial'),
      else: L(-5.6, 0.018, 'disagree'),
    },
    familyName: {
      exact: L(11, 0.8, 'agree'),
      jw: L(7, 0.06, 'partial'),
      stem: L(6, 0.05, 'partial'),
      token: L(5, 0.03, 'partial'),
      skeleton: L(2, 0.01, 'partial'),
      else: L(-4.3, 0.05, 'disagree'),
    },
    givenName: {
      exact: L(7, 0.82, 'agree'),
      canonical: L(5, 0.07, 'partial'),
      jw: L(3, 0.04, 'partial'),
      token: L(3, 0.02, 'partial'),
      skeleton: L(1, 0.005, 'partial'),
      else: L(-4.3, 0.045, 'disagree'),
    },
    sex: {
      agree: L(1, 0.98, 'agree'),
      differ: L(-4.6, 0.02, 'disagree'),
    },
    fatherName: {
      exact: L(3, 0.75, 'agree'),
      jw: L(1.5, 0.05, 'partial'),
      else: L(-2, 0.2, 'disagree'),
    },
    motherName: {
      exact: L(3, 0.75, 'agree'),
      jw: L(1.5, 0.05, 'partial'),
      else: L(-2, 0.2, 'disagree'),
    },
  },
};
