/**
 * One decision tree grown on bootstrap counts, stored as parallel typed arrays (as scikit-learn's
 * `Tree`): node v splits on `splitVar[v]` at `splitValue[v]` (x ≤ value goes left); terminal
 * nodes have `splitVar = −1` and hold a class (classification) or a Nelson–Aalen cumulative
 * hazard on the forest's event-time grid (survival).
 *
 * Split rules: Gini (maximise Σ_k n_{Lk}²/n_L + Σ_k n_{Rk}²/n_R, the Gini decrease up to a constant,
 * Breiman 1984) and log-rank (maximise |U|/√V over cut points, Ishwaran et al. 2008,
 * doi:10.1214/08-AOAS169). Candidate cuts lie midway between consecutive distinct values.
 * Ties between equal statistics go to the first candidate drawn and, within a variable, to the
 * lowest cut (as ranger); a tied leaf class is drawn at random (as ranger).
 * A node is terminal when its in-bag size ≤ `minNodeSize`, it is pure (classification) or has no
 * event (survival), it reaches `maxDepth`, or no variable of the `mtry` drawn can split it.
 * Each node keeps its distinct in-bag samples as a range of one index array, partitioned in
 * place at a split. A candidate variable orders the node's m samples through a bit set over
 * their positions in the variable's global order (sorted once per data set), so the cost per
 * node is O(mtry · (m + n/32)) (classification) and O(mtry · (m + n/32) · T_node) (survival).
 * Log-rank: at each distinct event time t of the node, Y(t) counts the in-bag samples with
 * time ≥ t; checked against survival::survdiff on ranger's root splits (test/ml).
 */
import type { Rng } from '../../core/random.js';
import type { ForestData, Outcome } from './data.js';

export interface Tree {
  splitVar: Int32Array;
  splitValue: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Classification: class of terminal nodes. */
  leafClass: Int32Array;
  /** Survival: offset of each terminal node's CHF in `chf` (length T per node). */
  leafOffset: Int32Array;
  chf: Float64Array;
  /** Survival: Σ_t CHF(t) of each terminal node (ranger's "mortality"). */
  mortality: Float64Array;
  /** Impurity decrease (Gini) or split statistic (log-rank) summed per variable. */
  impurity: Float64Array;
}

export interface GrowParams {
  mtry: number;
  minNodeSize: number;
  maxDepth: number;
  /** Survival: smallest in-bag size of a child node. Default 1. */
  minChildSize?: number;
}

/** Shared, per-forest precomputation. */
export interface ForestContext {
  data: ForestData;
  outcome: Outcome;
  /** For each variable, sample indices sorted by value (ties by index). */
  order: Int32Array[];
  /** pos[v·n + i]: position of sample i in order[v]. */
  pos: Int32Array;
  /** xs[v·n + a]: the a-th smallest value of variable v. */
  xs: Float64Array;
  /** Survival: distinct observed times and each sample's grid index (count of grid times ≤ its time). */
  grid?: Float64Array;
  atRisk?: Int32Array;
  eventAt?: Int32Array;
  /** Scratch buffers reused by every node of every tree grown with this context. */
  buffers?: Record<'dG' | 'yG' | 'hG' | 'Y' | 'c' | 'h' | 'Yl', Float64Array> & Record<'cumE' | 'q', Int32Array>;
  scratch?: TreeScratch;
}

/** Per-context work arrays of growTree (a tree has at most 2n − 1 nodes). */
interface TreeScratch {
  idx: Int32Array;
  bits: Int32Array;
  srt: Int32Array;
  stack: Int32Array;
  vars: Int32Array;
  splitVar: Int32Array;
  splitValue: Float64Array;
  left: Int32Array;
  right: Int32Array;
  leafClass: Int32Array;
  leafOffset: Int32Array;
  mortality: Float64Array;
  chf: Float64Array;
}

/**
 * Variable orders: each column is sorted once (native numeric sort of a copy), and each sample
 * finds its position by binary search, equal values taking consecutive positions in index
 * order. O(p · n log n).
 */
