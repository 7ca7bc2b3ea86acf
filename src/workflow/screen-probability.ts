/**
 * Predicted-probability curves for the top hits of the screen: for each binary endpoint, the
 * `top` numeric covariates with the smallest p are fitted one at a time by logistic regression
 * (Firth's penalised likelihood when the covariate separates the outcome, so the curve stays
 * finite), and the probability with its 95% band (link-scale SE transformed back) is evaluated
 * on an even grid from the covariate's minimum to its maximum.
 */
import { logisticRegression } from '../stats/logistic.js';
import { predictProbability } from '../stats/logistic-predict.js';

export interface ProbabilityRows {
  endpoint: string[];
  covariate: string[];
  x: number[];
  probability: number[];
  lower: number[];
  upper: number[];
  /** 'ml' or 'firth'. */
  method: string[];
}

export function probabilityBands(
  inputs: { ep: string; y: Float64Array; rows: { cov: string; p: number }[] }[],
  numeric: Map<string, Float64Array>,
  o: { top: number; points: number },
  warnings: string[],
): ProbabilityRows {
  const out: ProbabilityRows = { endpoint: [], covariate: [], x: [], probability: [], lower: [], upper: [], method: [] };
  for (const inp of inputs) {
    const best = inp.rows.filter((r) => !Number.isNaN(r.p)).sort((a, b) => a.p - b.p).slice(0, o.top);
    for (const b of best) {
      const x = numeric.get(b.cov)!;
      let fit = logisticRegression(inp.y, [x], { names: [b.cov] });
      let method = 'ml';
      if (fit.separation || !fit.converged) {
        fit = logisticRegression(inp.y, [x], { names: [b.cov], firth: true });
        method = 'firth';
      }
      for (const w of fit.warnings) warnings.push(`${b.cov} × ${inp.ep}: ${w}`);
      if (Number.isNaN(fit.coefficients[1])) continue;
      let lo = Infinity, hi = -Infinity;
      for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]) && !Number.isNaN(inp.y[i])) { lo = Math.min(lo, x[i]); hi = Math.max(hi, x[i]); }
      const grid = Array.from({ length: o.points }, (_, k) => (o.points === 1 ? lo : lo + ((hi - lo) * k) / (o.points - 1)));
      const band = predictProbability(fit, grid);
      for (let k = 0; k < grid.length; k++) {
        out.endpoint.push(inp.ep);
        out.covariate.push(b.cov);
        out.x.push(grid[k]);
        out.probability.push(band.probability[k]);
        out.lower.push(band.lower[k]);
        out.upper.push(band.upper[k]);
        out.method.push(method);
      }
    }
  }
  return out;
}
