/**
 * Phenotype-permutation GSEA (Subramanian et al. 2005, doi:10.1073/pnas.0506580102): genes are
 * ranked by a two-group metric; the null comes from permuting the sample labels (or, with
 * `permutation: 'gene_set'`, from random gene sets of the same size — for small groups).
 *
 * For each set: ES; NES = ES / mean of its same-signed null ES; nominal p = fraction of
 * same-signed null ES at least as extreme. The null NES of every set are pooled: for NES* ≥ 0,
 * FDR q = [fraction of pooled null NES ≥ 0 with NES ≥ NES*] / [fraction of observed NES ≥ 0 with
 * NES ≥ NES*] (mirrored for NES* < 0, capped at 1, made monotone in NES); FWER p = fraction of
 * permutations whose most extreme same-signed null NES over all sets reaches NES*.
 * Cost O(nperm · (genes · samples + genes log genes + Σ set sizes)).
 */
import type { ExpressionSet } from '../core/expression-set.js';
import type { GeneSet } from '../core/gene-set.js';
import { rng } from '../core/random.js';
import { validateOptions } from '../core/validate.js';
import { DataError } from '../core/errors.js';
import { enrichmentScore, leadingEdge } from './es.js';
import { rankMetric, type RankMetric } from './metrics.js';
import { rankGenes, setPositions } from './ranking.js';
import { esNull } from './simple.js';
import { enrichMsg } from './messages.js';

export interface PhenotypeOptions {
  /** Ranking metric. Default `s2n`. */
  metric: RankMetric;
  /** `phenotype` (default) or `gene_set`. */
  permutation: 'phenotype' | 'gene_set';
  /** Number of permutations. Default 1000. */
  nperm: number;
  /** Set size limits after matching. Defaults 15 and 500. */
  minSize: number;
  maxSize: number;
  /** Weight exponent. Default 1. */
  gseaParam: number;
  /** Seed. Default 42. */
  seed: number;
}

const DEFAULTS: PhenotypeOptions = { metric: 's2n', permutation: 'phenotype', nperm: 1000, minSize: 15, maxSize: 500, gseaParam: 1, seed: 42 };
const SPEC = {
  metric: { type: 'enum', values: ['s2n', 't', 'diff', 'log2ratio'] },
  permutation: { type: 'enum', values: ['phenotype', 'gene_set'] },
  nperm: { type: 'number', min: 1, integer: true },
  minSize: { type: 'number', min: 1, integer: true },
  maxSize: { type: 'number', min: 1, integer: true },
  gseaParam: { type: 'number', min: 0 },
  seed: { type: 'number', integer: true },
} as const;

export interface PhenotypeGseaResult {
  pathway: string[];
  ES: Float64Array;
  NES: Float64Array;
  pval: Float64Array;
  fdr_q: Float64Array;
  fwer_p: Float64Array;
  size: Int32Array;
  leadingEdge: string[][];
  params: PhenotypeOptions;
  warnings: string[];
}

/** `labels[j]`: 1 = group A (e.g. responders), 0 = group B, −1 = not used. */
export function gseaPhenotype(
  expr: ExpressionSet,
  labels: Int8Array,
  sets: readonly GeneSet[],
  options: Partial<PhenotypeOptions> = {},
): PhenotypeGseaResult {
  const o = validateOptions(options, DEFAULTS, SPEC);
  let na = 0, nb = 0;
  for (const l of labels) if (l === 1) na++; else if (l === 0) nb++;
  if (na < 2 || nb < 2) throw new DataError(enrichMsg.phenotypeGroups(na, nb));
  const warnings: string[] = [];
  const metric = rankMetric(expr.x, labels, o.metric);
  const ranking = rankGenes(expr.genes, metric);
  warnings.push(...ranking.warnings);
  const tested = sets
    .map((set) => ({ set, pos: setPositions(ranking, set.genes) }))
    .filter((t) => t.pos.length >= o.minSize && t.pos.length <= o.maxSize);
  if (!tested.length) warnings.push(enrichMsg.noSetsInRange(o.minSize, o.maxSize));
  const m = tested.length;
  const ES = new Float64Array(m);
  const lead: string[][] = [];
  tested.forEach((t, i) => {
    const e = enrichmentScore(ranking.stats, t.pos, { p: o.gseaParam });
    ES[i] = e.es;
    lead.push(leadingEdge(ranking.genes, t.pos, e));
  });
  // null ES: rows = sets, columns = permutations
  const nullEs = new Float64Array(m * o.nperm);
  if (o.permutation === 'gene_set') {
    tested.forEach((t, i) => nullEs.set(esNull(ranking.stats, t.pos.length, o.nperm, o.seed, t.pos.length, o.gseaParam).null, i * o.nperm));
  } else {
    const r = rng(o.seed, 0);
    const perm = Int8Array.from(labels);
    const buf = new Float64Array(expr.x.nrow);
    for (let b = 0; b < o.nperm; b++) {
      r.shuffle(perm);
      const rk = rankGenes(expr.genes, rankMetric(expr.x, perm, o.metric, buf));
      tested.forEach((t, i) => {
        nullEs[i * o.nperm + b] = enrichmentScore(rk.stats, setPositions(rk, t.set.genes), { p: o.gseaParam }).es;
      });
    }
  }
  return { ...summarise(ES, nullEs, o.nperm), pathway: tested.map((t) => t.set.id), size: Int32Array.from(tested, (t) => t.pos.length), leadingEdge: lead, params: o, warnings };
}

