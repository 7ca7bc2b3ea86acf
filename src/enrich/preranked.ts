/**
 * Preranked gene-set enrichment analysis (as fgsea): ES of each set in a ranking, NES against the
 * same-signed mean of a gene-set permutation null, and p-values either by simple permutation or
 * by adaptive multilevel Monte Carlo for arbitrarily small p.
 *
 * - size filters apply after matching set genes to the ranking (defaults 15–500);
 * - `simple`: p = (#null at least as extreme on the same side + 1) / (#null on that side + 1),
 *   log2err = sqrt(ψ₁(m + 1) − ψ₁(nperm + 1)) / ln 2 for m more extreme;
 * - `multilevel`: a simple run with `nPermSimple` permutations first; sets with fewer than 10 more
 *   extreme null values get the multilevel estimate of P(ES⁺ ≥ |ES|) divided by the estimated
 *   probability of a null ES on the same side (so p is conditional on the sign, as fgsea), with
 *   the multilevel log2err.
 * - BH-adjusted `padj` over the sets tested; leading edges as `leadingEdge`.
 *
 * Randomness: set i's null and multilevel chain use `rng(seed, stream)` with a stream derived from
 * its size and index, so results do not depend on the number of workers.
 * Checked against fgsea 1.31.6 (ES and leading edges exact; p within fgsea's log2err band).
 */
import type { GeneSet } from '../core/gene-set.js';
import { validateOptions } from '../core/validate.js';
import { pAdjust } from '../stats/p-adjust.js';
import { enrichmentScore, leadingEdge, type ScoreType } from './es.js';
import { esNullBySizes, moreExtreme } from './simple.js';
import { multilevelTail, type MultilevelResult } from './multilevel.js';
import type { Executor, Task } from '../core/pool.js';

