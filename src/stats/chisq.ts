/**
 * Pearson's χ² test of independence on an r×c table of counts, as R `chisq.test(x)`:
 * E = rowsum·colsum/N, X² = Σ(|O − E| − Y)²/E with Yates' Y = min(0.5, min |O − E|) for 2×2
 * tables (when `correct`) and Y = 0 otherwise; p = P(χ²_{(r−1)(c−1)} > X²). O(rc).
 * Reference: Pearson 1900 doi:10.1080/14786440009463897; Yates 1934 doi:10.2307/2983604.
 * Oracle: R 4.2.2 `chisq.test` (statistic, parameter, p).
 */
import { pchisqUpper } from './tails.js';
import { statsMsg } from './messages.js';

export interface ChisqOptions {
  /** Yates' continuity correction for 2×2 tables. Default true (as R). */
  correct?: boolean;
}

export interface ChisqResult {
  statistic: number;
  df: number;
  pValue: number;
  method: string;
  n: number;
  /** Expected counts, row-major r×c. */
  expected: Float64Array;
  warnings: string[];
}

/** χ² test of a row-major table with `nrow` rows. */
export function chisqTest(table: ArrayLike<number>, nrow: number, options: ChisqOptions = {}): ChisqResult {
  const correct = options.correct ?? true;
  const ncol = table.length / nrow;
  if (!Number.isInteger(ncol)) throw new RangeError(`chisq: table length ${table.length} is not a multiple of ${nrow} rows`);
  const rs = new Float64Array(nrow);
  const cs = new Float64Array(ncol);
  let N = 0;
  for (let i = 0; i < nrow; i++)
    for (let j = 0; j < ncol; j++) {
      const o = table[i * ncol + j];
      rs[i] += o;
      cs[j] += o;
      N += o;
    }
  const warnings: string[] = [];
  const E = new Float64Array(nrow * ncol);
  for (let i = 0; i < nrow; i++) for (let j = 0; j < ncol; j++) E[i * ncol + j] = (rs[i] * cs[j]) / N;
  const is2x2 = nrow === 2 && ncol === 2;
  const res: ChisqResult = {
    statistic: NaN, df: (nrow - 1) * (ncol - 1), pValue: NaN,
    method: is2x2 && correct ? "Pearson's Chi-squared test with Yates' continuity correction" : "Pearson's Chi-squared test",
    n: N, expected: E, warnings,
  };
  let yates = 0;
  if (is2x2 && correct) {
    yates = 0.5;
    for (let k = 0; k < 4; k++) yates = Math.min(yates, Math.abs(table[k] - E[k]));
  }
  let x2 = 0;
  let small = false;
  for (let k = 0; k < E.length; k++) {
    if (E[k] < 5) small = true;
    const d = Math.abs(table[k] - E[k]) - yates;
    x2 += (d * d) / E[k];
  }
  if (!Number.isFinite(x2)) {
    warnings.push(statsMsg.zeroExpected('chisq'));
    return res;
  }
  if (small) warnings.push(statsMsg.chisqApprox());
  res.statistic = x2;
  res.pValue = pchisqUpper(x2, res.df);
  return res;
}