/** NES, nominal p, FDR q and FWER from observed ES and the per-set null ES matrix. */
export function summarise(ES: Float64Array, nullEs: Float64Array, nperm: number) {
  const m = ES.length;
  const NES = new Float64Array(m), pval = new Float64Array(m), fdr_q = new Float64Array(m), fwer_p = new Float64Array(m);
  const nullNes = new Float64Array(m * nperm);
  for (let i = 0; i < m; i++) {
    let sp = 0, np = 0, sn = 0, nn = 0;
    const row = nullEs.subarray(i * nperm, (i + 1) * nperm);
    for (const v of row) {
      if (v >= 0) { sp += v; np++; }
      if (v <= 0) { sn += v; nn++; }
    }
    const mp = sp / np, mn = -sn / nn;
    for (let b = 0; b < nperm; b++) nullNes[i * nperm + b] = row[b] >= 0 ? row[b] / mp : row[b] / mn;
    const es = ES[i];
    NES[i] = es >= 0 ? es / mp : es / mn;
    let more = 0;
    for (const v of row) if (es >= 0 ? v >= es : v <= es) more++;
    pval[i] = es >= 0 ? more / np : more / nn;
  }
  // pooled FDR and FWER
  let nPosNull = 0, nNegNull = 0, nPosObs = 0, nNegObs = 0;
  for (const v of nullNes) { if (v >= 0) nPosNull++; if (v <= 0) nNegNull++; }
  for (const v of NES) { if (v >= 0) nPosObs++; if (v <= 0) nNegObs++; }
  const maxPos = new Float64Array(nperm).fill(-Infinity), minNeg = new Float64Array(nperm).fill(Infinity);
  for (let i = 0; i < m; i++) for (let b = 0; b < nperm; b++) {
    const v = nullNes[i * nperm + b];
    if (v > maxPos[b]) maxPos[b] = v;
    if (v < minNeg[b]) minNeg[b] = v;
  }
  for (let i = 0; i < m; i++) {
    const s = NES[i];
    let cNull = 0, cObs = 0, cMax = 0;
    if (s >= 0) {
      for (const v of nullNes) if (v >= s) cNull++;
      for (const v of NES) if (v >= s) cObs++;
      for (const v of maxPos) if (v >= s) cMax++;
      fdr_q[i] = Math.min(1, (cNull / nPosNull) / (cObs / nPosObs));
    } else {
      for (const v of nullNes) if (v <= s) cNull++;
      for (const v of NES) if (v <= s) cObs++;
      for (const v of minNeg) if (v <= s) cMax++;
      fdr_q[i] = Math.min(1, (cNull / nNegNull) / (cObs / nNegObs));
    }
    fwer_p[i] = cMax / nperm;
  }
  // monotone q: a more extreme NES never gets a larger q than a less extreme one on its side
  const idx = [...NES.keys()];
  for (const sign of [1, -1]) {
    const side = idx.filter((i) => (sign > 0 ? NES[i] >= 0 : NES[i] < 0)).sort((a, b) => sign * (NES[a] - NES[b]));
    let run = Infinity;
    for (const i of side) { run = Math.min(run, fdr_q[i]); fdr_q[i] = run; }
  }
  return { ES, NES, pval, fdr_q, fwer_p };
}
