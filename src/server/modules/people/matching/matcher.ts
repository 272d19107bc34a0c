import { DEFAULT_MODEL, scorePair, type MatchFeatures, type MatchScore } from '../../../../shared/people/match-model.js';
import type { Db } from '../../../platform/db/database.js';
import { candidateRows, cannotLinkPairs, matchRows, type MatchRow } from './blocking.repo.js';
import { matchFeatures, probeOf, type MatchInput } from './features.js';

/** The model in use: its version is written with every link and review. */
export const MODEL = DEFAULT_MODEL;

/** A candidate cluster for one record: its best-scoring row. */
export interface ScoredCandidate {
  clusterId: string;
  rowId: string;
  score: MatchScore;
}

/** A record to find candidates for: what it says, and rows to leave out (its own, its cluster's). */
export interface MatchItem {
  idx: number;
  input: MatchInput;
  /** Its own row and cluster, when it is already stored. */
  self?: { rowId: string; clusterId: string };
}

/** A stored row as the matcher's input. */
export function inputOfRow(r: MatchRow): MatchInput {
  return {
    givenName: r.given_name,
    familyName: r.family_name,
    fatherName: r.father_name,
    motherName: r.mother_name,
    sex: r.sex,
    birthDate: r.birth_date,
    birthDateApproximate: r.birth_date_approximate,
    identifiers: r.identifiers,
  };
}

/**
 * Candidate clusters for each record, best first: the union of the indexed blocks, every
 * candidate row scored with the Fellegi–Sunter model in TypeScript, the best row per cluster
 * kept, clusters marked cannot-link with the record's own cluster left out.
 */
export async function findCandidates(
  db: Db,
  tenantId: string,
  compartment: string | null,
  items: MatchItem[],
  options: { minProbability?: number; byRow?: boolean } = {},
): Promise<Map<number, ScoredCandidate[]>> {
  const features = new Map<number, MatchFeatures>();
  const probes = items.map((item) => {
    const f = matchFeatures(item.input);
    features.set(item.idx, f);
    return probeOf(item.idx, item.input, f);
  });
  const pairs = await candidateRows(db, tenantId, compartment, probes);
  const rows = new Map((await matchRows(db, tenantId, [...new Set(pairs.map((p) => p.id))])).map((r) => [r.id, r]));
  const rowFeatures = new Map<string, MatchFeatures>();
  const own = items.flatMap((i) => (i.self ? [i.self.clusterId] : []));
  const blocked = await cannotLinkPairs(db, tenantId, [...new Set([...own, ...[...rows.values()].map((r) => r.cluster_id)])]);
  const byIdx = new Map(items.map((i) => [i.idx, i]));
  const out = new Map<number, Map<string, ScoredCandidate>>();
  const min = options.minProbability ?? 0;
  for (const { idx, id } of pairs) {
    const item = byIdx.get(idx);
    const row = rows.get(id);
    const f = features.get(idx);
    if (!item || !row || !f) continue;
    if (item.self && row.id === item.self.rowId) continue;
    // A cluster is not its own candidate, nor one marked as a different person (unless pairs of rows are asked for).
    if (
      !options.byRow &&
      item.self &&
      (row.cluster_id === item.self.clusterId || blocked.has(`${item.self.clusterId}|${row.cluster_id}`))
    )
      continue;
    let rf = rowFeatures.get(id);
    if (!rf) {
      rf = matchFeatures(inputOfRow(row));
      rowFeatures.set(id, rf);
    }
    const score = scorePair(f, rf, MODEL);
    if (score.probability < min) continue;
    const best = out.get(idx) ?? new Map<string, ScoredCandidate>();
    const key = options.byRow ? row.id : row.cluster_id;
    const current = best.get(key);
    if (!current || current.score.weight < score.weight) best.set(key, { clusterId: row.cluster_id, rowId: id, score });
    out.set(idx, best);
  }
  return new Map([...out.entries()].map(([idx, m]) => [idx, [...m.values()].sort((a, b) => b.score.weight - a.score.weight)]));
}
