/**
 * Gene Set Variation Analysis: a per-sample enrichment score for each gene set
 * (Hänzelmann, Castelo & Guinney 2013, doi:10.1186/1471-2105-14-7), equal to GSVA 1.46.0
 * `gsva(method = "gsva")` to 1e-6 (see test/gsva and scripts/gsva-fixtures.R).
 *
 * Steps: (1) drop constant genes (sd < 1e-10) and genes with missing values, with a warning;
 * (2) match sets to the remaining genes, then apply minSize/maxSize (sets of size one are kept
 * with a warning, empty sets dropped; no set left → DataError); (3) kernel statistic per gene
 * (kernel.ts), run in gene blocks; (4) per sample, order genes by decreasing statistic and score
 * each set by the rank-weighted walk (walk.ts), run in sample blocks.
 *
 * Contract: always asynchronous (returns a Promise), whatever the executor. Blocks are fixed by
 * the matrix shape and blockSize/sampleBlockSize, never by the number of workers, so any
 * executor gives bit-identical scores.
 * Cost: gaussian kernel O(G·n²/2) table look-ups, poisson O(G·d²) CDF calls (d distinct values
 * per gene), walks O(n·G log G + n·Σ K log K). Memory: the input (copied once to shared memory
 * when a multi-worker executor is given) + one G × n statistic matrix + O(blockSize × G) scratch
 * per running task.
 */
import type { ExpressionSet } from '../../core/expression-set.js';
import type { GeneSet } from '../../core/gene-set.js';
import { DataError } from '../../core/errors.js';
import { createMatrix, toShared } from '../../core/matrix.js';
import { blocks, inlineExecutor, type Task } from '../../core/pool.js';
import { validateOptions } from '../../core/validate.js';
import { gsvaDefaults, gsvaSpec, type EnrichmentScores, type GsvaOptions } from './options.js';
import { packSets, variableGenes } from './prepare.js';
import { gsvaMsg } from './messages.js';
import { gsvaKernelTask, gsvaWalkTask } from './tasks.js';

const TASKS = new URL(import.meta.url.endsWith('.ts') ? './tasks.ts' : './tasks.js', import.meta.url).href;

export async function gsva(expr: ExpressionSet, sets: readonly GeneSet[], options: Partial<GsvaOptions> = {}): Promise<EnrichmentScores> {
  const o = validateOptions(options, gsvaDefaults, gsvaSpec);
  const warnings: string[] = [];
  const { nrow, ncol } = expr.x;
  if (nrow === 0 || ncol === 0) throw new DataError(gsvaMsg.emptyMatrix('gsva'));
  if (ncol < 2) throw new DataError(gsvaMsg.tooFewSamples(ncol));
  if (o.kcdf === 'poisson') checkCounts(expr.x.data, warnings);
  const keep = variableGenes(expr, warnings);
  const G = keep.length;
  const keptGenes = Array.from(keep, (g) => expr.genes[g]);
  const packed = packSets(sets, keptGenes, o.minSize, o.maxSize, warnings);

  const executor = o.executor ?? inlineExecutor();
  const shared = executor.size > 1;
  const x = shared ? toShared(expr.x).data : expr.x.data;
  const stat = createMatrix(G, ncol, { shared }).data;
  const kernelTasks: Task[] = blocks(G, o.blockSize).map(([g0, g1]) => ({
    module: TASKS, fn: 'gsvaKernelTask', impl: gsvaKernelTask as Task['impl'],
    args: [x, ncol, keep, g0, g1, o.kcdf, o.exactKernel, stat],
  }));
  await executor.run(kernelTasks);

  const nSets = packed.ids.length;
  const scores = createMatrix(nSets, ncol, { shared });
  const walkTasks: Task[] = blocks(ncol, o.sampleBlockSize).map(([s0, s1]) => ({
    module: TASKS, fn: 'gsvaWalkTask', impl: gsvaWalkTask as Task['impl'],
    args: [stat, G, ncol, s0, s1, packed.offsets, packed.rows, o.tau, o.maxDiff, o.absRanking, scores.data],
  }));
  await executor.run(walkTasks);

  const { executor: _e, ...params } = o;
  return {
    scores: shared ? { nrow: nSets, ncol, data: Float64Array.from(scores.data) } : scores,
    setIds: packed.ids,
    samples: expr.samples.slice(),
    sizes: packed.sizes,
    params: { method: 'gsva', ...params, genesUsed: G },
    warnings,
  };
}

function checkCounts(data: Float64Array, warnings: string[]): void {
  let neg = 0;
  let frac = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < 0) neg++;
    else if (Number.isFinite(v) && v !== Math.floor(v)) frac++;
  }
  if (neg) throw new DataError(gsvaMsg.negativeCounts(neg));
  if (frac) warnings.push(gsvaMsg.nonIntegerCounts(frac));
}
