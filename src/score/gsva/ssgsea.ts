/**
 * Single-sample GSEA (Barbie et al. 2009, doi:10.1038/nature08460) as GSVA 1.46.0
 * `gsva(method = "ssgsea")` computes it, equal to 1e-6 (test/gsva, scripts/gsva-fixtures.R).
 *
 * Every gene is kept (constant genes too). Sets are matched to the matrix, then filtered by
 * minSize/maxSize (size-one sets kept with a warning; no set left → DataError). Per sample the
 * genes are ranked and each set scored by ssgsea-score.ts; with normalize 'matrix-range' every
 * score is divided by (max − min) of the whole score matrix, so scores depend on which sets and
 * samples are scored together. A matrix with missing values is rejected (GSVA 1.46 returns NA
 * for every score).
 *
 * Contract: always asynchronous; bit-identical for any executor (fixed sample blocks).
 * Cost: O(n·(G log G + Σ K)). Memory: input (+ a shared copy for multi-worker executors) +
 * O(sampleBlockSize × G) scratch per running task; no statistic matrix.
 */
import type { ExpressionSet } from '../../core/expression-set.js';
import type { GeneSet } from '../../core/gene-set.js';
import { DataError } from '../../core/errors.js';
import { createMatrix, toShared } from '../../core/matrix.js';
import { blocks, inlineExecutor, type Task } from '../../core/pool.js';
import { validateOptions } from '../../core/validate.js';
import { ssgseaDefaults, ssgseaSpec, type EnrichmentScores, type SsgseaOptions } from './options.js';
import { countNonFinite, packSets } from './prepare.js';
import { gsvaMsg } from './messages.js';
import { ssgseaTask } from './tasks.js';

const TASKS = new URL(import.meta.url.endsWith('.ts') ? './tasks.ts' : './tasks.js', import.meta.url).href;

export async function ssgsea(expr: ExpressionSet, sets: readonly GeneSet[], options: Partial<SsgseaOptions> = {}): Promise<EnrichmentScores> {
  const o = validateOptions(options, ssgseaDefaults, ssgseaSpec);
  const warnings: string[] = [];
  const { nrow, ncol } = expr.x;
  if (nrow === 0 || ncol === 0) throw new DataError(gsvaMsg.emptyMatrix('ssgsea'));
  const bad = countNonFinite(expr.x.data);
  if (bad) throw new DataError(gsvaMsg.missingValues('ssgsea', bad));
  const packed = packSets(sets, expr.genes, o.minSize, o.maxSize, warnings);

  const executor = o.executor ?? inlineExecutor();
  const shared = executor.size > 1;
  const x = shared ? toShared(expr.x).data : expr.x.data;
  const nSets = packed.ids.length;
  const scores = createMatrix(nSets, ncol, { shared });
  const tasks: Task[] = blocks(ncol, o.sampleBlockSize).map(([s0, s1]) => ({
    module: TASKS, fn: 'ssgseaTask', impl: ssgseaTask as Task['impl'],
    args: [x, nrow, ncol, s0, s1, packed.offsets, packed.rows, o.alpha, scores.data],
  }));
  await executor.run(tasks);

  const out = shared ? Float64Array.from(scores.data) : scores.data;
  if (o.normalize === 'matrix-range') {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < out.length; i++) {
      if (out[i] < lo) lo = out[i];
      if (out[i] > hi) hi = out[i];
    }
    const range = hi - lo;
    if (!(range > 0)) warnings.push(gsvaMsg.zeroRange());
    for (let i = 0; i < out.length; i++) out[i] /= range;
  }
  const { executor: _e, ...params } = o;
  return {
    scores: { nrow: nSets, ncol, data: out },
    setIds: packed.ids,
    samples: expr.samples.slice(),
    sizes: packed.sizes,
    params: { method: 'ssgsea', ...params },
    warnings,
  };
}
