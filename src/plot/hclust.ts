/**
 * Agglomerative hierarchical clustering with Lance–Williams updates (single, complete and
 * average linkage), on a condensed distance vector, with R `hclust` conventions for `merge`,
 * `height` and `order`.
 */
import type { Matrix } from '../core/matrix.js';
import { rowDistances, type DistanceMethod } from './distance.js';
import { plotMsg } from './messages.js';

export type Linkage = 'average' | 'complete' | 'single';

export interface HclustOptions {
  /** Linkage: `average` (UPGMA, default), `complete` or `single`. */
  linkage?: Linkage;
}

export interface HclustResult {
  /** (n−1) × 2 merge matrix in R's convention: −k is observation k (1-based), +s is the cluster made at step s. */
  merge: Int32Array;
  /** Height of each merge (the linkage distance), length n−1, non-decreasing for these linkages. */
  height: Float64Array;
  /** Leaf order (0-based) that draws the dendrogram without crossings. */
  order: Int32Array;
  linkage: Linkage;
  warnings: string[];
}

/**
 * Cluster n items from their condensed distances (see `rowDistances`). The vector is copied.
 *
 * Method: each step merges the pair with the smallest current distance (the first such pair by
 * index on ties); the merged cluster keeps the smaller index and its distances follow
 * Lance–Williams: single min(dₖᵢ, dₖⱼ), complete max(dₖᵢ, dₖⱼ), average
 * (nᵢdₖᵢ + nⱼdₖⱼ)/(nᵢ + nⱼ). Nearest neighbours are kept per row (Anderberg's list), so a
 * step costs O(n) plus O(n) per row whose neighbour was merged.
 * Complexity: O(n²) memory; O(n²) to O(n³) time, typically near O(n²).
 * Reference: Murtagh F (1983) A survey of recent advances in hierarchical clustering
 * algorithms, doi:10.1093/comjnl/26.4.354. Oracle: R 4.2.2 `hclust` (same merge matrix,
 * heights within 1e-10, same order).
 */
export function hclust(dist: Float64Array, n: number, options: HclustOptions = {}): HclustResult {
  if (dist.length !== (n * (n - 1)) / 2) throw new RangeError(plotMsg.distLength(dist.length, n));
  return clusterInPlace(Float64Array.from(dist), n, options.linkage ?? 'average');
}

/** Cluster the rows of a matrix (distances computed here, clustered without a second copy). */
export function hclustRows(x: Matrix, options: HclustOptions & { distance?: DistanceMethod } = {}): HclustResult {
  return clusterInPlace(rowDistances(x, { method: options.distance }), x.nrow, options.linkage ?? 'average');
}

function clusterInPlace(d: Float64Array, n: number, linkage: Linkage): HclustResult {
  const warnings: string[] = [];
  const merge = new Int32Array(Math.max(0, n - 1) * 2);
  const height = new Float64Array(Math.max(0, n - 1));
  if (n <= 1) return { merge, height, order: new Int32Array(n), linkage, warnings };
  let maxFinite = 0;
  let bad = 0;
  for (let k = 0; k < d.length; k++) {
    if (Number.isFinite(d[k])) maxFinite = Math.max(maxFinite, d[k]);
    else bad++;
  }
  if (bad) {
    warnings.push(plotMsg.distNaN(bad));
    for (let k = 0; k < d.length; k++) if (!Number.isFinite(d[k])) d[k] = maxFinite;
  }
  // row offsets: (i, j) with i < j lives at rowStart[i] + j
  const rowStart = new Float64Array(n);
  for (let i = 0; i < n; i++) rowStart[i] = i * n - (i * (i + 1)) / 2 - i - 1;
  const at = (i: number, j: number): number => (i < j ? rowStart[i] + j : rowStart[j] + i);
  const active = new Uint8Array(n).fill(1);
  const size = new Float64Array(n).fill(1);
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) label[i] = -(i + 1);
  const nn = new Int32Array(n).fill(-1);
  const nnDist = new Float64Array(n).fill(Infinity);
  const scan = (i: number): void => {
    let best = Infinity;
    let bj = -1;
    const base = rowStart[i];
    for (let j = i + 1; j < n; j++) {
      if (active[j] && d[base + j] < best) {
        best = d[base + j];
        bj = j;
      }
    }
    nn[i] = bj;
    nnDist[i] = best;
  };
  for (let i = 0; i < n - 1; i++) scan(i);
  for (let step = 0; step < n - 1; step++) {
    let i2 = -1;
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      if (active[i] && nn[i] >= 0 && nnDist[i] < best) {
        best = nnDist[i];
        i2 = i;
      }
    }
    if (i2 < 0) {
      // only reachable when every remaining distance is infinite
      for (let i = 0; i < n; i++) if (active[i] && nn[i] >= 0) { i2 = i; break; }
      best = nnDist[i2];
    }
    const j2 = nn[i2];
    let a = label[i2];
    let b = label[j2];
    if ((a > 0 && b < 0) || (a > 0 && b > 0 && a > b)) [a, b] = [b, a];
    merge[2 * step] = a;
    merge[2 * step + 1] = b;
    height[step] = best;
    const ni = size[i2];
    const nj = size[j2];
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === i2 || k === j2) continue;
      const ki = at(k, i2);
      const dki = d[ki];
      const dkj = d[at(k, j2)];
      d[ki] = linkage === 'single' ? Math.min(dki, dkj) : linkage === 'complete' ? Math.max(dki, dkj) : (ni * dki + nj * dkj) / (ni + nj);
    }
    active[j2] = 0;
    size[i2] = ni + nj;
    label[i2] = step + 1;
    nn[j2] = -1;
    for (let k = 0; k < n; k++) {
      if (!active[k]) continue;
      if (k === i2 || nn[k] === i2 || nn[k] === j2) scan(k);
      else if (k < i2 && d[at(k, i2)] < nnDist[k]) {
        nn[k] = i2;
        nnDist[k] = d[at(k, i2)];
      }
    }
  }
  return { merge, height, order: leafOrder(merge, n), linkage, warnings };
}

/** Leaf order from a merge matrix: expand the last merge, left child before right. O(n). */
export function leafOrder(merge: Int32Array, n: number): Int32Array {
  const order = new Int32Array(n);
  if (n === 1) return order;
  let len = 0;
  const stack: number[] = [merge[2 * (n - 2) + 1], merge[2 * (n - 2)]];
  while (stack.length) {
    const v = stack.pop()!;
    if (v < 0) order[len++] = -v - 1;
    else stack.push(merge[2 * (v - 1) + 1], merge[2 * (v - 1)]);
  }
  return order;
}