export function forestContext(data: ForestData, outcome: Outcome): ForestContext {
  const { n, p, x } = data;
  const order: Int32Array[] = [];
  const pos = new Int32Array(n * p);
  const xs = new Float64Array(n * p);
  const sorted = new Float64Array(n);
  const taken = new Int32Array(n);
  for (let v = 0; v < p; v++) {
    const col = x.subarray(v * n, (v + 1) * n);
    sorted.set(col);
    sorted.sort();
    xs.set(sorted, v * n);
    taken.fill(0);
    const o = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const xi = col[i];
      let lo = 0, hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < xi) lo = mid + 1;
        else hi = mid;
      }
      const a = lo + taken[lo]++;
      pos[v * n + i] = a;
      o[a] = i;
    }
    order.push(o);
  }
  const ctx: ForestContext = { data, outcome, order, pos, xs };
  if (outcome.kind === 'survival') {
    // the grid holds every distinct observed time, censored ones included (as ranger's unique.death.times)
    const times = [...new Set(outcome.time)].sort((a, b) => a - b);
    const grid = Float64Array.from(times);
    const atRisk = new Int32Array(n);
    const eventAt = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      let lo = 0, hi = grid.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (grid[mid] <= outcome.time[i]) lo = mid + 1;
        else hi = mid;
      }
      atRisk[i] = lo; // at risk at grid[0..lo-1]
      if (outcome.status[i]) eventAt[i] = lo - 1;
    }
    Object.assign(ctx, { grid, atRisk, eventAt });
  }
  return ctx;
}

let lastContext: ForestContext | null = null;

/**
 * forestContext, reused while the data and outcome are the same: the same objects, or equal
 * contents (blocks of trees sent to a worker arrive as copies). O(n·p) to compare, against
 * O(p·n log n) to rebuild. One context per thread; its scratch buffers are not shared.
 */
export function cachedForestContext(data: ForestData, outcome: Outcome): ForestContext {
  const c = lastContext;
  if (c && sameData(c.data, data) && sameOutcome(c.outcome, outcome)) return c;
  return (lastContext = forestContext(data, outcome));
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return true;
}

function sameData(a: ForestData, b: ForestData): boolean {
  return a === b || (a.n === b.n && a.p === b.p && sameArray(a.x, b.x));
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  if (a === b) return true;
  if (a.kind === 'survival') return b.kind === 'survival' && sameArray(a.time, b.time) && sameArray(a.status, b.status);
  return b.kind !== 'survival' && a.kind === b.kind && a.classes === b.classes && sameArray(a.y, b.y);
}

function treeScratch(ctx: ForestContext): TreeScratch {
  if (ctx.scratch) return ctx.scratch;
  const { n, p } = ctx.data;
  const cap = 2 * n + 1;
  const T = ctx.grid ? ctx.grid.length : 0;
  return (ctx.scratch = {
    idx: new Int32Array(n), bits: new Int32Array((n + 31) >>> 5), srt: new Int32Array(n),
    stack: new Int32Array(4 * (cap + 1)), vars: Int32Array.from({ length: p }, (_, v) => v),
    splitVar: new Int32Array(cap), splitValue: new Float64Array(cap), left: new Int32Array(cap), right: new Int32Array(cap),
    leafClass: new Int32Array(cap), leafOffset: new Int32Array(cap), mortality: new Float64Array(cap),
    chf: new Float64Array(T * 16),
  });
}

/** Best split found so far at a node. */
interface Best {
  v: number;
  value: number;
  score: number;
}

/**
 * The in-bag samples of a node sorted by variable v, written to `out` (returns their count):
 * each sample's position in the variable's global order is set in a bit set of n bits, which is
 * then read in order — O(m + n/32) for m samples, no comparison sort. Equal values keep the
 * global order (by sample index).
 */
