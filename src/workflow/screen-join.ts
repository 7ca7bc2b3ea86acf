/**
 * Join per-sample scores (e.g. signature scores) to a clinical table as numeric covariates.
 * The scores come as a matrix with row and column ids; the orientation is detected: when the
 * column ids are clinical sample ids, each row is a covariate (signatures × samples, the
 * `Matrix` layout); when the row ids are, each column is (samples × scores). Clinical samples
 * without scores get NaN (reported); scores for unknown samples are ignored (reported).
 */
import type { SampleTable, Column } from '../core/sample-table.js';
import { DataError } from '../core/errors.js';
import { screenMsg } from './messages.js';

export interface ScoreMatrix {
  rowIds: readonly string[];
  colIds: readonly string[];
  /** Row-major rowIds.length × colIds.length. */
  values: Float64Array;
}

export function joinScores(table: SampleTable, scores: ScoreMatrix): { table: SampleTable; added: string[]; warnings: string[] } {
  const pos = new Map<string, number>();
  table.ids.forEach((id, i) => pos.set(id, i));
  const hits = (ids: readonly string[]): number => ids.reduce((s, id) => s + (pos.has(id) ? 1 : 0), 0);
  const byCols = hits(scores.colIds);
  const byRows = hits(scores.rowIds);
  if (byCols === 0 && byRows === 0) throw new DataError(screenMsg.scoresUnmatched(scores.colIds.length, scores.colIds));
  const samplesInCols = byCols >= byRows;
  const sampleIds = samplesInCols ? scores.colIds : scores.rowIds;
  const covIds = samplesInCols ? scores.rowIds : scores.colIds;
  const nc = scores.colIds.length;
  const n = table.ids.length;
  const columns = new Map<string, Column>(table.columns);
  const warnings: string[] = [];
  const added: string[] = [];
  const seen = new Uint8Array(n);
  covIds.forEach((cov, c) => {
    let name = cov;
    if (columns.has(name)) {
      warnings.push(screenMsg.duplicateCovariate(cov));
      name = `score_${cov}`;
    }
    const v = new Float64Array(n).fill(NaN);
    sampleIds.forEach((sid, s) => {
      const r = pos.get(sid);
      if (r === undefined) return;
      v[r] = samplesInCols ? scores.values[c * nc + s] : scores.values[s * nc + c];
      seen[r] = 1;
    });
    columns.set(name, { kind: 'numeric', name, values: v });
    added.push(name);
  });
  const missing = table.ids.filter((_, i) => !seen[i]);
  if (missing.length) warnings.push(screenMsg.scoresPartial(missing.length, missing));
  return { table: { ids: table.ids, columns, idColumn: table.idColumn }, added, warnings };
}
