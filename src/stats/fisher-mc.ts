/**
 * Fisher's exact test for r×c tables by Monte Carlo (as R `fisher.test(simulate.p.value = TRUE)`):
 * tables with the observed margins are drawn by permuting the column labels of the individual
 * observations; the statistic is the table's log-probability up to a constant, −Σ log(nᵢⱼ!);
 * p = (1 + #{simulated ≤ observed·(1 + 64ε)⁻¹}) / (B + 1). O(B·N). Randomness from
 * `rng(seed, stream)`; the result records the seed. Reference: Agresti 2002, ch. 3;
 * Patefield 1981 doi:10.2307/2346669 (tables with fixed margins).
 * Oracle: R 4.2.2 exact `fisher.test` p, checked within Monte Carlo error.
 */
import { rng } from '../core/random.js';
import factorialln from '@stdlib/math-base-special-factorialln';

export interface FisherMonteCarloOptions {
  /** Number of simulated tables, ≥ 1. Default 2000 (as R). */
  replicates?: number;
  /** Seed of the generator. Default 42. */
  seed?: number;
  /** Stream of the generator (independent draws per task), ≥ 0. Default 0. */
  stream?: number;
}

export interface FisherMonteCarloResult {
  pValue: number;
  method: string;
  n: number;
  replicates: number;
  seed: number;
  warnings: string[];
}

/** Monte Carlo Fisher test of a row-major r×c table with `nrow` rows. */
export function fisherTestMonteCarlo(table: ArrayLike<number>, nrow: number, options: FisherMonteCarloOptions = {}): FisherMonteCarloResult {
  const B = options.replicates ?? 2000;
  const seed = options.seed ?? 42;
  const ncol = table.length / nrow;
  let N = 0;
  for (let i = 0; i < table.length; i++) N += table[i];
  const lf = new Float64Array(N + 1);
  for (let i = 0; i <= N; i++) lf[i] = factorialln(i);
  const rows = new Int32Array(N);
  const cols = new Int32Array(N);
  let p = 0;
  let obs = 0;
  for (let i = 0; i < nrow; i++)
    for (let j = 0; j < ncol; j++) {
      const c = table[i * ncol + j];
      obs -= lf[c];
      for (let t = 0; t < c; t++) {
        rows[p] = i;
        cols[p++] = j;
      }
    }
  const r = rng(seed, options.stream ?? 0);
  const cells = new Int32Array(nrow * ncol);
  const limit = obs / (1 + 64 * 2.220446049250313e-16);
  let count = 0;
  for (let b = 0; b < B; b++) {
    r.shuffle(cols);
    cells.fill(0);
    for (let t = 0; t < N; t++) cells[rows[t] * ncol + cols[t]]++;
    let s = 0;
    for (let q = 0; q < cells.length; q++) s -= lf[cells[q]];
    if (s <= limit) count++;
  }
  return {
    pValue: (1 + count) / (B + 1),
    method: `Fisher's Exact Test for Count Data with simulated p-value (based on ${B} replicates)`,
    n: N,
    replicates: B,
    seed,
    warnings: [],
  };
}
