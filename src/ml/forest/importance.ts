/**
 * Stability and significance of variable importance.
 * - `janitzaPValues` (Janitza, Celik & Boulesteix 2018, doi:10.1007/s11634-016-0276-4): the null
 *   distribution of importance is built from the observed non-positive importances, mirrored
 *   (v ≤ 0 and −v, plus zeros); p = share of that null ≥ the importance. Needs enough
 *   non-positive importances (a warning when fewer than 10); applied here to the permutation
 *   importance (ranger applies it to its corrected impurity importance).
 * - `importanceStability`: mean, SD and mean rank over repeated forests, and how often each
 *   variable is among the top k.
 */
export function janitzaPValues(importance: Float64Array): { p: Float64Array; warnings: string[] } {
  const neg: number[] = [];
  for (const v of importance) if (v < 0) neg.push(v);
  const zeros = [...importance].filter((v) => v === 0).length;
  const nul = [...neg, ...neg.map((v) => -v), ...new Array(zeros).fill(0)].sort((a, b) => a - b);
  const warnings: string[] = [];
  if (neg.length < 10) warnings.push(`only ${neg.length} negative importance value(s): Janitza p-values are unreliable (need many uninformative covariates)`);
  const p = importance.map((v) => {
    if (!nul.length) return NaN;
    let lo = 0, hi = nul.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nul[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return (nul.length - lo) / nul.length;
  });
  return { p, warnings };
}

export function importanceStability(runs: Float64Array[], topK: number): { mean: Float64Array; sd: Float64Array; rankMean: Float64Array; topKFreq: Float64Array } {
  const R = runs.length;
  const p = runs[0].length;
  const mean = new Float64Array(p), sd = new Float64Array(p), rankMean = new Float64Array(p), topKFreq = new Float64Array(p);
  for (const imp of runs) {
    const order = Array.from({ length: p }, (_, v) => v).sort((a, b) => imp[b] - imp[a] || a - b);
    order.forEach((v, k) => {
      rankMean[v] += (k + 1) / R;
      if (k < topK) topKFreq[v] += 1 / R;
    });
    for (let v = 0; v < p; v++) mean[v] += imp[v] / R;
  }
  for (const imp of runs) for (let v = 0; v < p; v++) sd[v] += (imp[v] - mean[v]) ** 2;
  for (let v = 0; v < p; v++) sd[v] = R > 1 ? Math.sqrt(sd[v] / (R - 1)) : NaN;
  return { mean, sd, rankMean, topKFreq };
}
