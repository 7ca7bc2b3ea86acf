/**
 * An explicit design matrix read as a table: one row per sample (id column first), one numeric
 * column per coefficient. Rows are joined to the expression samples by id; samples missing from
 * the table are left out and reported, as are table rows without data. O(n·p).
 */
import type { SampleTable } from '../core/sample-table.js';
import { matchSamples } from '../core/sample-table.js';
import { DataError } from '../core/errors.js';
import type { DesignResult } from './design.js';
import { deMsg } from './messages.js';

export function designFromTable(table: SampleTable, sampleIds: readonly string[]): DesignResult {
  const columns = [...table.columns.keys()];
  for (const c of table.columns.values())
    if (c.kind !== 'numeric') throw new DataError(`design matrix column ${JSON.stringify(c.name)} is not numeric`);
  const match = matchSamples(table, sampleIds);
  const warnings: string[] = [];
  if (match.missingInTable.length) warnings.push(deMsg.unmatched(match.missingInTable.length, 'in the data but not in the design matrix (left out)', match.missingInTable));
  if (match.missingInData.length) warnings.push(deMsg.unmatched(match.missingInData.length, 'in the design matrix but not in the data', match.missingInData));
  const keep: number[] = [];
  sampleIds.forEach((_, j) => {
    const r = match.rows[j];
    if (r >= 0 && columns.every((c) => { const col = table.columns.get(c)!; return col.kind === 'numeric' && !Number.isNaN(col.values[r]); })) keep.push(j);
  });
  const n = keep.length;
  const p = columns.length;
  if (n <= p) throw new DataError(deMsg.tooFewSamples(n, p));
  const x = new Float64Array(n * p);
  columns.forEach((c, k) => {
    const col = table.columns.get(c)!;
    if (col.kind !== 'numeric') return;
    keep.forEach((j, i) => (x[i * p + k] = col.values[match.rows[j]]));
  });
  return {
    design: { n, p, x, columns }, used: Int32Array.from(keep), usedIds: keep.map((j) => sampleIds[j]), terms: [], groups: new Map(),
    formula: '', warnings, unmatched: { missingInTable: match.missingInTable, missingInData: match.missingInData },
  };
}
