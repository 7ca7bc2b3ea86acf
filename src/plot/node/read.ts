/** Read the result tables plots draw: TSV/CSV (optionally gzipped) or JSON (records, or `{ rows }`). Node-only. */
import { readText } from '../../io/node/files.js';
import { DataError } from '../../core/errors.js';
import { parsePlotTable, toPlotTable, type PlotTable } from '../table.js';

export async function readPlotTable(path: string): Promise<PlotTable> {
  const text = await readText(path);
  if (/\.json$/i.test(path.replace(/\.gz$/i, ''))) {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new DataError(`${path}: not valid JSON: ${(e as Error).message}`);
    }
    const rows = Array.isArray(v) ? v : (v as { rows?: unknown })?.rows;
    if (!Array.isArray(rows)) throw new DataError(`${path}: expected an array of records or an object with "rows"`);
    return toPlotTable(rows as Record<string, unknown>[], path);
  }
  return parsePlotTable(text, { source: path });
}

/** Read a JSON object (e.g. a log-rank result with chisq, df, p). */
export async function readJsonObject(path: string): Promise<Record<string, unknown>> {
  const text = await readText(path);
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? (v[0] ?? {}) : v;
  } catch (e) {
    throw new DataError(`${path}: not valid JSON: ${(e as Error).message}`);
  }
}
