/**
 * Covariates for forests: a column-major numeric matrix (x[v·n + i]) with names. Categorical
 * covariates are coded once, before growing, by ordering their levels by the outcome (as ranger's
 * `respect.unordered.factors = "order"`): by the proportion of class 1 (binary), the mean class
 * code (multiclass), or the Nelson–Aalen-free proxy mean event indicator ÷ mean time (survival),
 * so that any split on the codes is a split into two sets of levels.
 */
import { DataError } from '../../core/errors.js';

export interface ForestData {
  n: number;
  p: number;
  /** Column-major covariates, x[v * n + i]. */
  x: Float64Array;
  names: string[];
}

export type Outcome =
  | { kind: 'binary' | 'class'; y: Int32Array; classes: number }
  | { kind: 'survival'; time: Float64Array; status: Uint8Array };

export interface CovariateColumn {
  name: string;
  /** Numeric values (NaN missing), or level labels for categorical (null missing). */
  values: Float64Array | (string | null)[];
}

/** Build the forest matrix; missing values are an error naming the covariates (or imputed). */
export function forestData(
  columns: readonly CovariateColumn[],
  outcome: Outcome,
  options: { impute?: boolean } = {},
): { data: ForestData; imputed: string[]; levelOrder: Map<string, string[]> } {
  const n = outcome.kind === 'survival' ? outcome.time.length : outcome.y.length;
  const p = columns.length;
  const x = new Float64Array(n * p);
  const missing: string[] = [];
  const imputed: string[] = [];
  const levelOrder = new Map<string, string[]>();
  const score = (i: number): number =>
    outcome.kind === 'survival' ? outcome.status[i] / Math.max(outcome.time[i], 1e-12) : outcome.y[i];
  columns.forEach((c, v) => {
    if (c.values.length !== n) throw new RangeError(`covariate ${c.name} has ${c.values.length} values for ${n} samples`);
    if (c.values instanceof Float64Array) {
      let miss = 0, sum = 0, cnt = 0;
      const sorted: number[] = [];
      for (let i = 0; i < n; i++) {
        const val = c.values[i];
        if (Number.isNaN(val)) miss++;
        else {
          sum += val;
          cnt++;
          sorted.push(val);
        }
        x[v * n + i] = val;
      }
      if (miss) {
        if (!options.impute) missing.push(c.name);
        else {
          sorted.sort((a, b) => a - b);
          const med = cnt ? (cnt % 2 ? sorted[(cnt - 1) / 2] : (sorted[cnt / 2 - 1] + sorted[cnt / 2]) / 2) : 0;
          for (let i = 0; i < n; i++) if (Number.isNaN(x[v * n + i])) x[v * n + i] = med;
          imputed.push(`${c.name}: ${miss} value(s) set to the median ${med}`);
        }
      }
      void sum;
    } else {
      const vals = c.values;
      const stat = new Map<string, { s: number; k: number }>();
      let miss = 0;
      for (let i = 0; i < n; i++) {
        const l = vals[i];
        if (l === null) {
          miss++;
          continue;
        }
        const e = stat.get(l) ?? { s: 0, k: 0 };
        e.s += score(i);
        e.k++;
        stat.set(l, e);
      }
      const levels = [...stat.keys()].sort((a, b) => stat.get(a)!.s / stat.get(a)!.k - stat.get(b)!.s / stat.get(b)!.k || (a < b ? -1 : 1));
      levelOrder.set(c.name, levels);
      const code = new Map(levels.map((l, k) => [l, k] as const));
      let mode = 0;
      let best = -1;
      levels.forEach((l, k) => {
        if (stat.get(l)!.k > best) {
          best = stat.get(l)!.k;
          mode = k;
        }
      });
      if (miss && !options.impute) missing.push(c.name);
      else if (miss) imputed.push(`${c.name}: ${miss} value(s) set to the mode ${levels[mode]}`);
      for (let i = 0; i < n; i++) x[v * n + i] = vals[i] === null ? mode : code.get(vals[i] as string)!;
    }
  });
  if (missing.length) {
    throw new DataError(
      `missing values in ${missing.length} covariate(s): ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}; drop them or use --impute`,
    );
  }
  return { data: { n, p, x, names: columns.map((c) => c.name) }, imputed, levelOrder };
}