function sortedMembers(ctx: ForestContext, v: number, idx: Int32Array, start: number, end: number, bits: Int32Array, out: Int32Array): number {
  const { n } = ctx.data;
  const ord = ctx.order[v];
  const pos = ctx.pos, base = v * n;
  const W = (n + 31) >>> 5;
  bits.fill(0, 0, W);
  for (let a = start; a < end; a++) {
    const q = pos[base + idx[a]];
    bits[q >>> 5] |= 1 << (q & 31);
  }
  let k = 0;
  for (let w = 0; w < W; w++) {
    let b = bits[w];
    while (b !== 0) {
      const low = b & -b;
      out[k++] = ord[(w << 5) | (31 - Math.clz32(low))];
      b ^= low;
    }
  }
  return k;
}

export function growTree(ctx: ForestContext, inbag: Int32Array, r: Rng, params: GrowParams): Tree {
  const { data, outcome } = ctx;
  const { n, p } = data;
  const survival = outcome.kind === 'survival';
  const T = survival ? ctx.grid!.length : 0;
  const sc = treeScratch(ctx);
  const { idx, bits, srt, stack, vars, splitVar, splitValue, left, right, leafClass, leafOffset, mortality } = sc;
  let chf = sc.chf, chfLen = 0, nodes = 0;
  const impurity = new Float64Array(p);
  // the node's distinct in-bag samples are idx[start, end); a split partitions that range in place
  let m0 = 0;
  for (let i = 0; i < n; i++) if (inbag[i] > 0) idx[m0++] = i;
  // the draw order of candidate variables starts from the identity in every tree
  for (let v = 0; v < p; v++) vars[v] = v;
  const K = survival ? 0 : outcome.classes;
  const tot = new Float64Array(Math.max(K, 1)), lc = new Float64Array(Math.max(K, 1));
  const leafD = new Float64Array(T), leafY = new Float64Array(T + 1), leafS = new Float64Array(T);
  const y = survival ? null : (outcome as { y: Int32Array }).y;
  const best: Best = { v: -1, value: NaN, score: 0 };

  const newNode = (): number => {
    splitVar[nodes] = -1; splitValue[nodes] = NaN; left[nodes] = -1; right[nodes] = -1; leafClass[nodes] = -1; leafOffset[nodes] = -1; mortality[nodes] = NaN;
    return nodes++;
  };
  let sp = 0;
  stack[0] = newNode(); stack[1] = 0; stack[2] = 0; stack[3] = m0; sp = 4;
  while (sp > 0) {
    sp -= 4;
    const node = stack[sp], depth = stack[sp + 1], start = stack[sp + 2], end = stack[sp + 3];
    let size = 0;
    for (let a = start; a < end; a++) size += inbag[idx[a]];
    best.v = -1; best.value = NaN; best.score = 0;
    const terminalBySize = size <= params.minNodeSize || (params.maxDepth > 0 && depth >= params.maxDepth);
    const ns = survival && !terminalBySize ? nodeSurvival(ctx, idx, start, end, inbag) : null;
    const nTot = !survival && !terminalBySize ? nodeClassTotals(y!, idx, start, end, inbag, tot) : 0;
    const pure = !survival && !terminalBySize && isPure(tot, K);
    if (!terminalBySize && !pure && !(ns && ns.events === 0)) {
      // draw mtry variables without replacement (partial Fisher–Yates)
      for (let k = 0; k < params.mtry; k++) {
        const j = k + r.int(p - k);
        const t = vars[k]; vars[k] = vars[j]; vars[j] = t;
        const v = vars[k];
        if (K === 2) splitGini2(ctx, v, idx, start, end, bits, inbag, y!, tot, nTot, best);
        else {
          const m = sortedMembers(ctx, v, idx, start, end, bits, srt);
          if (ns) splitLogrank(ctx, v, srt, m, inbag, ns, ctx.buffers!.Yl, params.minChildSize ?? 1, best);
          else splitGini(ctx, v, srt, m, inbag, K, tot, nTot, lc, best);
        }
      }
    }
    if (best.v < 0) {
      makeLeaf(node, start, end);
      continue;
    }
    impurity[best.v] += best.score;
    const l = newNode(), rr = newNode();
    splitVar[node] = best.v; splitValue[node] = best.value; left[node] = l; right[node] = rr;
    const xv = best.v * n;
    let mid = start;
    for (let a = start; a < end; a++) {
      const i = idx[a];
      if (data.x[xv + i] <= best.value) { idx[a] = idx[mid]; idx[mid++] = i; }
    }
    stack[sp] = rr; stack[sp + 1] = depth + 1; stack[sp + 2] = mid; stack[sp + 3] = end;
    stack[sp + 4] = l; stack[sp + 5] = depth + 1; stack[sp + 6] = start; stack[sp + 7] = mid;
    sp += 8;
  }

  function makeLeaf(node: number, start: number, end: number): void {
    if (!survival) {
      const counts = lc;
      counts.fill(0);
      for (let a = start; a < end; a++) counts[y![idx[a]]] += inbag[idx[a]];
      // the most frequent in-bag class; a tie goes to one of the tied classes at random, as ranger
      let bc = 0, ties = 1;
      for (let k = 1; k < K; k++) {
        if (counts[k] > counts[bc]) { bc = k; ties = 1; }
        else if (counts[k] === counts[bc]) ties++;
      }
      if (ties > 1) {
        let pick = r.int(ties);
        for (let k = 0; k < K; k++) if (counts[k] === counts[bc] && pick-- === 0) { bc = k; break; }
      }
      leafClass[node] = bc;
      return;
    }
    const d = leafD, yr = leafY;
    d.fill(0);
    yr.fill(0);
    for (let a = start; a < end; a++) {
      const i = idx[a];
      yr[ctx.atRisk![i]] += inbag[i];
      if (ctx.eventAt![i] >= 0) d[ctx.eventAt![i]] += inbag[i];
    }
    if (chfLen + T > chf.length) {
      const grown = new Float64Array(2 * chf.length + T);
      grown.set(chf.subarray(0, chfLen));
      chf = sc.chf = grown;
    }
    leafOffset[node] = chfLen;
    let atRisk = 0, h = 0, m = 0;
    const ys = leafS;
    for (let j = T - 1; j >= 0; j--) { atRisk += yr[j + 1]; ys[j] = atRisk; }
    for (let j = 0; j < T; j++) {
      if (ys[j] > 0) h += d[j] / ys[j];
      chf[chfLen++] = h;
      m += h;
    }
    mortality[node] = m;
  }

  return {
    splitVar: splitVar.slice(0, nodes), splitValue: splitValue.slice(0, nodes), left: left.slice(0, nodes), right: right.slice(0, nodes),
    leafClass: leafClass.slice(0, nodes), leafOffset: leafOffset.slice(0, nodes), chf: chf.slice(0, chfLen),
    mortality: mortality.slice(0, nodes), impurity,
  };
}

