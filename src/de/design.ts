/**
 * Design matrix from a sample table and a formula, as R's `model.matrix` with treatment
 * contrasts: an intercept column `(Intercept)`; per categorical variable one 0/1 column
 * `<label><level>` per non-reference level (all levels when the term without it is not in the
 * model, e.g. the first factor without an intercept); a numeric variable contributes its values;
 * an interaction term contributes the products of its variables' columns, named `a:b` with the
 * first variable varying fastest (`groupB:age`, `responseR:batchb2`). Levels are sorted; the
 * reference is the first level unless `ref` names another. Samples are joined by id: expression
 * samples missing from the table, and samples with a missing covariate, are left out and
 * reported in `warnings`. O(n·p). Oracle: R 4.2.2 `model.matrix` (column names and order).
 */
import type { SampleTable, Column } from '../core/sample-table.js';
import { matchSamples } from '../core/sample-table.js';
import { DataError, UsageError } from '../core/errors.js';
import type { DesignMatrix } from './lm-fit.js';
import { parseFormula } from './formula.js';
import { deMsg } from './messages.js';

export interface DesignOptions {
  /** Reference level per term (column name or `factor(x)` label). Default: first sorted level. */
  ref?: Map<string, string>;
}

/** How a design term maps to columns. */
export interface DesignTerm {
  label: string;
  kind: 'categorical' | 'numeric' | 'interaction';
  /** Levels present among the used samples, reference first (categorical only). */
  levels: string[];
  /** Coefficient index of each level (−1 for the reference, which has no column). */
  levelColumn: number[];
  /** Coefficient indices of the term's columns (all kinds). */
  columns: number[];
}

export interface DesignResult {
  design: DesignMatrix;
  /** Indices (into the given sample ids) of the samples used, in order. */
  used: Int32Array;
  usedIds: string[];
  terms: DesignTerm[];
  /** Level of each categorical variable per used sample. */
  groups: Map<string, string[]>;
  formula: string;
  warnings: string[];
  /** Expression samples absent from the table, and table rows absent from the data. */
  unmatched: { missingInTable: string[]; missingInData: string[] };
}

function levelsOf(col: Column, rows: Int32Array, factor: boolean): string[] | null {
  if (col.kind !== 'numeric') return Array.from(rows, (r) => (col.codes[r] < 0 ? '' : col.levels[col.codes[r]]));
  if (!factor) return null;
  return Array.from(rows, (r) => (Number.isNaN(col.values[r]) ? '' : String(col.values[r])));
}

/** One variable's columns within a term: names and values (n each). */
interface Piece { names: string[]; values: Float64Array[] }

