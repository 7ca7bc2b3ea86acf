/**
 * Arrow IPC (file `.arrow`/`.feather` v2, or stream `.arrows`) for expression matrices.
 *
 * Layout: one Utf8 column `gene` (gene ids) followed by one Float64 column per sample, named by
 * the sample id, one row per gene; missing values are NaN (nulls are also read as NaN). Other
 * string columns are read as gene annotation; integer and Float32 columns are read as samples.
 *
 * Reading does not copy the columns: a Float64 column with one chunk and no nulls is a view on
 * the IPC bytes (`arrowSampleColumns`). Building the row-major genes × samples `Matrix` is one
 * blocked transpose of those views.
 */
import { tableFromIPC, tableToIPC, Table, Schema, Field, Utf8, Float64, Struct, RecordBatch, makeData, vectorFromArray, DataType, type Vector } from 'apache-arrow';
import { createMatrix } from '../core/matrix.js';
import { createExpressionSet, type Annotation, type ExpressionSet } from '../core/expression-set.js';
import { DataError, ParseError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { ioMsg } from './messages.js';
import { finishGenes } from './gene-load.js';
import type { LoadedExpressionSet, MatrixReadOptions } from './matrix-text.js';

export interface ArrowReadOptions extends Omit<MatrixReadOptions, 'delimiter' | 'skipColumns'> {
  /** Name of the gene id column. Default `gene`, else the first string column. */
  geneColumn?: string;
}

function isString(t: DataType): boolean {
  return DataType.isUtf8(t) || DataType.isLargeUtf8(t) || (DataType.isDictionary(t) && (DataType.isUtf8(t.dictionary) || DataType.isLargeUtf8(t.dictionary)));
}

function isNumeric(t: DataType): boolean {
  return DataType.isFloat(t) || DataType.isInt(t);
}

/** A numeric column as Float64Array: the IPC buffer itself when possible, else a converted copy. */
function columnValues(v: Vector): Float64Array {
  if (v.data.length === 1 && v.nullCount === 0 && v.data[0].values instanceof Float64Array) return v.data[0].values.subarray(0, v.length);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v.get(i);
    out[i] = x === null || x === undefined ? NaN : Number(x);
  }
  return out;
}

function readTable(input: Uint8Array, source: string): Table {
  if (input.length === 0) throw new DataError(msg.fileEmpty(source));
  let table: Table;
  try {
    table = tableFromIPC(input);
  } catch (e) {
    throw new DataError(ioMsg.arrowUnreadable(source, (e as Error).message.split('\n')[0]));
  }
  if (table.schema.fields.length === 0) throw new DataError(ioMsg.arrowUnreadable(source, 'no schema found'));
  return table;
}

/** Gene ids, annotation and per-sample column views of an Arrow expression table. */
export function arrowSampleColumns(
  input: Uint8Array,
  options: { source?: string; geneColumn?: string } = {},
): { genes: string[]; samples: string[]; columns: Float64Array[]; geneAnnotation?: Annotation } {
  const source = options.source ?? '<input>';
  const table = readTable(input, source);
  const fields = table.schema.fields;
  let geneAt = fields.findIndex((f) => f.name === (options.geneColumn ?? 'gene') && isString(f.type));
  if (geneAt < 0 && options.geneColumn === undefined) geneAt = fields.findIndex((f) => isString(f.type));
  if (geneAt < 0) throw new DataError(ioMsg.arrowNoGeneColumn(source));
  const genes = Array.from(table.getChildAt(geneAt)!.toArray() as ArrayLike<string | null>, (g) => g ?? '');
  const samples: string[] = [];
  const columns: Float64Array[] = [];
  const seen = new Map<string, number>();
  let geneAnnotation: Annotation | undefined;
  fields.forEach((f, j) => {
    if (j === geneAt) return;
    const col = table.getChildAt(j)!;
    if (isNumeric(f.type)) {
      const prev = seen.get(f.name);
      if (prev !== undefined) throw new ParseError({ file: source, column: j + 1 }, ioMsg.duplicateSampleColumn(f.name, prev + 1));
      seen.set(f.name, j);
      samples.push(f.name);
      columns.push(columnValues(col));
    } else if (isString(f.type)) {
      geneAnnotation ??= new Map();
      geneAnnotation.set(f.name, Array.from(col.toArray() as ArrayLike<string | null>, (s) => s ?? ''));
    }
  });
  if (!samples.length) throw new DataError(ioMsg.arrowNoSamples(source));
  if (!genes.length) throw new DataError(`${source}: ${msg.headerOnly()}`);
  genes.forEach((g, i) => {
    if (g === '') throw new ParseError({ file: source, line: i + 1, column: geneAt + 1 }, msg.emptyId());
  });
  return { genes, samples, columns, geneAnnotation };
}

/** Read an expression matrix from Arrow IPC bytes (file or stream format). O(genes·samples). */
export function parseArrow(input: Uint8Array, options: ArrowReadOptions = {}): LoadedExpressionSet {
  const source = options.source ?? '<input>';
  const { genes, samples, columns, geneAnnotation } = arrowSampleColumns(input, options);
  const nrow = genes.length;
  const ncol = samples.length;
  const m = createMatrix(nrow, ncol);
  const d = m.data;
  const B = 256;
  for (let i0 = 0; i0 < nrow; i0 += B) {
    const i1 = Math.min(nrow, i0 + B);
    for (let j = 0; j < ncol; j++) {
      const c = columns[j];
      for (let i = i0; i < i1; i++) d[i * ncol + j] = c[i];
    }
  }
  // "line" i + 1 stands for row i in messages about duplicate genes
  return finishGenes(createExpressionSet(m, genes, samples, { geneAnnotation }), null, { source, duplicates: options.duplicates, stripVersions: options.stripVersions });
}

/** Write an ExpressionSet as Arrow IPC (`file` format by default, or `stream`) in the layout above. */
export function formatArrow(es: ExpressionSet, options: { format?: 'file' | 'stream' } = {}): Uint8Array {
  const { x, genes, samples } = es;
  const fields = [new Field('gene', new Utf8(), false), ...samples.map((s) => new Field(s, new Float64(), false))];
  const schema = new Schema(fields);
  const children = [vectorFromArray(genes, new Utf8()).data[0]];
  for (let j = 0; j < x.ncol; j++) {
    const col = new Float64Array(x.nrow);
    for (let i = 0, k = j; i < x.nrow; i++, k += x.ncol) col[i] = x.data[k];
    children.push(makeData({ type: new Float64(), length: x.nrow, nullCount: 0, data: col }) as never);
  }
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: x.nrow, nullCount: 0, children }));
  return tableToIPC(new Table(schema, [batch]), options.format ?? 'file');
}
