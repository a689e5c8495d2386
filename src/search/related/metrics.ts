/**
 * Ranking-quality measures used by `guildhall eval related` and the SemEval evaluation.
 * A ranking is a list of ids, best first; `relevant` is the set of ids that count as right.
 */

/** Share of the relevant ids found in the first k of the ranking (0 when nothing is relevant). */
export function recallAtK<T>(ranking: readonly T[], relevant: ReadonlySet<T>, k: number): number {
  if (relevant.size === 0) return 0;
  let found = 0;
  for (const id of ranking.slice(0, k)) if (relevant.has(id)) found++;
  return found / relevant.size;
}

/** 1 / (rank of the first relevant id), 0 when none is ranked. Ranks start at 1. */
export function reciprocalRank<T>(ranking: readonly T[], relevant: ReadonlySet<T>): number {
  const i = ranking.findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

/**
 * Average precision: the mean, over the relevant ids that are ranked, of precision at their rank,
 * divided by `relevant.size` (a relevant id never ranked counts 0). 0 when nothing is relevant, as
 * the SemEval scorer does for a question without relevant candidates.
 */
export function averagePrecision<T>(ranking: readonly T[], relevant: ReadonlySet<T>): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranking.forEach((id, i) => {
    if (relevant.has(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant.size;
}

/** The arithmetic mean; 0 for an empty list. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
