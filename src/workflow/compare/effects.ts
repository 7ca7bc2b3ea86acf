/**
 * Per-cohort effect of a signature score on an outcome, per standard deviation of the score:
 * log odds ratio of response (logistic regression) and log hazard ratio of an event (Cox).
 * The score is standardised over the complete cases, z = (x − x̄)/s (s with n − 1), so effects of
 * cohorts scored on different scales are comparable and can be pooled.
 */
import { logisticRegression } from '../../stats/logistic.js';
import { coxph } from '../../survival/cox.js';
import { compareMsg } from './messages.js';

/** One cohort's effect on the log scale with its standard error. */
export interface PerSdEffect {
  /** log OR or log HR per SD of the score (NaN when it cannot be fitted). */
  estimate: number;
  se: number;
  /** Wald p = 2Φ(−|estimate/se|). */
  pValue: number;
  /** Complete cases used. */
  n: number;
  /** Responders (logistic) or events (Cox) among them. */
  events: number;
  converged: boolean;
  warnings: string[];
}

/** Complete cases of `score` and the `others`, the score standardised; O(n). */
function standardised(score: ArrayLike<number>, others: readonly ArrayLike<number>[]): { z: Float64Array; rows: number[]; sd: number } {
  const rows: number[] = [];
  for (let i = 0; i < score.length; i++) if (Number.isFinite(score[i]) && others.every((o) => Number.isFinite(o[i]))) rows.push(i);
  const n = rows.length;
  let m = 0;
  for (const i of rows) m += score[i];
  m /= n;
  let ss = 0;
  for (const i of rows) ss += (score[i] - m) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  return { z: Float64Array.from(rows, (i) => (score[i] - m) / sd), rows, sd };
}

const failed = (n: number, events: number, warning: string): PerSdEffect =>
  ({ estimate: NaN, se: NaN, pValue: NaN, n, events, converged: false, warnings: [warning] });

/**
 * Log odds ratio of a binary response (0/1) per SD of `score`: logit P(y = 1) = β₀ + β₁·z.
 * NaN pairs dropped. O(n·iterations). Logistic regression checked against R `glm` (test/stats).
 */
export function logOddsPerSd(score: ArrayLike<number>, response: ArrayLike<number>): PerSdEffect {
  const { z, rows, sd } = standardised(score, [response]);
  const n = rows.length;
  const y = rows.map((i) => response[i]);
  const events = y.filter((v) => v === 1).length;
  if (n < 3 || !(sd > 0) || events === 0 || events === n) return failed(n, events, compareMsg.cannotFit('logistic', n, events, sd));
  const fit = logisticRegression(y, [Array.from(z)]);
  return { estimate: fit.coefficients[1], se: fit.se[1], pValue: fit.pValue[1], n, events, converged: fit.converged, warnings: fit.warnings };
}

export interface HazardPerSdOptions {
  /** Tie handling of the Cox partial likelihood: `efron` (default, as R `coxph`) or `breslow`. */
  ties?: 'efron' | 'breslow';
  /** Name of the endpoint in warnings. Default `survival`. */
  endpoint?: string;
}

/**
 * Log hazard ratio per SD of `score` from a Cox model h(t | z) = h₀(t)·exp(β·z) with Efron ties;
 * se = I(β̂)^−½, p = 2Φ(−|β̂/se|). `event` is 1 (event) / 0 (censored); subjects with a NaN score,
 * time or event are dropped. No events, fewer than 3 subjects or a constant score give NaN and a
 * warning (the cohort then drops out of the pooling), never an exception.
 * O(n log n + iterations·n).
 * Reference: Cox 1972 doi:10.1111/j.2517-6161.1972.tb00899.x; Efron 1977
 * doi:10.1080/01621459.1977.10480613. Checked against R survival 3.5-3 `coxph(Surv(t, e) ~ z)` on the
 * eight ICB cohorts (test/conformance/compare).
 */
export function logHazardPerSd(score: ArrayLike<number>, time: ArrayLike<number>, event: ArrayLike<number>, options: HazardPerSdOptions = {}): PerSdEffect {
  const endpoint = options.endpoint ?? 'survival';
  const { z, rows, sd } = standardised(score, [time, event]);
  const n = rows.length;
  let events = 0;
  for (const i of rows) if (event[i]) events++;
  if (n >= 1 && events === 0) return failed(n, 0, compareMsg.noEvents(endpoint));
  if (n < 3 || !(sd > 0)) return failed(n, events, compareMsg.cannotFit(`${endpoint} Cox`, n, events, sd));
  const fit = coxph(Float64Array.from(rows, (i) => time[i]), Float64Array.from(rows, (i) => (event[i] ? 1 : 0)), z, {
    ties: options.ties ?? 'efron', names: ['score'], concordance: false,
  });
  return { estimate: fit.coef[0], se: fit.se[0], pValue: fit.p[0], n, events, converged: fit.converged, warnings: fit.warnings };
}
