/**
 * Kaplan–Meier estimator (Kaplan & Meier 1958, doi:10.1080/01621459.1958.10501452) with
 * Greenwood's variance, per group.
 *
 * At each distinct time t (events or censorings) with n at risk and d events:
 *   Ŝ(t) = Π (1 − d/n),  σ²(t) = Σ d / (n(n − d))  (variance of log Ŝ = of the cumulative hazard),
 *   SE(Ŝ) = Ŝ·σ.
 * Confidence intervals (z = Φ⁻¹(1 − α/2)):
 *   log (default, as R):  Ŝ·exp(±zσ), upper capped at 1
 *   log-log:              exp(−exp(log(−log Ŝ) ∓ zσ/|log Ŝ|))
 *   plain:                Ŝ ± z·Ŝ·σ, clipped to [0, 1]
 * Undefined limits (Ŝ = 0, or σ infinite) are NaN. O(n log n).
 * Checked against R survival 3.5-3 `survfit` (time, n.risk, n.event, n.censor, surv, std.err, lower, upper).
 */
import { validateOptions } from '../core/validate.js';
import { checkLengths, factor } from './data.js';
import { qnorm } from './dist.js';
import { orderAscending } from './order.js';

export type ConfType = 'log' | 'log-log' | 'plain';

export interface KaplanMeierOptions {
  /** Group label per subject; one curve per level. Default: one curve named `all`. */
  group?: ArrayLike<string | number | null> | null;
  /** Order of the group levels (default: numbers ascending, strings sorted). */
  levels?: readonly string[] | null;
  /** Confidence interval type: `log` (default), `log-log`, `plain`. */
  confType?: ConfType;
  /** Confidence level, default 0.95, in (0, 1). */
  confLevel?: number;
}

export interface KmCurve {
  group: string;
  n: number;
  events: number;
  time: Float64Array;
  nRisk: Float64Array;
  nEvent: Float64Array;
  nCensor: Float64Array;
  surv: Float64Array;
  /** Standard error of Ŝ (Greenwood), as `summary(survfit)` reports it. */
  stdErr: Float64Array;
  /** Standard error of the cumulative hazard (σ), as `survfit()$std.err`. */
  stdErrCumhaz: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

export interface KaplanMeierResult {
  curves: KmCurve[];
  confType: ConfType;
  confLevel: number;
  /** Subjects dropped for a missing time, event or group. */
  dropped: number;
  warnings: string[];
}

const DEFAULTS: Required<KaplanMeierOptions> = { group: null, levels: null, confType: 'log', confLevel: 0.95 };

export function kaplanMeier(time: ArrayLike<number>, event: ArrayLike<number>, options: KaplanMeierOptions = {}): KaplanMeierResult {
  const o = validateOptions(options, DEFAULTS, {
    group: { type: 'any' },
    levels: { type: 'any' },
    confType: { type: 'enum', values: ['log', 'log-log', 'plain'] },
    confLevel: { type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
  });
  checkLengths(time, event, ['group', o.group ?? undefined]);
  const g = o.group ? factor(o.group, o.levels ?? undefined) : { codes: new Int32Array(time.length), levels: ['all'] };
  const z = qnorm(1 - (1 - o.confLevel) / 2);
  const members: number[][] = g.levels.map(() => []);
  let dropped = 0;
  for (let i = 0; i < time.length; i++) {
    if (g.codes[i] < 0 || Number.isNaN(time[i]) || Number.isNaN(event[i])) dropped++;
    else members[g.codes[i]].push(i);
  }
  const curves = g.levels.map((lv, k) => {
    const idx = members[k];
    const t = Float64Array.from(idx, (i) => time[i]);
    const e = Float64Array.from(idx, (i) => (event[i] ? 1 : 0));
    return { group: lv, ...kmCurve(t, e, o.confType, z) };
  });
  return { curves, confType: o.confType, confLevel: o.confLevel, dropped, warnings: [] };
}

/** One curve from complete data. */
export function kmCurve(t: Float64Array, e: Float64Array, confType: ConfType, z: number): Omit<KmCurve, 'group'> {
  const n = t.length;
  const ord = orderAscending(t, e);
  const T: number[] = [], R: number[] = [], D: number[] = [], C: number[] = [];
  let j = 0, events = 0;
  while (j < n) {
    const tj = t[ord[j]];
    let d = 0, c = 0;
    const atRisk = n - j;
    while (j < n && t[ord[j]] === tj) {
      if (e[ord[j]]) d++;
      else c++;
      j++;
    }
    events += d;
    T.push(tj); R.push(atRisk); D.push(d); C.push(c);
  }
  const m = T.length;
  const surv = new Float64Array(m), se = new Float64Array(m), sig = new Float64Array(m);
  const lower = new Float64Array(m), upper = new Float64Array(m);
  let s = 1, v = 0;
  for (let k = 0; k < m; k++) {
    const d = D[k], r = R[k];
    if (d > 0) {
      s *= 1 - d / r;
      v += r > d ? d / (r * (r - d)) : Infinity;
    }
    surv[k] = s;
    sig[k] = Number.isFinite(v) ? Math.sqrt(v) : NaN;
    se[k] = s * sig[k];
    [lower[k], upper[k]] = confLimits(s, sig[k], confType, z);
  }
  return {
    n, events,
    time: Float64Array.from(T), nRisk: Float64Array.from(R), nEvent: Float64Array.from(D), nCensor: Float64Array.from(C),
    surv, stdErr: se, stdErrCumhaz: sig, lower, upper,
  };
}

/** Pointwise confidence limits for Ŝ with σ = SE(log Ŝ). */
export function confLimits(s: number, sigma: number, type: ConfType, z: number): [number, number] {
  if (!Number.isFinite(sigma) || s === 0) return [NaN, NaN];
  if (type === 'log') return [s * Math.exp(-z * sigma), Math.min(1, s * Math.exp(z * sigma))];
  if (type === 'plain') return [Math.max(0, s - z * s * sigma), Math.min(1, s + z * s * sigma)];
  if (s === 1) return [NaN, NaN];
  const ll = Math.log(-Math.log(s));
  const w = (z * sigma) / Math.abs(Math.log(s));
  return [Math.exp(-Math.exp(ll + w)), Math.exp(-Math.exp(ll - w))];
}
