/**
 * Numeric matrix reader for delimited text (TSV/CSV): first column gene ids, optional
 * annotation columns, header row of sample ids, numeric cells. Pure: works on bytes.
 */
import { createMatrix } from '../core/matrix.js';
import { createExpressionSet, type ExpressionSet } from '../core/expression-set.js';
import { ParseError, DataError } from '../core/errors.js';
import { msg } from '../core/messages.js';

export interface MatrixReadOptions {
  /** Name used in messages (file path). Default `<input>`. */
  source?: string;
  /** Field delimiter; default: sniffed from the header (tab, comma, semicolon). */
  delimiter?: string;
  /** Annotation columns after the id column to skip: a count, or names. Default 0. */
  skipColumns?: number | string[];
}

const decoder = new TextDecoder('utf-8');

/** Sniff the delimiter from the first line: the most frequent of tab, comma, semicolon. */
export function sniffDelimiter(line: string): string {
  let best = '\t';
  let bestN = -1;
  for (const d of ['\t', ',', ';']) {
    const n = line.split(d).length - 1;
    if (n > bestN) {
      best = d;
      bestN = n;
    }
  }
  return best;
}

function unquote(s: string): string {
  s = s.trim();
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) {
    return s.slice(1, -1).replace(s[0] === '"' ? /""/g : /''/g, s[0]);
  }
  return s;
}

const NA_TOKENS = new Set(['', 'NA', 'NaN', 'nan', 'na', 'N/A', 'null', 'NULL', '.']);

/** Parse one numeric cell exactly as `Number()` does, with NA tokens and Inf; undefined if not a number. */
export function parseNumericCell(text: string): number | undefined {
  const t = text.trim();
  if (NA_TOKENS.has(t)) return NaN;
  if (t === 'Inf' || t === '+Inf' || t === 'inf' || t === 'Infinity') return Infinity;
  if (t === '-Inf' || t === '-inf' || t === '-Infinity') return -Infinity;
  const v = Number(t);
  if (Number.isNaN(v) || /^[+-]?0[xXbBoO]/.test(t)) return undefined;
  return v;
}

/**
 * Read a genes × samples matrix. O(bytes).
 * Errors name file:line:column: ragged rows, non-numeric cells, empty file, header only.
 */
export function parseMatrixText(input: Uint8Array | string, options: MatrixReadOptions = {}): ExpressionSet {
  const source = options.source ?? '<input>';
  let text = typeof input === 'string' ? input : decoder.decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (!lines.length) throw new DataError(msg.fileEmpty(source));
  const delim = options.delimiter ?? sniffDelimiter(lines[0]);
  const header = lines[0].split(delim).map(unquote);
  let skip = 0;
  if (typeof options.skipColumns === 'number') skip = options.skipColumns;
  else if (Array.isArray(options.skipColumns)) {
    for (const name of options.skipColumns) {
      const at = header.indexOf(name);
      if (at < 1) throw new ParseError({ file: source, line: 1 }, msg.noSuchColumn(name, header));
    }
    skip = options.skipColumns.length;
  }
  const first = 1 + skip;
  const samples = header.slice(first);
  const ncol = samples.length;
  const nrow = lines.length - 1;
  if (nrow === 0) throw new ParseError({ file: source, line: 1 }, msg.headerOnly());
  const seen = new Set<string>();
  samples.forEach((s, j) => {
    if (seen.has(s)) throw new ParseError({ file: source, line: 1, column: first + j + 1 }, msg.duplicateSample(s));
    seen.add(s);
  });
  const m = createMatrix(nrow, ncol);
  const genes = new Array<string>(nrow);
  for (let i = 0; i < nrow; i++) {
    const fields = lines[i + 1].split(delim);
    if (fields.length !== header.length) {
      throw new ParseError({ file: source, line: i + 2 }, msg.raggedRow(header.length, fields.length));
    }
    genes[i] = unquote(fields[0]);
    for (let j = 0; j < ncol; j++) {
      const v = parseNumericCell(fields[first + j]);
      if (v === undefined) {
        throw new ParseError({ file: source, line: i + 2, column: first + j + 1 }, msg.notNumeric(fields[first + j]));
      }
      m.data[i * ncol + j] = v;
    }
  }
  return createExpressionSet(m, genes, samples);
}