/** True when at most one class has in-bag samples (no split can improve the Gini index). */
function isPure(tot: Float64Array, K: number): boolean {
  let k = 0;
  for (let c = 0; c < K; c++) if (tot[c] > 0) k++;
  return k <= 1;
}

/** Class totals of a node, shared by every variable tried there. */
function nodeClassTotals(y: Int32Array, idx: Int32Array, start: number, end: number, inbag: Int32Array, tot: Float64Array): number {
  tot.fill(0);
  let nTot = 0;
  for (let a = start; a < end; a++) { const i = idx[a]; tot[y[i]] += inbag[i]; nTot += inbag[i]; }
  return nTot;
}

/**
 * Two-class Gini split of a node on variable v, reading the node's samples in the variable's
 * order straight from the bit set of their global positions (see sortedMembers): the same
 * cuts, decreases and choice as splitGini, without the intermediate sorted list.
 */
function splitGini2(ctx: ForestContext, v: number, idx: Int32Array, start: number, end: number, bits: Int32Array, inbag: Int32Array, y: Int32Array, tot: Float64Array, nTot: number, best: Best): void {
  const { n } = ctx.data;
  const ord = ctx.order[v], pos = ctx.pos, xs = ctx.xs, base = v * n;
  const W = (n + 31) >>> 5;
  bits.fill(0, 0, W);
  for (let a = start; a < end; a++) {
    const q = pos[base + idx[a]];
    bits[q >>> 5] |= 1 << (q & 31);
  }
  const t0 = tot[0], t1 = tot[1];
  const parent = (t0 * t0 + t1 * t1) / nTot;
  let l0 = 0, l1 = 0, nl = 0, xPrev = 0;
  let bestScore = best.score + 1e-12, found = false, bestValue = 0;
  for (let w = 0; w < W; w++) {
    let b = bits[w];
    while (b !== 0) {
      const low = b & -b;
      const q = (w << 5) | (31 - Math.clz32(low));
      b ^= low;
      const i = ord[q];
      const xi = xs[base + q];
      if (nl > 0 && xi > xPrev) {
        const r0 = t0 - l0, r1 = t1 - l1;
        const dec = (l0 * l0 + l1 * l1) / nl + (r0 * r0 + r1 * r1) / (nTot - nl) - parent;
        if (dec > bestScore) { bestScore = dec + 1e-12; found = true; bestValue = (xi + xPrev) / 2; best.score = dec; }
      }
      const wt = inbag[i];
      if (y[i] === 0) l0 += wt;
      else l1 += wt;
      nl += wt;
      xPrev = xi;
    }
  }
  if (found) { best.v = v; best.value = bestValue; }
}

