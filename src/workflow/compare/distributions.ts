/** Score distributions of each cohort against a reference cohort. */
import { wilcoxonTest } from '../../stats/wilcoxon.js';

export interface CohortDistribution {
  cohort: string;
  n: number;
  median: number;
  /** Wilcoxon rank-sum p of this cohort vs the reference (NaN for the reference itself). */
  pValue: number;
  /** P(score of this cohort > score of the reference), ties ½. */
  auc: number;
  /** Cliff's δ = 2·AUC − 1. */
  cliffDelta: number;
  /** Fraction of this cohort's scores above the reference cohort's median. */
  fractionAboveReferenceMedian: number;
}

const finite = (x: ArrayLike<number>): number[] => Array.from(x).filter(Number.isFinite);
const median = (x: readonly number[]): number => {
  if (!x.length) return NaN;
  const s = [...x].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

/**
 * Compare each cohort's scores of one signature with the reference cohort's (`reference`, an
 * index into `cohorts`). NaN scores are dropped. Wilcoxon as R `wilcox.test` (oracle checked in
 * test/stats). O(N log N) per cohort.
 */
export function compareDistributions(cohorts: readonly { name: string; values: ArrayLike<number> }[], reference: number): CohortDistribution[] {
  const ref = finite(cohorts[reference].values);
  const refMedian = median(ref);
  return cohorts.map((c, i) => {
    const v = finite(c.values);
    const w = i === reference || v.length === 0 || ref.length === 0 ? null : wilcoxonTest(v, ref, { confInt: false });
    return {
      cohort: c.name,
      n: v.length,
      median: median(v),
      pValue: w ? w.pValue : NaN,
      auc: w ? w.auc : NaN,
      cliffDelta: w ? 2 * w.auc - 1 : NaN,
      fractionAboveReferenceMedian: v.length ? v.filter((x) => x > refMedian).length / v.length : NaN,
    };
  });
}
