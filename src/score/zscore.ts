/**
 * Combined z-score (Lee et al. 2008): each gene standardised across samples, then
 * score_s = Σ_{g∈set} d_g·z_gs / √k, with k the number of non-constant matched genes and d_g the
 * gene's direction (+1 up, −1 down).
 *
 * Complexity O(|union of set rows|·n + Σk·n).
 * Reference: Lee E, Chuang HY, Kim JW, Ideker T, Lee D. Inferring pathway activity toward precise
 * disease classification. PLoS Comput Biol 2008;4:e1000217. doi:10.1371/journal.pcbi.1000217
 * Oracle: GSVA 1.46.0 `gsva(method = "zscore")` — equal to 1e-6 absolute on the Liu cohort with
 * the Danaher and Mariathasan sets (test/score/conformance.test.ts).
 */
import type { Matrix } from '../core/matrix.js';
import { standardizeRows } from './standardize.js';

export interface SetRows {
  rows: Int32Array;
  /** Optional direction per row (+1/−1). */
  directions?: Int8Array;
}

/** zscore scores for each set; one Float64Array of length ncol per set. Constant genes are left out. */
export function zscoreScores(x: Matrix, sets: readonly SetRows[], z = standardizeRows(x, sets.flatMap((s) => Array.from(s.rows)))): Float64Array[] {
  const n = x.ncol;
  return sets.map((s) => {
    const out = new Float64Array(n);
    let k = 0;
    for (let a = 0; a < s.rows.length; a++) {
      const zr = z.get(s.rows[a]);
      if (!zr) continue;
      k++;
      const d = s.directions ? s.directions[a] : 1;
      for (let j = 0; j < n; j++) out[j] += d * zr[j];
    }
    const f = k > 0 ? 1 / Math.sqrt(k) : NaN;
    for (let j = 0; j < n; j++) out[j] *= f;
    return out;
  });
}
