/**
 * Univariate survival screen of every row of a features × samples matrix (genes or signature
 * scores against one outcome): Cox hazard ratio per row and the log-rank test at the row's
 * median. Work is split into fixed blocks of rows, so results are identical for any number of
 * workers. See `screen-kernel.ts` for the statistics. O(rows · samples · iterations).
 */
import { DataError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { toShared } from '../core/matrix.js';
import { blocks, inlineExecutor, type Executor, type Task } from '../core/pool.js';
import { validateOptions } from '../core/validate.js';
import { survivalMsg } from './messages.js';
import { allocScreen, SCREEN_FIELDS, survivalScreenBlock, type ScreenBlock, type ScreenKernelOptions } from './screen-kernel.js';

export interface SurvivalScreenOptions {
  /** Tie handling of the Cox fits: `efron` (default) or `breslow`. */
  ties?: 'efron' | 'breslow';
  /** Newton–Raphson iteration limit, default 20. */
  maxIter?: number;
  /** Convergence tolerance on the relative log-likelihood change, default 1e-9. */
  eps?: number;
  /** Hazard-ratio confidence level, default 0.95. */
  confLevel?: number;
  /** Rows per task, default 256 (fixes the split, not the number of workers). */
  blockSize?: number;
}

export type SurvivalScreenResult = ScreenBlock & { warnings: string[]; params: Required<SurvivalScreenOptions> };

const DEFAULTS: Required<SurvivalScreenOptions> = { ties: 'efron', maxIter: 20, eps: 1e-9, confLevel: 0.95, blockSize: 256 };

function prepare(x: Matrix, time: ArrayLike<number>, event: ArrayLike<number>, options: SurvivalScreenOptions) {
  const o = validateOptions(options, DEFAULTS, {
    ties: { type: 'enum', values: ['efron', 'breslow'] },
    maxIter: { type: 'number', min: 1, integer: true },
    eps: { type: 'number', min: 0, minExclusive: true },
    confLevel: { type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
    blockSize: { type: 'number', min: 1, integer: true },
  });
  if (time.length !== x.ncol) throw new DataError(survivalMsg.lengthMismatch('time', time.length, x.ncol));
  if (event.length !== x.ncol) throw new DataError(survivalMsg.lengthMismatch('event', event.length, x.ncol));
  for (let j = 0; j < x.ncol; j++) {
    if (Number.isNaN(time[j]) || Number.isNaN(event[j])) throw new DataError(survivalMsg.noSubjects() + ` (sample ${j + 1} has a missing time or event; drop it first)`);
    if (time[j] < 0) throw new DataError(survivalMsg.negativeTime(j, time[j]));
  }
  const kopts: ScreenKernelOptions = { ties: o.ties, maxIter: o.maxIter, eps: o.eps, confLevel: o.confLevel };
  return { o, kopts, t: Float64Array.from(time), e: Uint8Array.from(event, (v) => (v ? 1 : 0)) };
}

function assemble(nrow: number, parts: ScreenBlock[], ranges: [number, number][], o: Required<SurvivalScreenOptions>): SurvivalScreenResult {
  const out = allocScreen(nrow);
  parts.forEach((b, k) => {
    for (const f of SCREEN_FIELDS) (out[f] as Float64Array).set(b[f] as Float64Array, ranges[k][0]);
  });
  const warnings: string[] = [];
  let nc = 0;
  for (let i = 0; i < nrow; i++) if (!out.converged[i] && !Number.isNaN(out.coef[i])) nc++;
  if (nc) warnings.push(`${nc} row(s): ${survivalMsg.notConverged(o.maxIter)}`);
  return { ...out, warnings, params: o };
}

/** Screen in the calling thread. */
export function survivalScreen(x: Matrix, time: ArrayLike<number>, event: ArrayLike<number>, options: SurvivalScreenOptions = {}): SurvivalScreenResult {
  const { o, kopts, t, e } = prepare(x, time, event, options);
  const ranges = blocks(x.nrow, o.blockSize);
  const parts = ranges.map(([s, en]) => survivalScreenBlock(x.data, x.ncol, s, en, t, e, kopts));
  return assemble(x.nrow, parts, ranges, o);
}

/** Screen on an executor (e.g. `createWorkerPool` from `sigscore/node`); the matrix is shared, not copied. */
export async function survivalScreenParallel(
  x: Matrix, time: ArrayLike<number>, event: ArrayLike<number>,
  options: SurvivalScreenOptions & { executor?: Executor } = {},
): Promise<SurvivalScreenResult> {
  const { executor, ...rest } = options;
  const { o, kopts, t, e } = prepare(x, time, event, rest);
  const ex = executor ?? inlineExecutor();
  const xs = ex.size > 1 ? toShared(x) : x;
  const ranges = blocks(x.nrow, o.blockSize);
  const tasks: Task<Parameters<typeof survivalScreenBlock>, ScreenBlock>[] = ranges.map(([s, en]) => ({
    module: new URL('./screen-kernel.' + (import.meta.url.endsWith('.ts') ? 'ts' : 'js'), import.meta.url).href,
    fn: 'survivalScreenBlock',
    args: [xs.data, x.ncol, s, en, t, e, kopts],
    impl: survivalScreenBlock,
  }));
  const parts = await ex.run(tasks);
  return assemble(x.nrow, parts, ranges, o);
}
