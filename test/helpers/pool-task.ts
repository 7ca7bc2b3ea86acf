/** A task module used by the pool tests: sums squares of a block with per-task randomness. */
import { rng } from '../../src/core/random.js';

export function sumBlock(data: Float64Array, start: number, end: number, seed: number, task: number): number {
  const r = rng(seed, task);
  let s = 0;
  for (let i = start; i < end; i++) s += data[i] * data[i] + r.uniform();
  return s;
}
