/**
 * Per-sample orderings used by the walks. Both give, for every gene, its 1-based position when
 * the genes are listed by decreasing value, ties kept in gene order (R's stable `order`).
 *
 * Method: a stable least-significant-digit radix sort of the values' IEEE-754 bit patterns
 * (mapped so unsigned order equals numeric order; −0 is read as +0), four passes of 16 bits,
 * carrying gene indices. In the ascending order a run [a, b) of equal values holds its genes in
 * gene order, so the k-th of them (from a) is at position (n − b) + (k − a) + 1 when listed
 * decreasingly. O(n + 2^16) per sample; O(n) scratch, allocated once per task.
 */

export interface RankScratch {
  hi: Uint32Array;
  lo: Uint32Array;
  idx: Int32Array;
  hi2: Uint32Array;
  lo2: Uint32Array;
  idx2: Int32Array;
  count: Int32Array;
  f64: Float64Array;
  u32: Uint32Array;
}

export function rankScratch(n: number): RankScratch {
  const f64 = new Float64Array(n);
  return {
    hi: new Uint32Array(n), lo: new Uint32Array(n), idx: new Int32Array(n),
    hi2: new Uint32Array(n), lo2: new Uint32Array(n), idx2: new Int32Array(n),
    count: new Int32Array(65536), f64, u32: new Uint32Array(f64.buffer),
  };
}

const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Stable ascending argsort of values[0…n) into s.idx (values in s.f64, sorted). */
function argsortAscending(values: Float64Array, n: number, s: RankScratch): void {
  const { f64, u32, count } = s;
  for (let g = 0; g < n; g++) f64[g] = values[g] + 0; // −0 → +0
  const H = LITTLE ? 1 : 0;
  const L = 1 - H;
  let hi = s.hi;
  let lo = s.lo;
  let idx = s.idx;
  let hi2 = s.hi2;
  let lo2 = s.lo2;
  let idx2 = s.idx2;
  for (let g = 0; g < n; g++) {
    let h = u32[2 * g + H];
    let l = u32[2 * g + L];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[g] = h;
    lo[g] = l;
    idx[g] = g;
  }
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let g = 0; g < n; g++) count[(word[g] >>> shift) & 0xffff]++;
    let sum = 0;
    let distinct = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      if (c) distinct++;
      count[d] = sum;
      sum += c;
    }
    if (distinct === 1) continue; // every key has this digit: order unchanged
    for (let g = 0; g < n; g++) {
      const t = count[(word[g] >>> shift) & 0xffff]++;
      hi2[t] = hi[g];
      lo2[t] = lo[g];
      idx2[t] = idx[g];
    }
    let tmp = hi; hi = hi2; hi2 = tmp;
    tmp = lo; lo = lo2; lo2 = tmp;
    const ti = idx; idx = idx2; idx2 = ti;
  }
  s.hi = hi; s.lo = lo; s.idx = idx; s.hi2 = hi2; s.lo2 = lo2; s.idx2 = idx2;
}

/** Positions by decreasing value (1 = largest), ties in gene order: `pos[g]` for g < n. */
export function decreasingPositions(values: Float64Array, n: number, pos: Int32Array, s: RankScratch): void {
  argsortAscending(values, n, s);
  const { hi, lo, idx } = s;
  let a = 0;
  while (a < n) {
    let b = a + 1;
    while (b < n && hi[b] === hi[a] && lo[b] === lo[a]) b++;
    const base = n - b + 1 - a;
    for (let k = a; k < b; k++) pos[idx[k]] = base + k;
    a = b;
  }
}

/**
 * ssGSEA ordering: `rank[g]` = the ascending rank of gene g with ties averaged, truncated to an
 * integer (R's `as.integer(rank(x))`), and `pos[g]` its 1-based position by decreasing rank,
 * ties in gene order.
 */
export function ssgseaRanks(values: Float64Array, n: number, rank: Int32Array, pos: Int32Array, s: RankScratch): void {
  argsortAscending(values, n, s);
  const { hi, lo, idx } = s;
  let a = 0;
  while (a < n) {
    let b = a + 1;
    while (b < n && hi[b] === hi[a] && lo[b] === lo[a]) b++;
    const r = Math.floor((a + 1 + b) / 2);
    const base = n - b + 1 - a;
    for (let k = a; k < b; k++) {
      rank[idx[k]] = r;
      pos[idx[k]] = base + k;
    }
    a = b;
  }
}
