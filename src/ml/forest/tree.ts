/**
 * One decision tree grown on bootstrap counts, stored as parallel typed arrays (as scikit-learn's
 * `Tree`): node v splits on `splitVar[v]` at `splitValue[v]` (x ≤ value goes left); terminal
 * nodes have `splitVar = −1` and hold a class (classification) or a Nelson–Aalen cumulative
 * hazard on the forest's event-time grid (survival).
 *
 * Split rules: Gini (maximise Σ_k n_{Lk}²/n_L + Σ_k n_{Rk}²/n_R, the Gini decrease up to a constant,
 * Breiman 1984) and log-rank (maximise |U|/√V over cut points, Ishwaran et al. 2008,
 * doi:10.1214/08-AOAS169). Candidate cuts lie midway between consecutive distinct values.
 * A node is terminal when its in-bag size ≤ `minNodeSize`, it is pure (classification) or has no
 * event (survival), it reaches `maxDepth`, or no variable of the `mtry` drawn can split it.
 * Cost per node O(mtry · n) (classification) and O(mtry · n · T_node) (survival), n the training
 * size, using variable orders sorted once per forest.
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
  /** For each variable, sample indices sorted by value. */
  order: Int32Array[];
  /** Survival: distinct observed times and each sample's grid index (count of grid times ≤ its time). */
  grid?: Float64Array;
  atRisk?: Int32Array;
  eventAt?: Int32Array;
  /** Scratch buffers reused by every node of every tree grown with this context. */
  buffers?: Record<'dG' | 'yG' | 'hG' | 'Y' | 'c' | 'h' | 'Yl', Float64Array> & Record<'cumE' | 'q', Int32Array>;
}

