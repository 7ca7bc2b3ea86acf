/**
 * Which genes have enough counts to analyse, as edgeR `filterByExpr` (Chen, Lun & Smyth 2016,
 * doi:10.12688/f1000research.8987.2): keep a gene when its CPM ≥ min.count / median(L) · 10⁶ in at
 * least n_min samples and its total count ≥ min.total.count. n_min is the smallest group size
 * (1 / max leverage of the design when a design is given; all samples otherwise); above
 * `largeN` it becomes largeN + (n_min − largeN)·minProp. O(G·n).
 * Oracle: edgeR 3.40.2 `filterByExpr`.
 */
import type { Matrix } from '../../core/matrix.js';
import { librarySizes } from './cpm.js';

export interface FilterByExprOptions {
  /** Effective library sizes. Default column sums. */
  libSize?: Float64Array;
  /** Design matrix (n × p row-major) to derive the smallest group size from leverages. */
  design?: { n: number; p: number; x: Float64Array };
  /** Group label per sample (used when no design is given). */
  group?: readonly string[];
  /** Minimum count in the smallest group's worth of samples. Default 10. */
  minCount?: number;
  /** Minimum total count. Default 15. */
  minTotalCount?: number;
  /** Default 10. */
  largeN?: number;
  /** Default 0.7. */
  minProp?: number;
}

/** Largest diagonal element of the hat matrix X(XᵀX)⁻¹Xᵀ. */
function maxLeverage(d: { n: number; p: number; x: Float64Array }): number {
  const { n, p, x } = d;
  const xtx = new Float64Array(p * p);
  for (let i = 0; i < n; i++) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) xtx[a * p + b] += x[i * p + a] * x[i * p + b];
  // Cholesky XᵀX = LLᵀ; leverage h_i = ‖L⁻¹x_i‖²
  const L = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = 0; b <= a; b++) {
      let s = xtx[a * p + b];
      for (let k = 0; k < b; k++) s -= L[a * p + k] * L[b * p + k];
      L[a * p + b] = a === b ? Math.sqrt(s) : s / L[b * p + b];
    }
  let max = 0;
  const z = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let a = 0; a < p; a++) {
      let s = x[i * p + a];
      for (let k = 0; k < a; k++) s -= L[a * p + k] * z[k];
      z[a] = s / L[a * p + a];
      h += z[a] * z[a];
    }
    max = Math.max(max, h);
  }
  return max;
}

export function filterByExpr(counts: Matrix, options: FilterByExprOptions = {}): Uint8Array {
  const { nrow, ncol, data } = counts;
  const L = options.libSize ?? librarySizes(counts);
  const largeN = options.largeN ?? 10;
  const minProp = options.minProp ?? 0.7;
  let nmin: number;
  if (options.group) {
    const t = new Map<string, number>();
    for (const g of options.group) t.set(g, (t.get(g) ?? 0) + 1);
    nmin = Math.min(...t.values());
  } else if (options.design) nmin = 1 / maxLeverage(options.design);
  else nmin = ncol;
  if (nmin > largeN) nmin = largeN + (nmin - largeN) * minProp;
  const sorted = Float64Array.from(L).sort();
  const medL = ncol % 2 ? sorted[(ncol - 1) / 2] : (sorted[ncol / 2 - 1] + sorted[ncol / 2]) / 2;
  const cutoff = ((options.minCount ?? 10) / medL) * 1e6;
  const minTotal = (options.minTotalCount ?? 15) - 1e-14;
  const keep = new Uint8Array(nrow);
  for (let g = 0; g < nrow; g++) {
    let above = 0;
    let total = 0;
    for (let j = 0; j < ncol; j++) {
      const y = data[g * ncol + j];
      total += y;
      if ((y / L[j]) * 1e6 >= cutoff) above++;
    }
    keep[g] = above >= nmin - 1e-14 && total >= minTotal ? 1 : 0;
  }
  return keep;
}
