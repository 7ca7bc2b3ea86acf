/**
 * Random forests for classification (Gini) and survival (log-rank split rule; terminal nodes hold
 * Nelson–Aalen cumulative hazards; the ensemble CHF is their mean) — Breiman 2001,
 * doi:10.1023/A:1010933404324; Ishwaran et al. 2008, doi:10.1214/08-AOAS169 — with ranger's
 * defaults (Wright & Ziegler 2017, doi:10.18637/jss.v077.i01): 500 trees, mtry ⌊√p⌋, bootstrap
 * with replacement, minimum node size 1 (classification) or 3 (survival).
 *
 * Out of bag: majority-vote class (ties broken at random from the seed) and vote fraction
 * (misclassification error, Brier score, AUC);
 * survival risk Σ_t CHF(t) over every distinct observed time (as ranger) and Harrell's C. Permutation importance (Breiman–Cutler, unscaled, as
 * ranger `importance = "permutation"`): per tree, the drop in OOB accuracy (fraction correct, or
 * Harrell's C) when a variable's OOB values are permuted, averaged over trees. Impurity
 * importance: Gini decrease or log-rank statistic summed per variable, averaged over trees.
 *
 * Tree t draws from `rng(seed, t)` and trees are summed in blocks of fixed size in tree order, so
 * results are identical for any number of workers. Checked against ranger 0.14.1 (same top
 * variables, correlated importances, OOB error within 0.02; see test/ml).
 */
import { rng } from '../../core/random.js';
import type { Executor, Task } from '../../core/pool.js';
import { inlineExecutor, blocks } from '../../core/pool.js';
import { validateOptions } from '../../core/validate.js';
import type { ForestData, Outcome } from './data.js';
import { cachedForestContext, growTree, leafOf } from './tree.js';
import { harrellC, aucBinary } from './oob.js';

export interface RandomForestOptions {
  /** Trees. Default 500. */
  trees: number;
  /** Variables tried per split. Default ⌊√p⌋ (0 = default). */
  mtry: number;
  /** Minimum in-bag node size to split. Default 1 (classification), 3 (survival) (0 = default). */
  minNodeSize: number;
  /** Maximum depth, 0 = unlimited. Default 0. */
  maxDepth: number;
  /** `bootstrap` (with replacement, n draws) or `subsample` (without, 0.632·n). Default bootstrap. */
  sampling: 'bootstrap' | 'subsample';
  /** Balanced random forest: each tree bootstraps the smallest class's size from every class. Default false. */
  balanced: boolean;
  /** Permutation importance. Default true. */
  importance: boolean;
  seed: number;
  /** Trees per task (fixed, so results do not depend on the pool). Default 25. */
  blockSize: number;
}

const DEFAULTS: RandomForestOptions = { trees: 500, mtry: 0, minNodeSize: 0, maxDepth: 0, sampling: 'bootstrap', balanced: false, importance: true, seed: 42, blockSize: 25 };
const SPEC = {
  trees: { type: 'number', min: 1, integer: true },
  mtry: { type: 'number', min: 0, integer: true },
  minNodeSize: { type: 'number', min: 0, integer: true },
  maxDepth: { type: 'number', min: 0, integer: true },
  sampling: { type: 'enum', values: ['bootstrap', 'subsample'] },
  balanced: { type: 'boolean' },
  importance: { type: 'boolean' },
  seed: { type: 'number', integer: true },
  blockSize: { type: 'number', min: 1, integer: true },
} as const;

export interface ForestResult {
  names: string[];
  permutationImportance: Float64Array;
  impurityImportance: Float64Array;
  /** Classification: OOB vote fraction for class 1 (binary) — survival: OOB mortality. NaN if never OOB. */
  oobScore: Float64Array;
  /** Misclassification error (classification) or 1 − C (survival). */
  oobError: number;
  /** Brier score of the vote fraction (binary) — NaN otherwise. */
  brier: number;
  /** OOB AUC (binary) or Harrell's C (survival). */
  auc: number;
  params: RandomForestOptions & { mtryUsed: number; minNodeSizeUsed: number };
  warnings: string[];
}

interface BlockResult {
  votes: Float64Array; // n × K (classification) or n × T summed CHF (survival)
  oobCount: Float64Array;
  perm: Float64Array;
  impurity: Float64Array;
}