export function forestContext(data: ForestData, outcome: Outcome): ForestContext {
  const { n, p, x } = data;
  const order: Int32Array[] = [];
  for (let v = 0; v < p; v++) {
    const o = Int32Array.from({ length: n }, (_, i) => i);
    o.sort((a, b) => x[v * n + a] - x[v * n + b] || a - b);
    order.push(o);
  }
  const ctx: ForestContext = { data, outcome, order };
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

export function growTree(ctx: ForestContext, inbag: Int32Array, r: Rng, params: GrowParams): Tree {
  const { data, outcome } = ctx;
  const { n, p } = data;
  const survival = outcome.kind === 'survival';
  const T = survival ? ctx.grid!.length : 0;
  const splitVar: number[] = [], splitValue: number[] = [], left: number[] = [], right: number[] = [];
  const leafClass: number[] = [], leafOffset: number[] = [];
  const chf: number[] = [], mortality: number[] = [];
  const impurity = new Float64Array(p);
  const nodeOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (inbag[i] > 0) nodeOf[i] = 0;
  const vars = Int32Array.from({ length: p }, (_, v) => v);
  const K = survival ? 0 : outcome.classes;
  const tot = new Float64Array(Math.max(K, 1)), lc = new Float64Array(Math.max(K, 1));
  const leafD = new Float64Array(T), leafY = new Float64Array(T + 1), leafS = new Float64Array(T);

  const newNode = (): number => {
    splitVar.push(-1); splitValue.push(NaN); left.push(-1); right.push(-1); leafClass.push(-1); leafOffset.push(-1); mortality.push(NaN);
    return splitVar.length - 1;
  };
  const stack: [node: number, depth: number][] = [[newNode(), 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    let size = 0;
    for (let i = 0; i < n; i++) if (nodeOf[i] === node) size += inbag[i];
    const best = { v: -1, value: NaN, score: 0 };
    const terminalBySize = size <= params.minNodeSize || (params.maxDepth > 0 && depth >= params.maxDepth);
    const ns = survival && !terminalBySize ? nodeSurvival(ctx, node, nodeOf, inbag) : null;
    const nTot = !survival && !terminalBySize ? nodeClassTotals(ctx, node, nodeOf, inbag, tot) : 0;
    if (!terminalBySize && !(ns && ns.events === 0)) {
      // draw mtry variables without replacement (partial Fisher–Yates)
      for (let k = 0; k < params.mtry; k++) {
        const j = k + r.int(p - k);
        const t = vars[k]; vars[k] = vars[j]; vars[j] = t;
        const v = vars[k];
        if (ns) splitLogrank(ctx, v, node, nodeOf, inbag, ns, ctx.buffers!.Yl, params.minChildSize ?? 1, best);
        else splitGini(ctx, v, node, nodeOf, inbag, K, tot, nTot, lc, best);
      }
    }
    if (best.v < 0) {
      makeLeaf(node);
      continue;
    }
    impurity[best.v] += best.score;
    const l = newNode(), rr = newNode();
    splitVar[node] = best.v; splitValue[node] = best.value; left[node] = l; right[node] = rr;
    const xv = best.v * n;
    for (let i = 0; i < n; i++) if (nodeOf[i] === node) nodeOf[i] = data.x[xv + i] <= best.value ? l : rr;
    stack.push([rr, depth + 1], [l, depth + 1]);
  }

  function makeLeaf(node: number): void {
    if (!survival) {
      const counts = new Float64Array(K);
      const y = (outcome as { y: Int32Array }).y;
      for (let i = 0; i < n; i++) if (nodeOf[i] === node) counts[y[i]] += inbag[i];
      let bc = 0;
      for (let k = 1; k < K; k++) if (counts[k] > counts[bc]) bc = k;
      leafClass[node] = bc;
      return;
    }
    const d = leafD, yr = leafY;
    d.fill(0);
    yr.fill(0);
    for (let i = 0; i < n; i++) {
      if (nodeOf[i] !== node) continue;
      yr[ctx.atRisk![i]] += inbag[i];
      if (ctx.eventAt![i] >= 0) d[ctx.eventAt![i]] += inbag[i];
    }
    leafOffset[node] = chf.length;
    let atRisk = 0, h = 0, m = 0;
    const ys = leafS;
    for (let j = T - 1; j >= 0; j--) { atRisk += yr[j + 1]; ys[j] = atRisk; }
    for (let j = 0; j < T; j++) {
      if (ys[j] > 0) h += d[j] / ys[j];
      chf.push(h);
      m += h;
    }
    mortality[node] = m;
  }

  return {
    splitVar: Int32Array.from(splitVar), splitValue: Float64Array.from(splitValue), left: Int32Array.from(left), right: Int32Array.from(right),
    leafClass: Int32Array.from(leafClass), leafOffset: Int32Array.from(leafOffset), chf: Float64Array.from(chf),
    mortality: Float64Array.from(mortality), impurity,
  };
}

/** Class totals of a node, shared by every variable tried there. */
function nodeClassTotals(ctx: ForestContext, node: number, nodeOf: Int32Array, inbag: Int32Array, tot: Float64Array): number {
  const y = (ctx.outcome as { y: Int32Array }).y;
  tot.fill(0);
  let nTot = 0;
  for (let i = 0; i < nodeOf.length; i++) if (nodeOf[i] === node) { tot[y[i]] += inbag[i]; nTot += inbag[i]; }
  return nTot;
}

/**
 * Best Gini split of `node` on variable v; updates `best` when it beats it.
 * Readable form: for each cut between distinct values, dec = Σ_k L_k²/n_L + Σ_k R_k²/n_R − Σ_k T_k²/n;
 * the two-class case is unrolled (R_k = T_k − L_k).
 */
function splitGini(ctx: ForestContext, v: number, node: number, nodeOf: Int32Array, inbag: Int32Array, K: number, tot: Float64Array, nTot: number, lc: Float64Array, best: { v: number; value: number; score: number }): void {
  const { n, x } = ctx.data;
  const y = (ctx.outcome as { y: Int32Array }).y;
  const order = ctx.order[v];
  let parent = 0;
  for (let k = 0; k < K; k++) parent += tot[k] * tot[k];
  parent /= nTot;
  let nl = 0, prev = -1;
  const base = v * n;
  if (K === 2) {
    const t0 = tot[0], t1 = tot[1];
    let l0 = 0, l1 = 0;
    for (let a = 0; a < n; a++) {
      const i = order[a];
      if (nodeOf[i] !== node) continue;
      const xi = x[base + i];
      if (prev >= 0 && nl > 0 && xi > x[base + prev]) {
        const r0 = t0 - l0, r1 = t1 - l1;
        const dec = (l0 * l0 + l1 * l1) / nl + (r0 * r0 + r1 * r1) / (nTot - nl) - parent;
        if (dec > best.score + 1e-12) { best.score = dec; best.v = v; best.value = (xi + x[base + prev]) / 2; }
      }
      const w = inbag[i];
      if (y[i] === 0) l0 += w;
      else l1 += w;
      nl += w;
      prev = i;
    }
    return;
  }
  lc.fill(0, 0, K);
  for (let a = 0; a < n; a++) {
    const i = order[a];
    if (nodeOf[i] !== node) continue;
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

function nodeSurvival(ctx: ForestContext, node: number, nodeOf: Int32Array, inbag: Int32Array): NodeSurv {
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
  for (let i = 0; i < n; i++) {
    if (nodeOf[i] !== node) continue;
    yG[atRisk[i]] += inbag[i];
    if (eventAt[i] >= 0) { dG[eventAt[i]] += inbag[i]; events += inbag[i]; }
    size += inbag[i];
  }
  for (let j = Tg - 1; j >= 0; j--) yG[j] += yG[j + 1];
  // compress to the node's event times; cumE[g] = number of node event times at grid index < g
  let T = 0;
  for (let g = 0; g < Tg; g++) {
    cumE[g + 1] = cumE[g] + (dG[g] > 0 ? 1 : 0);
    hG[g + 1] = hG[g] + (dG[g] > 0 ? dG[g] / yG[g] : 0);
    if (dG[g] > 0) {
      Y[T] = yG[g];
      c[T] = yG[g] > 1 ? (dG[g] * (yG[g] - dG[g])) / (yG[g] - 1) : 0;
      T++;
    }
  }
  for (let i = 0; i < n; i++) {
    if (nodeOf[i] !== node) continue;
    h[i] = hG[atRisk[i]];
    q[i] = cumE[atRisk[i]];
  }
  return { T, Y, c, h, q, events, size };
}

/** Best log-rank split of `node` on variable v: U = Σ (d_L − Y_L·d/Y), V = Σ c·(Y_L/Y)(1 − Y_L/Y). */
function splitLogrank(ctx: ForestContext, v: number, node: number, nodeOf: Int32Array, inbag: Int32Array, ns: NodeSurv, Yl: Float64Array, minChild: number, best: { v: number; value: number; score: number }): void {
  const { n, x } = ctx.data;
  const { T, Y, c, h, q } = ns;
  const eventAt = ctx.eventAt!;
  Yl.fill(0, 0, T);
  let U = 0, nl = 0, prev = -1, maxQ = 0;
  const base = v * n;
  const order = ctx.order[v];
  const nTot = ns.size;
  for (let a = 0; a < n; a++) {
    const i = order[a];
    if (nodeOf[i] !== node) continue;
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
