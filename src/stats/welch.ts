/**
 * Welch two-sample t-test with R `t.test(x, y)` semantics (var.equal = FALSE):
 * t = (x̄ − ȳ)/√(s²ₓ/m + s²ᵧ/n), df = (s²ₓ/m + s²ᵧ/n)² / ((s²ₓ/m)²/(m−1) + (s²ᵧ/n)²/(n−1))
 * (Welch 1947, doi:10.1093/biomet/34.1-2.28); p from the t tail on the small side. NaN values are
 * dropped; fewer than 2 values in a group or zero variance in both gives NaN. O(m + n).
 * Oracle: R 4.2.2 `t.test` — test/stats/welch.test.ts.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import type { Alternative } from './rank-sum.js';

export interface WelchOptions {
  /** 'two.sided' (default), 'less' or 'greater'. */
  alternative?: Alternative;
}

export interface WelchResult {
  statistic: number;
  df: number;
  pValue: number;
  /** x̄ − ȳ. */
  estimate: number;
  nx: number;
  ny: number;
}

function meanVar(a: ArrayLike<number>): [number, number, number] {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v !== v) continue;
    n++;
    const d = v - mean;
    mean += d / n;
    m2 += d * (v - mean);
  }
  return [n, n > 0 ? mean : NaN, n > 1 ? m2 / (n - 1) : NaN];
}

export function welchTest(x: ArrayLike<number>, y: ArrayLike<number>, options: WelchOptions = {}): WelchResult {
  const alternative = options.alternative ?? 'two.sided';
  const [m, mx, vx] = meanVar(x);
  const [n, my, vy] = meanVar(y);
  const estimate = mx - my;
  const a = vx / m;
  const b = vy / n;
  const se2 = a + b;
  const fa = a / se2;
  const fb = b / se2;
  const df = 1 / ((fa * fa) / (m - 1) + (fb * fb) / (n - 1)); // scaled form: no overflow of se2²
  const t = estimate / Math.sqrt(se2);
  let p = NaN;
  if (m >= 2 && n >= 2 && se2 > 0) {
    if (alternative === 'two.sided') p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
    else if (alternative === 'greater') p = tCdf(-t, df);
    else p = tCdf(t, df);
  }
  const ok = m >= 2 && n >= 2 && se2 > 0;
  return { statistic: ok ? t : NaN, df: ok ? df : NaN, pValue: p, estimate, nx: m, ny: n };
}