/**
 * Best Gini split of a node on variable v, its samples sorted by v in srt[0, m); updates `best`
 * when it beats it. Readable form: for each cut between distinct values,
 * dec = Σ_k L_k²/n_L + Σ_k R_k²/n_R − Σ_k T_k²/n. Used for three or more classes; two classes go
 * through splitGini2, where the same sum is unrolled (R_k = T_k − L_k).
 */
function splitGini(ctx: ForestContext, v: number, srt: Int32Array, m: number, inbag: Int32Array, K: number, tot: Float64Array, nTot: number, lc: Float64Array, best: Best): void {
  const { n, x } = ctx.data;
  const y = (ctx.outcome as { y: Int32Array }).y;
  let parent = 0;
  for (let k = 0; k < K; k++) parent += tot[k] * tot[k];
  parent /= nTot;
  let nl = 0, prev = -1;
  const base = v * n;
  lc.fill(0, 0, K);
  for (let a = 0; a < m; a++) {
    const i = srt[a];
    if (prev >= 0 && x[base + i] > x[base + prev] && nl > 0 && nl < nTot) {
      let sl = 0, sr = 0;
      for (let k = 0; k < K; k++) { sl += lc[k] * lc[k]; const rc = tot[k] - lc[k]; sr += rc * rc; }
      const dec = sl / nl + sr / (nTot - nl) - parent;
      if (dec > best.score + 1e-12) { best.score = dec; best.v = v; best.value = (x[base + i] + x[base + prev]) / 2; }
    }
    lc[y[i]] += inbag[i];
    nl += inbag[i];
    prev = i;
  }
}

/** Log-rank quantities of one node, shared by every variable tried there. */
interface NodeSurv {
  /** Number of distinct event times in the node, and per event time: at-risk Y, weight c = d(Y−d)/(Y−1). */
  T: number;
  Y: Float64Array;
  c: Float64Array;
  /** Per sample: H at its last at-risk time (Σ d/Y over node event times ≤ its time) and how many node event times it is at risk at. */
  h: Float64Array;
  q: Int32Array;
  events: number;
  size: number;
}

