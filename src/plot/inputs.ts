/**
 * Shape the tables sigscore commands write into the inputs of the spec builders: scores joined
 * to a sample annotation for box plots (with the group test), correlation tables (long or
 * square) into matrices, annotation tracks for heatmaps.
 */
import type { Matrix } from '../core/matrix.js';
import { createMatrix } from '../core/matrix.js';
import { DataError } from '../core/errors.js';
import { wilcoxonTest } from '../stats/wilcoxon.js';
import { kruskalTest } from '../stats/kruskal.js';
import { numbers, strings, hasColumn, cellNumber, type PlotTable } from './table.js';
import { matrixFromPairs } from './correlation.js';
import type { BoxData } from './box.js';
import { plotMsg } from './messages.js';

/** Values of `column` of a sample table (first column = sample id) in the order of `samples`; '' when unmatched. */
export function annotationFor(table: PlotTable, column: string, samples: readonly string[], idColumn?: string): string[] {
  const ids = strings(table, idColumn ?? table.names[0]);
  const vals = strings(table, column);
  const pos = new Map<string, number>();
  ids.forEach((id, i) => pos.set(id, i));
  return samples.map((s) => {
    const i = pos.get(s);
    return i === undefined ? '' : vals[i];
  });
}

/** Annotation track values: numeric when every present cell is a number, else text ('' → null). */
export function annotationTrack(values: readonly string[]): (string | number | null)[] {
  const present = values.filter((v) => v !== '' && v !== 'NA');
  const numeric = present.length > 0 && present.every((v) => { const x = cellNumber(v); return x !== undefined && Number.isFinite(x); }) && new Set(present).size > 2;
  return values.map((v) => (v === '' || v === 'NA' ? null : numeric ? Number(v) : v));
}

export interface BoxInput {
  data: BoxData;
  pValues: Map<string, number>;
  testName: string;
  groups: string[];
  warnings: string[];
}

/**
 * Box-plot input from a signatures × samples score matrix and one group per sample. Two groups:
 * Wilcoxon rank-sum p (R `wilcox.test` semantics); more: Kruskal–Wallis. O(signatures × samples).
 */
export function boxFromScores(x: Matrix, signatures: readonly string[], samples: readonly string[], group: readonly string[], options: { signatures?: string[] } = {}): BoxInput {
  const pick = options.signatures?.length ? options.signatures : signatures.slice(0, 12);
  const rowOf = new Map<string, number>();
  signatures.forEach((s, i) => rowOf.set(s, i));
  const groups = [...new Set(group.filter((g) => g !== '' && g !== 'NA'))].sort();
  if (groups.length < 2) throw new DataError(`box plot needs at least two groups, found ${groups.length}`);
  const value: number[] = [], grp: string[] = [], sample: string[] = [], panel: string[] = [];
  const pValues = new Map<string, number>();
  const warnings: string[] = [];
  for (const sig of pick) {
    const i = rowOf.get(sig);
    if (i === undefined) throw new DataError(plotMsg.noColumn(sig, signatures));
    const byGroup = groups.map(() => [] as number[]);
    for (let j = 0; j < samples.length; j++) {
      const v = x.data[i * x.ncol + j];
      value.push(v); grp.push(group[j] === 'NA' ? '' : group[j]); sample.push(samples[j]); panel.push(sig);
      const k = groups.indexOf(group[j]);
      if (k >= 0 && Number.isFinite(v)) byGroup[k].push(v);
    }
    if (groups.length === 2) {
      const r = wilcoxonTest(byGroup[0], byGroup[1], { confInt: false });
      pValues.set(sig, r.pValue);
      warnings.push(...r.warnings.map((w) => `${sig}: ${w}`));
    } else {
      const xs = byGroup.flat();
      const codes = byGroup.flatMap((b, k) => b.map(() => k));
      const r = kruskalTest(xs, codes);
      pValues.set(sig, r.pValue);
      warnings.push(...r.warnings.map((w) => `${sig}: ${w}`));
    }
  }
  return { data: { value, group: grp, sample, panel }, pValues, testName: groups.length === 2 ? 'Wilcoxon' : 'Kruskal–Wallis', groups, warnings };
}

export interface CorrelationInput {
  names: string[];
  r: Matrix;
  p?: Matrix;
}

/**
 * Correlations from a long table (`covariate_1, covariate_2, rho, p` as `sigscore screen
 * --correlation` writes) or a square matrix (first column = names equal to the header), with
 * p from a second square table when given.
 */
export function correlationFromTable(t: PlotTable, pTable?: PlotTable, options: { a?: string; b?: string; value?: string; p?: string } = {}): CorrelationInput {
  const a = options.a ?? 'covariate_1';
  const b = options.b ?? 'covariate_2';
  const value = options.value ?? (hasColumn(t, 'rho') ? 'rho' : hasColumn(t, 'r') ? 'r' : 'estimate');
  if (hasColumn(t, a) && hasColumn(t, b) && hasColumn(t, value)) {
    const A = strings(t, a);
    const B = strings(t, b);
    const { names, m } = matrixFromPairs(A, B, numbers(t, value), 1);
    const pName = options.p ?? 'p';
    const p = hasColumn(t, pName) ? matrixFromPairs(A, B, numbers(t, pName), NaN).m : undefined;
    return { names, r: m, p };
  }
  const r = squareFrom(t);
  const p = pTable ? squareFrom(pTable) : undefined;
  if (p && p.names.join('\u0000') !== r.names.join('\u0000')) throw new DataError('correlation and p-value matrices name different variables');
  return { names: r.names, r: r.m, p: p?.m };
}

function squareFrom(t: PlotTable): { names: string[]; m: Matrix } {
  const names = strings(t, t.names[0]);
  const cols = t.names.slice(1);
  if (cols.length !== names.length || cols.some((c, i) => c !== names[i])) {
    throw new DataError(`${t.source ?? 'table'}: expected a square matrix whose header repeats the row names, or columns covariate_1, covariate_2, rho, p`);
  }
  const k = names.length;
  const m = createMatrix(k, k);
  cols.forEach((c, j) => { const v = numbers(t, c); for (let i = 0; i < k; i++) m.data[i * k + j] = v[i]; });
  return { names, m };
}