/** Grow trees [from, to) and return their OOB sums. Exported for the worker pool. */
export function forestBlock(data: ForestData, outcome: Outcome, o: RandomForestOptions & { mtryUsed: number; minNodeSizeUsed: number }, from: number, to: number): BlockResult {
  const ctx = cachedForestContext(data, outcome);
  const { n, p, x } = data;
  const survival = outcome.kind === 'survival';
  const K = survival ? 0 : outcome.classes;
  const T = survival ? ctx.grid!.length : 0;
  const res: BlockResult = { votes: new Float64Array(n * (survival ? T : K)), oobCount: new Float64Array(n), perm: new Float64Array(p), impurity: new Float64Array(p) };
  const classes = classMembers(outcome, o.balanced);
  const inbag = new Int32Array(n);
  const oob = new Int32Array(n);
  const leafBase = new Int32Array(n);
  const risk = new Float64Array(n);
  const shuffled = new Float64Array(n);
  const seen = new Int32Array(p).fill(-1);
  const affCount = new Int32Array(p + 1), affStart = new Int32Array(p + 1);
  let affected = new Int32Array(4 * n);
  const y = survival ? null : outcome.y;
  for (let t = from; t < to; t++) {
    const r = rng(o.seed, t);
    drawInbag(inbag, r, o.sampling, classes);
    const tree = growTree(ctx, inbag, r, { mtry: o.mtryUsed, minNodeSize: o.minNodeSizeUsed, maxDepth: o.maxDepth, minChildSize: survival ? o.minNodeSizeUsed : 1 });
    for (let v = 0; v < p; v++) res.impurity[v] += tree.impurity[v];
    let m = 0;
    for (let i = 0; i < n; i++) if (inbag[i] === 0) oob[m++] = i;
    if (m === 0) continue;
    for (let a = 0; a < m; a++) {
      const i = oob[a];
      const leaf = (leafBase[a] = leafOf(tree, x, n, i));
      res.oobCount[i]++;
      if (survival) {
        const off = tree.leafOffset[leaf];
        for (let j = 0; j < T; j++) res.votes[i * T + j] += tree.chf[off + j];
      } else res.votes[i * K + tree.leafClass[leaf]]++;
    }
    if (!o.importance) continue;
    // Permuting v changes only the OOB samples whose path splits on v: list them per variable
    // (counting sort by variable over the variables of each path, each once per sample).
    affCount.fill(0);
    let total = 0;
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 1) {
        affStart[0] = 0;
        for (let v = 0; v < p; v++) affStart[v + 1] = affStart[v] + affCount[v];
        if (affected.length < total) affected = new Int32Array(2 * total);
        affCount.fill(0);
      }
      for (let a = 0; a < m; a++) {
        const i = oob[a];
        let node = 0;
        while (tree.splitVar[node] >= 0) {
          const v = tree.splitVar[node];
          if (seen[v] !== a) {
            seen[v] = a;
            if (pass === 0) total++;
            else affected[affStart[v] + affCount[v]] = a;
            affCount[v]++;
          }
          node = x[v * n + i] <= tree.splitValue[node] ? tree.left[node] : tree.right[node];
        }
      }
      seen.fill(-1);
    }
    // the permutation importance of v: accuracy on OOB samples minus accuracy with v's OOB
    // values shuffled (Harrell's C for survival); each variable the tree splits on, in
    // increasing order, gets one shuffle (zero when no OOB sample reaches its nodes)
    let baseCorrect = 0;
    if (survival) for (let a = 0; a < m; a++) risk[oob[a]] = tree.mortality[leafBase[a]];
    else for (let a = 0; a < m; a++) if (tree.leafClass[leafBase[a]] === y![oob[a]]) baseCorrect++;
    const base = survival ? harrellC(outcome.time, outcome.status, risk, oob, m) : baseCorrect / m;
    const sh = shuffled.subarray(0, m);
    for (let node = 0; node < tree.splitVar.length; node++) if (tree.splitVar[node] >= 0) seen[tree.splitVar[node]] = -2;
    for (let v = 0; v < p; v++) {
      if (seen[v] !== -2) continue;
      seen[v] = -1;
      for (let a = 0; a < m; a++) sh[a] = x[v * n + oob[a]];
      r.shuffle(sh);
      const from = affStart[v], to = from + affCount[v];
      if (survival) {
        for (let k = from; k < to; k++) { const a = affected[k]; risk[oob[a]] = tree.mortality[leafOf(tree, x, n, oob[a], v, sh[a])]; }
        res.perm[v] += base - harrellC(outcome.time, outcome.status, risk, oob, m);
        for (let k = from; k < to; k++) { const a = affected[k]; risk[oob[a]] = tree.mortality[leafBase[a]]; }
      } else {
        let correct = baseCorrect;
        for (let k = from; k < to; k++) {
          const a = affected[k], i = oob[a];
          correct += (tree.leafClass[leafOf(tree, x, n, i, v, sh[a])] === y![i] ? 1 : 0) - (tree.leafClass[leafBase[a]] === y![i] ? 1 : 0);
        }
        res.perm[v] += base - correct / m;
      }
    }
  }
  return res;
}

function sharedCopy(a: Float64Array): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(a.length * Float64Array.BYTES_PER_ELEMENT));
  out.set(a);
  return out;
}

/** Balanced sampling: the sample indices of each class (null unless `balanced`). */
function classMembers(outcome: Outcome, balanced: boolean): Int32Array[] | null {
  if (!balanced || outcome.kind === 'survival') return null;
  const members: number[][] = Array.from({ length: outcome.classes }, () => []);
  outcome.y.forEach((c, i) => members[c].push(i));
  return members.filter((m) => m.length > 0).map((m) => Int32Array.from(m));
}