function nodeSurvival(ctx: ForestContext, idx: Int32Array, start: number, end: number, inbag: Int32Array): NodeSurv {
  const { n } = ctx.data;
  const Tg = ctx.grid!.length;
  const atRisk = ctx.atRisk!, eventAt = ctx.eventAt!;
  const b = (ctx.buffers ??= {
    dG: new Float64Array(Tg), yG: new Float64Array(Tg + 1), cumE: new Int32Array(Tg + 1), hG: new Float64Array(Tg + 1),
    Y: new Float64Array(Tg), c: new Float64Array(Tg), h: new Float64Array(n), q: new Int32Array(n), Yl: new Float64Array(Tg),
  });
  const { dG, yG, cumE, hG, Y, c, h, q } = b;
  dG.fill(0);
  yG.fill(0);
  let events = 0, size = 0;
  for (let a = start; a < end; a++) {
    const i = idx[a];
    yG[atRisk[i]] += inbag[i];
    if (eventAt[i] >= 0) { dG[eventAt[i]] += inbag[i]; events += inbag[i]; }
    size += inbag[i];
  }
  // yG[k] = in-bag weight of samples with k or more grid times ≤ their time; at grid time g
  // the samples at risk are those with at least g + 1, i.e. yG[g + 1]
  for (let j = Tg - 1; j >= 0; j--) yG[j] += yG[j + 1];
  // compress to the node's event times; cumE[g] = number of node event times at grid index < g
  let T = 0;
  for (let g = 0; g < Tg; g++) {
    const atG = yG[g + 1];
    cumE[g + 1] = cumE[g] + (dG[g] > 0 ? 1 : 0);
    hG[g + 1] = hG[g] + (dG[g] > 0 ? dG[g] / atG : 0);
    if (dG[g] > 0) {
      Y[T] = atG;
      c[T] = atG > 1 ? (dG[g] * (atG - dG[g])) / (atG - 1) : 0;
      T++;
    }
  }
  for (let a = start; a < end; a++) {
    const i = idx[a];
    h[i] = hG[atRisk[i]];
    q[i] = cumE[atRisk[i]];
  }
  return { T, Y, c, h, q, events, size };
}

/**
 * Best log-rank split of a node on variable v (samples sorted by v in srt[0, m)):
 * U = Σ (d_L − Y_L·d/Y), V = Σ c·(Y_L/Y)(1 − Y_L/Y), statistic |U|/√V.
 */
function splitLogrank(ctx: ForestContext, v: number, srt: Int32Array, m: number, inbag: Int32Array, ns: NodeSurv, Yl: Float64Array, minChild: number, best: Best): void {
  const { n, x } = ctx.data;
  const { T, Y, c, h, q } = ns;
  const eventAt = ctx.eventAt!;
  Yl.fill(0, 0, T);
  let U = 0, nl = 0, prev = -1, maxQ = 0;
  const base = v * n;
  const nTot = ns.size;
  for (let a = 0; a < m; a++) {
    const i = srt[a];
    if (prev >= 0 && x[base + i] > x[base + prev] && nl >= minChild && nTot - nl >= minChild) {
      let V = 0;
      for (let e = 0; e < maxQ; e++) {
        const f = Yl[e] / Y[e];
        V += c[e] * f * (1 - f);
      }
      if (V > 0) {
        const stat = Math.abs(U) / Math.sqrt(V);
        if (stat > best.score + 1e-12) { best.score = stat; best.v = v; best.value = (x[base + i] + x[base + prev]) / 2; }
      }
    }
    const w = inbag[i];
    U += w * ((eventAt[i] >= 0 ? 1 : 0) - h[i]);
    const qi = q[i];
    for (let e = 0; e < qi; e++) Yl[e] += w;
    if (qi > maxQ) maxQ = qi;
    nl += w;
    prev = i;
  }
}

/** Terminal node reached by sample i, optionally with variable `pv` set to `pval`. */
export function leafOf(t: Tree, x: Float64Array, n: number, i: number, pv = -1, pval = 0): number {
  let node = 0;
  while (t.splitVar[node] >= 0) {
    const v = t.splitVar[node];
    const val = v === pv ? pval : x[v * n + i];
    node = val <= t.splitValue[node] ? t.left[node] : t.right[node];
  }
  return node;
}