/** The multilevel module's URL, with the extension this module was loaded with (.ts under tsx). */
const MULTILEVEL_MODULE = new URL(`./multilevel${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
import { trigamma } from './trigamma.js';
import { rankGenes, setPositions, type Ranking } from './ranking.js';
import { enrichMsg } from './messages.js';

export interface PrerankedOptions {
  /** `multilevel` (default) or `simple`. */
  method: 'multilevel' | 'simple';
  /** Permutations for `simple`. Default 10000, ≥ 1. */
  nperm: number;
  /** Permutations of the simple phase of `multilevel` (NES and large p). Default 1000. */
  nPermSimple: number;
  /** Smallest p estimated by `multilevel`. Default 1e-50, in (0, 1). */
  eps: number;
  /** Multilevel population size. Default 101, odd, ≥ 11. */
  sampleSize: number;
  /** Minimum set size after matching. Default 15. */
  minSize: number;
  /** Maximum set size after matching. Default 500. */
  maxSize: number;
  /** Weight exponent p of |rᵢ|^p. Default 1. */
  gseaParam: number;
  /** `std` (default), `pos` or `neg`. */
  scoreType: ScoreType;
  /** Seed. Default 42. */
  seed: number;
}

export const PRERANKED_DEFAULTS: PrerankedOptions = {
  method: 'multilevel', nperm: 10000, nPermSimple: 1000, eps: 1e-50, sampleSize: 101, minSize: 15, maxSize: 500,
  gseaParam: 1, scoreType: 'std', seed: 42,
};

const SPEC = {
  method: { type: 'enum', values: ['multilevel', 'simple'] },
  nperm: { type: 'number', min: 1, integer: true },
  nPermSimple: { type: 'number', min: 1, integer: true },
  eps: { type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
  sampleSize: { type: 'number', min: 11, integer: true },
  minSize: { type: 'number', min: 1, integer: true },
  maxSize: { type: 'number', min: 1, integer: true },
  gseaParam: { type: 'number', min: 0 },
  scoreType: { type: 'enum', values: ['std', 'pos', 'neg'] },
  seed: { type: 'number', integer: true },
} as const;

export interface GseaResult {
  pathway: string[];
  pval: Float64Array;
  padj: Float64Array;
  log2err: Float64Array;
  ES: Float64Array;
  NES: Float64Array;
  size: Int32Array;
  leadingEdge: string[][];
  params: PrerankedOptions;
  warnings: string[];
}

type Ranks = Ranking | { genes: readonly string[]; stats: ArrayLike<number> };

/** A multilevel estimate still to be made: P(ES⁺ ≥ es) for size k on `stats` (or its mirror). */
interface TailRequest {
  i: number;
  mirrored: boolean;
  k: number;
  es: number;
  stream: number;
  denom: number;
  id: string;
}

/**
 * Preranked GSEA in this thread. `gseaPrerankedParallel` gives the same result with the
 * multilevel estimates spread over a worker pool.
 */
export function gseaPreranked(ranks: Ranks, sets: readonly GeneSet[], options: Partial<PrerankedOptions> = {}): GseaResult {
  const core = prerankedCore(ranks, sets, options);
  const tails = core.requests.map((q) => multilevelTail(q.mirrored ? core.mirrored : core.stats, q.k, q.es, core.tailOptions(q)));
  return finish(core, tails);
}

/** The same as `gseaPreranked`, with the multilevel estimates run as tasks on `executor`. */
export async function gseaPrerankedParallel(
  ranks: Ranks,
  sets: readonly GeneSet[],
  options: Partial<PrerankedOptions> & { executor: Executor },
): Promise<GseaResult> {
  const { executor, ...rest } = options;
  const core = prerankedCore(ranks, sets, rest);
  const tasks: Task<Parameters<typeof multilevelTail>, MultilevelResult>[] = core.requests.map((q) => ({
    module: MULTILEVEL_MODULE, fn: 'multilevelTail', args: [q.mirrored ? core.mirrored : core.stats, q.k, q.es, core.tailOptions(q)], impl: multilevelTail,
  }));
  return finish(core, await executor.run(tasks));
}

function finish(core: ReturnType<typeof prerankedCore>, tails: MultilevelResult[]): GseaResult {
  const { res, o, warnings } = core;
  core.requests.forEach((q, r) => {
    const tail = tails[r];
    res.pval[q.i] = Math.min(1, tail.belowEps ? o.eps : tail.p / q.denom);
    res.log2err[q.i] = tail.log2err;
    if (tail.belowEps) warnings.push(enrichMsg.epsReached(q.id, o.eps));
  });
  res.padj = pAdjust(res.pval, { method: 'BH' });
  return { ...res, params: o, warnings };
}

function prerankedCore(ranks: Ranks, sets: readonly GeneSet[], options: Partial<PrerankedOptions>) {
  const o = validateOptions(options, PRERANKED_DEFAULTS, SPEC);
  const ranking = 'position' in ranks ? (ranks as Ranking) : rankGenes(ranks.genes, ranks.stats);
  const warnings = [...ranking.warnings];
  const { stats, genes } = ranking;
  const n = stats.length;
  const mirrored = mirror(stats);
  const tested: { set: GeneSet; pos: Int32Array; index: number }[] = [];
  sets.forEach((set, index) => {
    const pos = setPositions(ranking, set.genes);
    if (pos.length >= o.minSize && pos.length <= o.maxSize && pos.length < n) tested.push({ set, pos, index });
  });
  if (!tested.length) warnings.push(enrichMsg.noSetsInRange(o.minSize, o.maxSize));
  const m = tested.length;
  const res: Omit<GseaResult, 'params' | 'warnings'> = {
    pathway: tested.map((t) => t.set.id),
    pval: new Float64Array(m), padj: new Float64Array(m), log2err: new Float64Array(m),
    ES: new Float64Array(m), NES: new Float64Array(m), size: new Int32Array(m), leadingEdge: [] as string[][],
  };
  const nperm = o.method === 'simple' ? o.nperm : o.nPermSimple;
  const requests: TailRequest[] = [];
  const nullBySize = esNullBySizes(stats, tested.map((t) => t.pos.length), nperm, o.seed, o.gseaParam);
  tested.forEach((t, i) => {
    const k = t.pos.length;
    const e = enrichmentScore(stats, t.pos, { p: o.gseaParam, scoreType: o.scoreType });
    res.ES[i] = e.es;
    res.size[i] = k;
    res.leadingEdge.push(leadingEdge(genes, t.pos, e));
    if (Number.isNaN(e.es)) {
      warnings.push(enrichMsg.zeroWeight(t.set.id));
      res.pval[i] = res.NES[i] = res.log2err[i] = NaN;
      return;
    }
    const nul = nullBySize.get(k)!;
    const pos = e.es >= 0;
    res.NES[i] = pos ? e.es / nul.meanPos : -e.es / nul.meanNeg;
    const more = moreExtreme(nul.null, e.es);
    const side = pos ? nul.nPos : nul.nNeg;
    res.pval[i] = Math.min(1, (more + 1) / (side + 1));
    res.log2err[i] = Math.sqrt(trigamma(more + 1) - trigamma(nperm + 1)) / Math.LN2;
    if (o.method === 'multilevel' && more < 10) {
      requests.push({ i, mirrored: !pos, k, es: Math.abs(e.es), stream: 1_000_003 + t.index, denom: (side + 1) / (nperm + 1), id: t.set.id });
    }
  });
  const tailOptions = (q: TailRequest) => ({ sampleSize: o.sampleSize, eps: o.eps, p: o.gseaParam, seed: o.seed, stream: q.stream });
  return { res, o, warnings, requests, stats, mirrored, tailOptions };
}

/** Statistics of the reversed, negated ranking: ES⁻ of a set equals −ES⁺ of its mirrored positions. */
function mirror(stats: Float64Array): Float64Array {
  const n = stats.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = -stats[n - 1 - i];
  return out;
}