/**
 * In-bag counts of one tree: a bootstrap of n (or a 63.2% subsample); with `balanced`, the
 * balanced random forest of Chen, Liaw & Breiman (2004): a bootstrap of the smallest class's size
 * from every class, so rare cases are both in and out of bag.
 */
function drawInbag(inbag: Int32Array, r: ReturnType<typeof rng>, sampling: 'bootstrap' | 'subsample', classes: Int32Array[] | null): void {
  const n = inbag.length;
  inbag.fill(0);
  if (classes) {
    const m = Math.min(...classes.map((c) => c.length));
    for (const c of classes) for (let a = 0; a < m; a++) inbag[c[r.int(c.length)]]++;
    return;
  }
  if (sampling === 'subsample') {
    const k = Math.round(0.632 * n);
    const idx = r.shuffle(Int32Array.from({ length: n }, (_, i) => i));
    for (let a = 0; a < k; a++) inbag[idx[a]] = 1;
    return;
  }
  for (let a = 0; a < n; a++) inbag[r.int(n)]++;
}

/** Grow a forest. With an executor, blocks of trees run in parallel; results are the same. */
export async function randomForest(data: ForestData, outcome: Outcome, options: Partial<RandomForestOptions> & { executor?: Executor } = {}): Promise<ForestResult> {
  const { executor, ...rest } = options;
  const o0 = validateOptions(rest, DEFAULTS, SPEC);
  const survival = outcome.kind === 'survival';
  const o = { ...o0, mtryUsed: o0.mtry || Math.max(1, Math.floor(Math.sqrt(data.p))), minNodeSizeUsed: o0.minNodeSize || (survival ? 3 : 1) };
  const ex = executor ?? inlineExecutor();
  // on a pool, the covariates go to the workers once, in shared memory, instead of a copy per block
  const taskData = ex.size > 1 && typeof SharedArrayBuffer !== 'undefined' && !(data.x.buffer instanceof SharedArrayBuffer) ? { ...data, x: sharedCopy(data.x) } : data;
  const tasks: Task<[ForestData, Outcome, typeof o, number, number], BlockResult>[] = blocks(o.trees, o.blockSize).map(([from, to]) => ({
    module: import.meta.url, fn: 'forestBlock', args: [taskData, outcome, o, from, to], impl: forestBlock,
  }));
  const parts = await ex.run(tasks);
  const { n, p } = data;
  const sum = parts.reduce((acc, b) => {
    for (let i = 0; i < acc.votes.length; i++) acc.votes[i] += b.votes[i];
    for (let i = 0; i < n; i++) acc.oobCount[i] += b.oobCount[i];
    for (let v = 0; v < p; v++) { acc.perm[v] += b.perm[v]; acc.impurity[v] += b.impurity[v]; }
    return acc;
  });
  const warnings: string[] = [];
  const oobScore = new Float64Array(n).fill(NaN);
  const have: number[] = [];
  for (let i = 0; i < n; i++) if (sum.oobCount[i] > 0) have.push(i);
  if (have.length < n) warnings.push(`${n - have.length} sample(s) were never out of bag; grow more trees`);
  const idx = Int32Array.from(have);
  let oobError = NaN, brier = NaN, auc = NaN;
  if (survival) {
    const T = sum.votes.length / n;
    for (const i of have) {
      let m = 0;
      for (let j = 0; j < T; j++) m += sum.votes[i * T + j];
      oobScore[i] = m / sum.oobCount[i];
    }
    auc = harrellC(outcome.time, outcome.status, oobScore, idx);
    oobError = 1 - auc;
  } else {
    const K = outcome.classes;
    let wrong = 0, b = 0;
    // a tied vote goes to one of the tied classes at random, as ranger does (a fixed choice
    // would favour one class); the draws come from a stream no tree uses
    const tieRng = rng(o.seed, o.trees);
    for (const i of have) {
      let best = 0, ties = 1;
      for (let k = 1; k < K; k++) {
        const vk = sum.votes[i * K + k], vb = sum.votes[i * K + best];
        if (vk > vb) { best = k; ties = 1; }
        else if (vk === vb) ties++;
      }
      if (ties > 1) {
        let pick = tieRng.int(ties);
        for (let k = 0; k < K; k++) if (sum.votes[i * K + k] === sum.votes[i * K + best] && pick-- === 0) { best = k; break; }
      }
      if (best !== outcome.y[i]) wrong++;
      if (K === 2) {
        oobScore[i] = sum.votes[i * K + 1] / sum.oobCount[i];
        b += (oobScore[i] - outcome.y[i]) ** 2;
      }
    }
    oobError = wrong / have.length;
    if (K === 2) {
      brier = b / have.length;
      auc = aucBinary(outcome.y, oobScore, idx);
    }
  }
  return {
    names: data.names,
    permutationImportance: sum.perm.map((v) => v / o.trees),
    impurityImportance: sum.impurity.map((v) => v / o.trees),
    oobScore, oobError, brier, auc, params: o, warnings,
  };
}
