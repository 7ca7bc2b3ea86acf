/**
 * Design matrix from a sample table and a formula, with R's treatment contrasts: an intercept
 * column `(Intercept)`, one 0/1 column `<term><level>` per non-reference level of a categorical
 * term (all levels for the first categorical term when there is no intercept), and the values of
 * a numeric term. Levels are sorted; the reference is the first level unless `ref` names another.
 * Samples are joined by id: expression samples missing from the table, and samples with a missing
 * covariate, are left out and reported in `warnings`. O(n·p).
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
  kind: 'categorical' | 'numeric';
  /** Levels present among the used samples, reference first (categorical only). */
  levels: string[];
  /** Coefficient index of each level (−1 for the reference, which has no column). */
  levelColumn: number[];
}

export interface DesignResult {
  design: DesignMatrix;
  /** Indices (into the given sample ids) of the samples used, in order. */
  used: Int32Array;
  usedIds: string[];
  terms: DesignTerm[];
  /** Level of each categorical term per used sample. */
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

export function designFromFormula(table: SampleTable, sampleIds: readonly string[], formula: string, options: DesignOptions = {}): DesignResult {
  const parsed = parseFormula(formula);
  const warnings: string[] = [];
  const available = [...table.columns.keys()];
  const cols = parsed.terms.map((t) => {
    const c = table.columns.get(t.column);
    if (!c) throw new UsageError(deMsg.unknownTerm(t.column, available));
    return c;
  });
  const labels = new Set(parsed.terms.flatMap((t) => [t.label, t.column]));
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
  const columns: string[] = [];
  const terms: DesignTerm[] = [];
  const groups = new Map<string, string[]>();
  const colValues: Float64Array[] = [];
  if (parsed.intercept) {
    columns.push('(Intercept)');
    colValues.push(new Float64Array(n).fill(1));
  }
  let fullDummy = !parsed.intercept;
  parsed.terms.forEach((t, ti) => {
    const col = cols[ti];
    const lv = levelsOf(col, rows, t.factor);
    if (!lv) {
      const v = col as Extract<Column, { kind: 'numeric' }>;
      columns.push(t.label);
      colValues.push(Float64Array.from(rows, (r) => v.values[r]));
      terms.push({ label: t.label, kind: 'numeric', levels: [], levelColumn: [] });
      return;
    }
    let levels = [...new Set(lv)].sort((a, b) => (t.factor ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
    const ref = options.ref?.get(t.label) ?? options.ref?.get(t.column);
    if (ref !== undefined) {
      if (!levels.includes(ref)) throw new UsageError(deMsg.unknownLevel(t.label, ref, levels));
      levels = [ref, ...levels.filter((l) => l !== ref)];
    }
    if (levels.length < 2 && !fullDummy) throw new DataError(deMsg.singleLevel(t.label));
    groups.set(t.label, lv);
    const levelColumn: number[] = [];
    levels.forEach((l, k) => {
      if (k === 0 && !fullDummy) {
        levelColumn.push(-1);
        return;
      }
      levelColumn.push(columns.length);
      columns.push(`${t.label}${l}`);
      colValues.push(Float64Array.from(lv, (v) => (v === l ? 1 : 0)));
    });
    fullDummy = false;
    terms.push({ label: t.label, kind: 'categorical', levels, levelColumn });
  });
  const p = columns.length;
  if (n <= p) throw new DataError(deMsg.tooFewSamples(n, p));
  const x = new Float64Array(n * p);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) x[i * p + j] = colValues[j][i];
  return {
    design: { n, p, x, columns }, used: Int32Array.from(keep), usedIds: keep.map((j) => sampleIds[j]),
    terms, groups, formula, warnings, unmatched: { missingInTable: match.missingInTable, missingInData: match.missingInData },
  };
}
