/**
 * Expression matrices as JSON: `{"genes": [...], "samples": [...], "values": [[...], ...]}`,
 * one inner array per gene (row-major, like `Matrix`). Missing values are `null`; infinities
 * are the strings `"Inf"` and `"-Inf"` (JSON has no literal for them).
 */
import { createMatrix } from '../core/matrix.js';
import { createExpressionSet, type ExpressionSet } from '../core/expression-set.js';
import { DataError, ParseError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { finishGenes } from './gene-load.js';
import { parseNumericCell } from './scan-number.js';
import { ioMsg } from './messages.js';
import type { LoadedExpressionSet, MatrixReadOptions } from './matrix-text.js';

const decoder = new TextDecoder('utf-8');

export type MatrixJsonReadOptions = Omit<MatrixReadOptions, 'delimiter' | 'skipColumns'>;

function stringArray(v: unknown, key: string, source: string): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw new DataError(ioMsg.jsonField(source, key));
  return v as string[];
}

/** Read the JSON layout above. O(cells). "line" in messages is the gene's row (1-based). */
export function parseMatrixJson(input: Uint8Array | string, options: MatrixJsonReadOptions = {}): LoadedExpressionSet {
  const source = options.source ?? '<input>';
  let text = typeof input === 'string' ? input : decoder.decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new DataError(msg.fileEmpty(source));
  let obj: { genes?: unknown; samples?: unknown; values?: unknown };
  try {
    obj = JSON.parse(text);
  } catch (e) {
    throw new DataError(`${source}: invalid JSON (${(e as Error).message})`);
  }
  const genes = stringArray(obj?.genes, 'genes', source);
  const samples = stringArray(obj?.samples, 'samples', source);
  const values = obj.values;
  if (!Array.isArray(values) || values.length !== genes.length) throw new DataError(ioMsg.jsonField(source, 'values'));
  if (!genes.length) throw new DataError(`${source}: ${msg.headerOnly()}`);
  const seen = new Map<string, number>();
  samples.forEach((s, j) => {
    const prev = seen.get(s);
    if (prev !== undefined) throw new ParseError({ file: source, column: j + 1 }, ioMsg.duplicateSampleColumn(s, prev + 1));
    seen.set(s, j);
  });
  const ncol = samples.length;
  const m = createMatrix(genes.length, ncol);
  values.forEach((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== ncol) throw new ParseError({ file: source, line: i + 1 }, msg.raggedRow(ncol, Array.isArray(row) ? row.length : 0));
    for (let j = 0; j < ncol; j++) {
      const v = row[j];
      const x = typeof v === 'number' ? v : v === null ? NaN : typeof v === 'string' ? parseNumericCell(v) : undefined;
      if (x === undefined) throw new ParseError({ file: source, line: i + 1, column: j + 1 }, msg.notNumeric(String(v)));
      m.data[i * ncol + j] = x;
    }
  });
  return finishGenes(createExpressionSet(m, genes, samples), null, { source, duplicates: options.duplicates, stripVersions: options.stripVersions });
}

/** Format an ExpressionSet as the JSON layout above. */
export function formatMatrixJson(es: ExpressionSet): string {
  const { x } = es;
  const cell = (v: number): string => (Number.isNaN(v) ? 'null' : v === Infinity ? '"Inf"' : v === -Infinity ? '"-Inf"' : String(v));
  const rows: string[] = [];
  for (let i = 0; i < x.nrow; i++) {
    const r: string[] = [];
    for (let j = 0; j < x.ncol; j++) r.push(cell(x.data[i * x.ncol + j]));
    rows.push(`[${r.join(',')}]`);
  }
  return `{"genes":${JSON.stringify(es.genes)},\n"samples":${JSON.stringify(es.samples)},\n"values":[\n${rows.join(',\n')}\n]}\n`;
}
