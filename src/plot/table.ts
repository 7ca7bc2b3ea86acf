/**
 * The tables plots read: column-oriented, keyed by column name. `parsePlotTable` reads the
 * TSV/CSV that sigscore commands write (cells kept as text; numbers parsed per column on use).
 */
import { DataError, ParseError } from '../core/errors.js';
import { plotMsg } from './messages.js';

export type CellValue = string | number | boolean | null | undefined;

export interface PlotTable {
  /** Column names in file order. */
  names: string[];
  nrow: number;
  columns: Map<string, ArrayLike<CellValue>>;
  /** Where the table came from (messages). */
  source?: string;
}

/** What spec builders accept: a PlotTable, columns by name, or an array of records. */
export type TableInput = PlotTable | Record<string, ArrayLike<CellValue>> | readonly Record<string, unknown>[];

function isPlotTable(t: TableInput): t is PlotTable {
  return !Array.isArray(t) && (t as PlotTable).columns instanceof Map;
}

/** Normalise any `TableInput` to a PlotTable (no copy of column arrays). */
export function toPlotTable(input: TableInput, source?: string): PlotTable {
  if (isPlotTable(input)) return input;
  const columns = new Map<string, ArrayLike<CellValue>>();
  if (Array.isArray(input)) {
    const names: string[] = [];
    for (const r of input as readonly Record<string, unknown>[]) for (const k of Object.keys(r)) if (!columns.has(k)) { columns.set(k, []); names.push(k); }
    for (const k of names) columns.set(k, (input as readonly Record<string, unknown>[]).map((r) => r[k] as CellValue));
    return { names, nrow: input.length, columns, source };
  }
  const names = Object.keys(input);
  for (const k of names) columns.set(k, (input as Record<string, ArrayLike<CellValue>>)[k]);
  const nrow = names.length ? columns.get(names[0])!.length : 0;
  for (const k of names) if (columns.get(k)!.length !== nrow) throw new DataError(plotMsg.lengthMismatch(`column ${JSON.stringify(k)}`, columns.get(k)!.length, nrow));
  return { names, nrow, columns, source };
}

const NA = new Set(['', 'NA', 'NaN', 'nan', 'na', 'N/A', 'null', 'NULL', '.']);

/** Parse delimited text (tab, comma or semicolon, sniffed from the header; "" quoting) into a PlotTable. */
export function parsePlotTable(text: string, options: { source?: string; delimiter?: string } = {}): PlotTable {
  const source = options.source ?? '<input>';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  while (lines.length && lines[0].startsWith('#')) lines.shift();
  if (!lines.length) throw new DataError(`${source}: file is empty`);
  const delim = options.delimiter ?? ['\t', ',', ';'].reduce((b, d) => (lines[0].split(d).length > lines[0].split(b).length ? d : b), '\t');
  const names = split(lines[0], delim).map((s) => s.trim());
  const cols: string[][] = names.map(() => []);
  for (let i = 1; i < lines.length; i++) {
    const f = split(lines[i], delim);
    if (f.length !== names.length) throw new ParseError({ file: source, line: i + 1 }, `expected ${names.length} fields, found ${f.length}`);
    for (let j = 0; j < f.length; j++) cols[j].push(f[j]);
  }
  const columns = new Map<string, ArrayLike<CellValue>>();
  names.forEach((n, j) => columns.set(n, cols[j]));
  return { names, nrow: lines.length - 1, columns, source };
}

function split(line: string, delim: string): string[] {
  if (!line.includes('"')) return line.split(delim);
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQ) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') inQ = false;
      else cur += c;
    } else if (c === '"' && cur === '') inQ = true;
    else if (c === delim) { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

export function hasColumn(t: PlotTable, name: string): boolean {
  return t.columns.has(name);
}

function column(t: PlotTable, name: string): ArrayLike<CellValue> {
  const c = t.columns.get(name);
  if (!c) throw new DataError((t.source ? `${t.source}: ` : '') + plotMsg.noColumn(name, t.names));
  return c;
}

/** Parse one cell as a number: NA tokens → NaN, Inf/-Inf, otherwise `Number()`; undefined if not numeric. */
export function cellNumber(v: CellValue): number | undefined {
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = v.trim();
  if (NA.has(s)) return NaN;
  if (/^[+]?inf(inity)?$/i.test(s)) return Infinity;
  if (/^-inf(inity)?$/i.test(s)) return -Infinity;
  const x = Number(s);
  return Number.isNaN(x) ? undefined : x;
}

/** A numeric column (missing → NaN); a non-numeric cell is a DataError naming column and row. */
export function numbers(t: PlotTable, name: string): Float64Array {
  const c = column(t, name);
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const v = cellNumber(c[i]);
    if (v === undefined) throw new DataError((t.source ? `${t.source}: ` : '') + plotMsg.notNumericColumn(name, i + 1, String(c[i])));
    out[i] = v;
  }
  return out;
}

/** A column as text ('' for missing). */
export function strings(t: PlotTable, name: string): string[] {
  const c = column(t, name);
  const out = new Array<string>(c.length);
  for (let i = 0; i < c.length; i++) out[i] = c[i] === null || c[i] === undefined ? '' : String(c[i]);
  return out;
}

/**
 * −log₁₀ of a p-value given as text or number, computed from the decimal mantissa and exponent
 * when it is text, so values below the double range ("1e-400") still give 400.
 */
export function negLog10(v: CellValue): number {
  if (typeof v === 'string') {
    const m = /^\s*([0-9]*\.?[0-9]+)[eE]([+-]?[0-9]+)\s*$/.exec(v);
    if (m) return -(Math.log10(Number(m[1])) + Number(m[2]));
  }
  const x = cellNumber(v);
  return x === undefined || Number.isNaN(x) ? NaN : -Math.log10(x);
}

/** The raw cells of a column (for log-space parsing). */
export function cells(t: PlotTable, name: string): ArrayLike<CellValue> {
  return column(t, name);
}
