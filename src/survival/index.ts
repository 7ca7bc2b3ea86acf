/**
 * Survival analysis: survival data, Kaplan–Meier, log-rank, Cox regression, concordance,
 * cut-points and risk groups. Checked against R survival 3.5-3 and maxstat 0.7-25.
 *
 * Main entry points:
 * - `survivalData(time, event, { eventCode })` → { time, event (Uint8Array 1/0), index, dropped }.
 *   Codings `auto` | `0/1` | `1/2` | `TRUE/FALSE` | `<censored>/<event>`.
 * - `coxph(time, event, X, { ties: 'efron'|'breslow', strata, names, maxIter, eps, confLevel })`
 *   where X is a flat n × p row-major Float64Array (names in `names`) or a list of named columns
 *   (`{ name, values: number[] }` numeric, `{ name, values: string[] }` or `{ name, codes, levels }`
 *   categorical → treatment contrasts). Returns terms, coef, se, hr, hrLower, hrUpper, z, p,
 *   variance, loglik [ℓ0, ℓ], wald/lr/score {chisq, df, p}, concordance, n, events, dropped,
 *   converged, iterations, warnings.
 * - `logrank(time, event, group, { rho, strata, levels, trendScores })` → groups, n, observed,
 *   expected, variance, chisq, df, p, trend {chisq, p}, warnings.
 * - `splitSurvival(time, event, marker, { cut: 'median'|'optimal'|number, name, minprop, maxprop,
 *   permutations, seed })` → cut (cutpoint result), split (groups `name<=cut` / `name>cut`), km,
 *   logrank, cox (HR high vs low); `dichotomise(values, cut, { name })` alone.
 */
export * from './messages.js';
export * from './data.js';
export * from './logrank.js';
export * from './concordance.js';
export * from './cox-design.js';
export * from './cox.js';
export * from './km.js';
export * from './km-summary.js';
export * from './cox-zph.js';
export * from './maxstat.js';
export * from './cutpoint.js';
export * from './riskgroups.js';
export * from './split.js';
export * from './screen-kernel.js';
export * from './screen.js';
