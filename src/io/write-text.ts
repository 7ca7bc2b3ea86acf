/** Text formatting of matrices and tables (TSV/CSV/JSON). Numbers keep full precision. */
import type { ExpressionSet } from '../core/expression-set.js';

/** Shortest round-trip text for a number; NaN → `NA`, ±Infinity → `Inf`/`-Inf`. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NA';
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function quoteField(s: string, delim: string): string {
  return s.includes(delim) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** genes × samples as delimited text, header `<idHeader> sample…`. */
export function formatMatrixText(es: ExpressionSet, options: { delimiter?: string; idHeader?: string } = {}): string {
  const d = options.delimiter ?? '\t';
  const { x, genes, samples } = es;
  const parts: string[] = [[options.idHeader ?? 'gene', ...samples].map((s) => quoteField(s, d)).join(d)];
  for (let i = 0; i < x.nrow; i++) {
    let line = quoteField(genes[i], d);
    const base = i * x.ncol;
    for (let j = 0; j < x.ncol; j++) line += d + formatNumber(x.data[base + j]);
    parts.push(line);
  }
  return parts.join('\n') + '\n';
}

export type Cell = string | number | boolean | null | undefined;

/** Column-oriented table → delimited text. Columns are arrays or typed arrays of equal length. */
export function formatTable(
  columns: Record<string, ArrayLike<Cell>> | Map<string, ArrayLike<Cell>>,
  options: { delimiter?: string } = {},
): string {
  const d = options.delimiter ?? '\t';
  const entries = columns instanceof Map ? [...columns.entries()] : Object.entries(columns);
  const n = entries.length ? entries[0][1].length : 0;
  const cell = (v: Cell): string =>
    v === null || v === undefined ? 'NA' : typeof v === 'number' ? formatNumber(v) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : quoteField(v, d);
  const out: string[] = [entries.map(([k]) => quoteField(k, d)).join(d)];
  for (let i = 0; i < n; i++) out.push(entries.map(([, col]) => cell(col[i])).join(d));
  return out.join('\n') + '\n';
}

/** Column-oriented table → array of row objects for JSON output (NaN → null). */
export function tableToRecords(columns: Record<string, ArrayLike<Cell>>): Record<string, Cell>[] {
  const keys = Object.keys(columns);
  const n = keys.length ? columns[keys[0]].length : 0;
  const out: Record<string, Cell>[] = [];
  for (let i = 0; i < n; i++) {
    const r: Record<string, Cell> = {};
    for (const k of keys) {
      const v = columns[k][i];
      r[k] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
    }
    out.push(r);
  }
  return out;
}
