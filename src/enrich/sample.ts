/**
 * Uniform random k-subsets of {0,…,n−1}, sorted, from a seeded generator. A partial Fisher–Yates
 * shuffle on a persistent permutation (any starting permutation gives a uniform subset), then a
 * bucket sort: the k values fall into k equal-width buckets, so sorting costs O(k) expected.
 */
import type { Rng } from '../core/random.js';

export class SubsetSampler {
  private readonly perm: Int32Array;
  private counts = new Int32Array(0);
  private tmp = new Int32Array(0);
  constructor(readonly n: number, private readonly r: Rng) {
    this.perm = new Int32Array(n);
    for (let i = 0; i < n; i++) this.perm[i] = i;
  }
  /** Fill `out` (length k) with a sorted random k-subset. */
  draw(out: Int32Array): Int32Array {
    const { perm, n, r } = this;
    const k = out.length;
    if (this.tmp.length < k) {
      this.tmp = new Int32Array(k);
      this.counts = new Int32Array(k + 1);
    }
    const tmp = this.tmp;
    for (let i = 0; i < k; i++) {
      const j = i + r.int(n - i);
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
      tmp[i] = perm[i];
    }
    // bucket (counting) sort by ⌊v·k/n⌋, then insertion sort inside the small buckets
    const counts = this.counts;
    counts.fill(0, 0, k + 1);
    const scale = k / n;
    for (let i = 0; i < k; i++) counts[((tmp[i] * scale) | 0) + 1]++;
    for (let b = 1; b <= k; b++) counts[b] += counts[b - 1];
    for (let i = 0; i < k; i++) out[counts[(tmp[i] * scale) | 0]++] = tmp[i];
    for (let i = 1; i < k; i++) {
      const v = out[i];
      let j = i - 1;
      while (j >= 0 && out[j] > v) {
        out[j + 1] = out[j];
        j--;
      }
      out[j + 1] = v;
    }
    return out;
  }
}
