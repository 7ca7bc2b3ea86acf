/**
 * Pairwise distances between the rows of a matrix, stored condensed (the strict upper triangle,
 * row by row, as R's `dist`): entry (i, j), i < j, is at `i·n − i(i+1)/2 + j − i − 1`.
 */
import type { Matrix } from '../core/matrix.js';

/** Distance between rows. */
export type DistanceMethod = 'euclidean' | 'correlation';

export interface DistanceOptions {
  /**
   * `euclidean` (default): √Σ(xᵢ − yᵢ)², over the columns where both rows are finite, scaled up
   * by ncol / (columns used) as R's `dist`. `correlation`: 1 − Pearson r over pairwise-complete
   * columns (as `as.dist(1 − cor(t(x)))`); a constant row has r undefined and distance 1.
   */
  method?: DistanceMethod;
}

/** Index of (i, j), i < j, in a condensed distance vector of n items. */
export function condensedIndex(n: number, i: number, j: number): number {
  return i * n - (i * (i + 1)) / 2 + j - i - 1;
}

/**
 * Condensed distance matrix between the rows of `x`.
 * Complexity O(n²·p) time, n(n−1)/2 doubles of memory.
 * Checked against R `dist(x)` and `1 - cor(t(x))` (R 4.2.2) through `hclust` conformance.
 */
export function rowDistances(x: Matrix, options: DistanceOptions = {}): Float64Array {
  const { nrow: n, ncol: p, data } = x;
  const out = new Float64Array((n * (n - 1)) / 2);
  const method = options.method ?? 'euclidean';
  let complete = true;
  for (let k = 0; k < data.length; k++) if (!Number.isFinite(data[k])) { complete = false; break; }
  if (method === 'correlation' && complete) {
    // centre and scale each row once; then r = Σ zᵢ zⱼ
    const z = new Float64Array(n * p);
    for (let i = 0; i < n; i++) {
      let m = 0;
      for (let k = 0; k < p; k++) m += data[i * p + k];
      m /= p;
      let ss = 0;
      for (let k = 0; k < p; k++) {
        const d = data[i * p + k] - m;
        z[i * p + k] = d;
        ss += d * d;
      }
      const s = ss > 0 ? 1 / Math.sqrt(ss) : NaN;
      for (let k = 0; k < p; k++) z[i * p + k] *= s;
    }
    let at = 0;
    for (let i = 0; i < n; i++) {
      const oi = i * p;
      for (let j = i + 1; j < n; j++) {
        const oj = j * p;
        // four accumulators (readable form: r += z[oi + k] * z[oj + k] for every k)
        let r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        let k = 0;
        for (; k + 3 < p; k += 4) {
          r0 += z[oi + k] * z[oj + k];
          r1 += z[oi + k + 1] * z[oj + k + 1];
          r2 += z[oi + k + 2] * z[oj + k + 2];
          r3 += z[oi + k + 3] * z[oj + k + 3];
        }
        for (; k < p; k++) r0 += z[oi + k] * z[oj + k];
        const r = r0 + r1 + r2 + r3;
        out[at++] = Number.isNaN(r) ? 1 : 1 - Math.max(-1, Math.min(1, r));
      }
    }
    return out;
  }
  let at = 0;
  for (let i = 0; i < n; i++) {
    const oi = i * p;
    for (let j = i + 1; j < n; j++) {
      const oj = j * p;
      out[at++] = method === 'euclidean' ? euclid(data, oi, oj, p, complete) : corDist(data, oi, oj, p);
    }
  }
  return out;
}

function euclid(d: Float64Array, oi: number, oj: number, p: number, complete: boolean): number {
  let s = 0;
  if (complete) {
    // four accumulators (readable form: s += (a − b)² for every column)
    let s1 = 0, s2 = 0, s3 = 0;
    let k = 0;
    for (; k + 3 < p; k += 4) {
      const t0 = d[oi + k] - d[oj + k];
      const t1 = d[oi + k + 1] - d[oj + k + 1];
      const t2 = d[oi + k + 2] - d[oj + k + 2];
      const t3 = d[oi + k + 3] - d[oj + k + 3];
      s += t0 * t0;
      s1 += t1 * t1;
      s2 += t2 * t2;
      s3 += t3 * t3;
    }
    for (; k < p; k++) {
      const t = d[oi + k] - d[oj + k];
      s += t * t;
    }
    return Math.sqrt(s + s1 + s2 + s3);
  }
  let used = 0;
  for (let k = 0; k < p; k++) {
    const a = d[oi + k];
    const b = d[oj + k];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      s += (a - b) * (a - b);
      used++;
    }
  }
  return used ? Math.sqrt((s * p) / used) : NaN;
}

/** 1 − r over pairwise-complete columns (two-pass, centred). */
function corDist(d: Float64Array, oi: number, oj: number, p: number): number {
  let n = 0;
  let ma = 0;
  let mb = 0;
  for (let k = 0; k < p; k++) {
    const a = d[oi + k];
    const b = d[oj + k];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      n++;
      ma += a;
      mb += b;
    }
  }
  if (n < 2) return 1;
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let k = 0; k < p; k++) {
    const a = d[oi + k];
    const b = d[oj + k];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      sab += (a - ma) * (b - mb);
      saa += (a - ma) * (a - ma);
      sbb += (b - mb) * (b - mb);
    }
  }
  if (!(saa > 0 && sbb > 0)) return 1;
  return 1 - Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}
