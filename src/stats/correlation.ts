/**
 * Pearson and Spearman correlation tests, as R `cor.test` (two-sided).
 * Pearson: r, t = r√(n−2)/√(1−r²), p from t_{n−2}, CI tanh(atanh r ± z_{1−α/2}/√(n−3)) (n > 3).
 * Spearman: ρ = Pearson r of average ranks, S = (n³−n)(1−ρ)/6; exact p (AS 89, see
 * `spearman-exact.ts`) when n < 1290 and there are no ties, else the t approximation
 * t = ρ√((n−2)/(1−ρ²)). Pairs with a NaN are dropped. O(n log n).
 * References: Fisher 1915 doi:10.2307/2331838; Spearman 1904 doi:10.2307/1412159.
 * Oracle: R 4.2.2 `cor.test` (estimate, statistic, p, conf.int).
 */
import { averageRanks } from './ranks.js';
import { ptTwoSided, qnorm } from './tails.js';
import { prho } from './spearman-exact.js';
import { statsMsg } from './messages.js';

export interface CorrelationOptions {
  /** 'pearson' or 'spearman'. Default 'pearson'. */
  method?: 'pearson' | 'spearman';
  /** Spearman exact p when no ties: 'auto' (n < 1290, as R), true or false. Default 'auto'. */
  exact?: boolean | 'auto';
  /** Confidence level of Pearson's CI. Default 0.95. */
  confLevel?: number;
}

export interface CorrelationResult {
  estimate: number;
  /** t (Pearson) or S (Spearman). */
  statistic: number;
  pValue: number;
  /** Fisher-z CI of Pearson's r (NaN for Spearman or n ≤ 3). */
  lower: number;
  upper: number;
  method: string;
  n: number;
  warnings: string[];
}

/** Pearson correlation of two equal-length arrays (no NaN), two-pass for accuracy. */
export function pearsonR(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Correlation test of x and y. */
export function correlationTest(xIn: ArrayLike<number>, yIn: ArrayLike<number>, options: CorrelationOptions = {}): CorrelationResult {
  const method = options.method ?? 'pearson';
  const confLevel = options.confLevel ?? 0.95;
  if (xIn.length !== yIn.length) throw new RangeError(statsMsg.lengthMismatch('cor', xIn.length, yIn.length));
  let n = 0;
  for (let i = 0; i < xIn.length; i++) if (!Number.isNaN(xIn[i]) && !Number.isNaN(yIn[i])) n++;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  n = 0;
  for (let i = 0; i < xIn.length; i++)
    if (!Number.isNaN(xIn[i]) && !Number.isNaN(yIn[i])) { x[n] = xIn[i]; y[n++] = yIn[i]; }
  const warnings: string[] = [];
  const res: CorrelationResult = {
    estimate: NaN, statistic: NaN, pValue: NaN, lower: NaN, upper: NaN,
    method: method === 'pearson' ? "Pearson's product-moment correlation" : "Spearman's rank correlation rho",
    n, warnings,
  };
  if (n < 3) {
    warnings.push(statsMsg.tooFew(method, n, 3));
    return res;
  }
  if (method === 'pearson') {
    const r = pearsonR(x, y);
    if (Number.isNaN(r)) { warnings.push(statsMsg.constantData('pearson')); return res; }
    const df = n - 2;
    res.estimate = r;
    res.statistic = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
    res.pValue = ptTwoSided(res.statistic, df);
    if (n > 3) {
      const z = Math.atanh(r);
      const s = 1 / Math.sqrt(n - 3);
      const q = qnorm((1 + confLevel) / 2);
      res.lower = Math.tanh(z - s * q);
      res.upper = Math.tanh(z + s * q);
    }
    return res;
  }
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const r = pearsonR(rx.ranks, ry.ranks);
  if (Number.isNaN(r)) { warnings.push(statsMsg.constantData('spearman')); return res; }
  res.estimate = r;
  const q = ((n * n * n - n) * (1 - r)) / 6;
  res.statistic = q;
  const ties = rx.hasTies || ry.hasTies;
  const exactWanted = options.exact === undefined || options.exact === 'auto' ? n < 1290 : options.exact;
  if (exactWanted && ties) warnings.push(statsMsg.tiesNoExact('spearman'));
  res.pValue = spearmanP(q, n, r, exactWanted && !ties && n <= 1290);
  return res;
}

/** Two-sided p of Spearman's S = q for n pairs (R `cor.test` rule). */
export function spearmanP(q: number, n: number, r: number, exact: boolean): number {
  if (exact) {
    const p = q > (n * n * n - n) / 6 ? prho(Math.round(q - 1), n, false) : prho(Math.round(q) + 2, n, true);
    return Math.min(2 * p, 1);
  }
  const t = r / Math.sqrt((1 - r * r) / (n - 2));
  return ptTwoSided(t, n - 2);
}
