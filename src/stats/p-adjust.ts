/**
 * Multiple-testing adjustment of p-values, as R's `p.adjust`.
 *
 * - `bonferroni`: min(1, m·p)
 * - `holm` (Holm 1979): step-down, cumulative max of (m − i + 1)·p₍ᵢ₎
 * - `BH` (Benjamini & Hochberg 1995, doi:10.1111/j.2517-6161.1995.tb02031.x): step-up,
 *   cumulative min from the top of m/i·p₍ᵢ₎
 * - `BY` (Benjamini & Yekutieli 2001, doi:10.1214/aos/1013699998): BH × Σ 1/i
 *
 * NaN p-values are kept as NaN and not counted in m (R's `na.rm` behaviour for `p.adjust` with
 * `n = length(p[!is.na(p)])`). Ties keep their input order. O(m log m).
 * Checked against R 4.2.2 `p.adjust`.
 */
export type PAdjustMethod = 'BH' | 'BY' | 'holm' | 'bonferroni' | 'none';

export const P_ADJUST_METHODS: readonly PAdjustMethod[] = ['BH', 'BY', 'holm', 'bonferroni', 'none'];

export function pAdjust(p: ArrayLike<number>, options: { method?: PAdjustMethod } = {}): Float64Array {
  const method = options.method ?? 'BH';
  const out = new Float64Array(p.length).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i])) idx.push(i);
  const m = idx.length;
  if (m === 0) return out;
  if (method === 'none') {
    for (const i of idx) out[i] = p[i];
    return out;
  }
  if (method === 'bonferroni') {
    for (const i of idx) out[i] = Math.min(1, m * p[i]);
    return out;
  }
  // stable sort of the non-missing positions by p
  const order = idx.slice().sort((a, b) => p[a] - p[b] || a - b);
  if (method === 'holm') {
    let run = 0;
    for (let k = 0; k < m; k++) {
      const i = order[k];
      run = Math.max(run, (m - k) * p[i]);
      out[i] = Math.min(1, run);
    }
    return out;
  }
  let c = 1;
  if (method === 'BY') {
    c = 0;
    for (let k = 1; k <= m; k++) c += 1 / k;
  }
  let run = Infinity;
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k];
    run = Math.min(run, (c * m * p[i]) / (k + 1));
    out[i] = Math.min(1, run);
  }
  return out;
}