export function designFromFormula(table: SampleTable, sampleIds: readonly string[], formula: string, options: DesignOptions = {}): DesignResult {
  const parsed = parseFormula(formula);
  const warnings: string[] = [];
  const available = [...table.columns.keys()];
  const cols = parsed.variables.map((v) => {
    const c = table.columns.get(v.column);
    if (!c) throw new UsageError(deMsg.unknownTerm(v.column, available));
    return c;
  });
  const labels = new Set(parsed.variables.flatMap((v) => [v.label, v.column]));
  for (const key of options.ref?.keys() ?? []) if (!labels.has(key)) throw new UsageError(deMsg.refNotInDesign(key));
  const match = matchSamples(table, sampleIds);
  if (match.missingInTable.length) warnings.push(deMsg.unmatched(match.missingInTable.length, 'in the data but not in the sample table (left out)', match.missingInTable));
  if (match.missingInData.length) warnings.push(deMsg.unmatched(match.missingInData.length, 'in the sample table but not in the data', match.missingInData));
  // keep samples present in the table with complete covariates
  const keep: number[] = [];
  const incomplete: string[] = [];
  sampleIds.forEach((id, j) => {
    const r = match.rows[j];
    if (r < 0) return;
    const complete = cols.every((c) => (c.kind === 'numeric' ? !Number.isNaN(c.values[r]) : c.codes[r] >= 0));
    if (complete) keep.push(j);
    else incomplete.push(id);
  });
  if (incomplete.length) warnings.push(deMsg.missingCovariates(incomplete.length, incomplete));
  const rows = Int32Array.from(keep, (j) => match.rows[j]);
  const n = rows.length;
  // per variable: numeric values, or levels (reference first) and the level of each sample
  const groups = new Map<string, string[]>();
  const vars = parsed.variables.map((v, vi) => {
    const col = cols[vi];
    const lv = levelsOf(col, rows, v.factor);
    if (!lv) {
      const num = col as Extract<Column, { kind: 'numeric' }>;
      return { label: v.label, values: Float64Array.from(rows, (r) => num.values[r]), levels: null, lv: null };
    }
    let levels = [...new Set(lv)].sort((a, b) => (v.factor ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
    const ref = options.ref?.get(v.label) ?? options.ref?.get(v.column);
    if (ref !== undefined) {
      if (!levels.includes(ref)) throw new UsageError(deMsg.unknownLevel(v.label, ref, levels));
      levels = [ref, ...levels.filter((l) => l !== ref)];
    }
    groups.set(v.label, lv);
    return { label: v.label, values: null, levels, lv };
  });
  // R's coding rule: a categorical variable F of a term T is coded by treatment contrasts when
  // T without F is contained in an earlier term (the intercept being the empty term), else by
  // indicators of all levels; without an intercept the first categorical variable of the first
  // term that has one is coded by indicators.
  const earlier: number[][] = parsed.intercept ? [[]] : [];
  const margined = (t: number[], f: number): boolean => earlier.some((e) => t.every((v) => v === f || e.includes(v)));
  let firstFactorFull = !parsed.intercept;
  const columns: string[] = [];
  const colValues: Float64Array[] = [];
  const terms: DesignTerm[] = [];
  if (parsed.intercept) {
    columns.push('(Intercept)');
    colValues.push(new Float64Array(n).fill(1));
  }
  for (const t of parsed.terms) {
    const pieces: Piece[] = [];
    let single: { levels: string[]; levelColumn: number[] } | null = null;
    for (const vi of t.variables) {
      const v = vars[vi];
      if (!v.levels) {
        pieces.push({ names: [v.label], values: [v.values!] });
        continue;
      }
      let full = !margined(t.variables, vi);
      if (firstFactorFull) {
        full = true;
        firstFactorFull = false;
      }
      if (v.levels.length < 2 && !full) throw new DataError(deMsg.singleLevel(v.label));
      const used = full ? v.levels : v.levels.slice(1);
      pieces.push({ names: used.map((l) => `${v.label}${l}`), values: used.map((l) => Float64Array.from(v.lv!, (x) => (x === l ? 1 : 0))) });
      if (t.variables.length === 1) single = { levels: v.levels, levelColumn: v.levels.map((l) => (used.includes(l) ? columns.length + used.indexOf(l) : -1)) };
    }
    // Cartesian product, first variable varying fastest (as model.matrix)
    let names = [''];
    let values: Float64Array[] = [new Float64Array(n).fill(1)];
    pieces.forEach((pc, k) => {
      const nn: string[] = [];
      const nv: Float64Array[] = [];
      for (let b = 0; b < pc.names.length; b++)
        for (let a = 0; a < names.length; a++) {
          nn.push(k === 0 ? pc.names[b] : `${names[a]}:${pc.names[b]}`);
          nv.push(values[a].map((x, i) => x * pc.values[b][i]));
        }
      names = nn;
      values = nv;
    });
    earlier.push(t.variables);
    const first = columns.length;
    columns.push(...names);
    colValues.push(...values);
    const idx = names.map((_, k) => first + k);
    if (single) terms.push({ label: t.label, kind: 'categorical', ...single, columns: idx });
    else terms.push({ label: t.label, kind: t.variables.length === 1 ? 'numeric' : 'interaction', levels: [], levelColumn: [], columns: idx });
  }
  const p = columns.length;
  if (n <= p) throw new DataError(deMsg.tooFewSamples(n, p));
  const x = new Float64Array(n * p);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) x[i * p + j] = colValues[j][i];
  return {
    design: { n, p, x, columns }, used: Int32Array.from(keep), usedIds: keep.map((j) => sampleIds[j]),
    terms, groups, formula, warnings, unmatched: { missingInTable: match.missingInTable, missingInData: match.missingInData },
  };
}
