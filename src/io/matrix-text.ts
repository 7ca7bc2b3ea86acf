/**
 * Numeric matrix reader for delimited text (TSV/CSV): first column gene ids, optional
 * annotation columns, header row of sample ids (cells may be quoted), numeric cells read by the
 * byte scanner in `matrix-scan.ts`. Handles a UTF-8 BOM, CRLF, NA/NaN/empty/Inf cells and R's
 * `write.table` header (one field fewer than the rows). Pure: works on bytes.
 */
import { matrixFrom } from '../core/matrix.js';
import { createExpressionSet, type Annotation, type ExpressionSet } from '../core/expression-set.js';
import { ParseError, DataError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { ioMsg } from './messages.js';
import { sniffDelimiter, splitFields, countFields, lineEnd, nextLine } from './fields.js';
import { scanMatrixBody, type ScanResult, type ScanLayout } from './matrix-scan.js';
import { finishGenes, type GeneLoadReport, type DuplicateOption } from './gene-load.js';

export { sniffDelimiter } from './fields.js';
export { parseNumericCell } from './scan-number.js';
import { parseNumericCell } from './scan-number.js';

export interface MatrixReadOptions {
  /** Name used in messages (file path). Default `<input>`. */
  source?: string;
  /** Field delimiter; default: sniffed from the header (tab, comma, semicolon). */
  delimiter?: string;
  /**
   * Annotation columns to skip: a count (the columns right after the id column) or names (any
   * columns after the id column), or `auto`: the leading columns whose first-row cell is not a
   * number. Their texts are kept as `geneAnnotation`. Default 0.
   */
  skipColumns?: number | string[] | 'auto';
  /**
   * What to do with repeated gene ids: `error` (default; the message names both lines), `keep`
   * (leave them), or collapse them with `mean | max | sum | first | maxMean` (the row with the
   * largest mean wins). See `collapseDuplicateGenes`.
   */
  duplicates?: DuplicateOption;
  /** Strip Ensembl version suffixes (`ENSG00000141510.17` → `ENSG00000141510`) before checking duplicates. Default false. */
  stripVersions?: boolean;
}

/** An ExpressionSet as read from a file, with what the reader detected and did. */
export interface LoadedExpressionSet extends ExpressionSet {
  readonly report: GeneLoadReport;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/**
 * Bytes of the input with a UTF-8 BOM removed, as a plain `Uint8Array` view (no copy; a Node
 * `Buffer` is re-wrapped because indexing it directly is ~2× slower in the scanner).
 */
export function toBytes(input: Uint8Array | string): Uint8Array {
  const b = typeof input === 'string' ? encoder.encode(input) : input;
  const skip = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return new Uint8Array(b.buffer, b.byteOffset + skip, b.byteLength - skip);
}

/** Number of columns after the id whose cell on this (first data) line is not a number; all but one at most. */
export function leadingTextColumns(line: string, delimiter: string, nfields: number): number {
  const f = splitFields(line, delimiter);
  let k = 1;
  while (k < f.length && k < nfields - 1 && parseNumericCell(f[k]) === undefined) k++;
  return k - 1;
}

/** Sample columns of a header: which fields are samples, which are skipped annotation. */
export function headerLayout(
  header: string[],
  source: string,
  skipColumns: number | string[] | undefined,
  headerLine: number,
): { kind: Int32Array; samples: string[]; annotationNames: string[]; annotationIndex: Int32Array } {
  const nf = header.length;
  const kind = new Int32Array(nf);
  const annotationIndex = new Int32Array(nf).fill(-1);
  kind[0] = -1;
  const skipped = new Set<number>();
  if (typeof skipColumns === 'number') for (let f = 1; f <= skipColumns && f < nf; f++) skipped.add(f);
  else if (Array.isArray(skipColumns)) {
    for (const name of skipColumns) {
      const at = header.indexOf(name, 1);
      if (at < 1) throw new ParseError({ file: source, line: headerLine }, msg.noSuchColumn(name, header));
      skipped.add(at);
    }
  }
  const samples: string[] = [];
  const annotationNames: string[] = [];
  const seen = new Map<string, number>();
  for (let f = 1; f < nf; f++) {
    if (skipped.has(f)) {
      kind[f] = -2;
      annotationIndex[f] = annotationNames.length;
      annotationNames.push(header[f]);
      continue;
    }
    const id = header[f];
    if (id === '' && f === nf - 1 && nf > 2) {
      // a trailing delimiter on every line: an unnamed empty last column, ignored
      kind[f] = -2;
      continue;
    }
    if (id === '') throw new ParseError({ file: source, line: headerLine, column: f + 1 }, ioMsg.emptySampleId());
    const prev = seen.get(id);
    if (prev !== undefined) throw new ParseError({ file: source, line: headerLine, column: f + 1 }, ioMsg.duplicateSampleColumn(id, prev + 1));
    seen.set(id, f);
    kind[f] = samples.length;
    samples.push(id);
  }
  if (!samples.length) throw new ParseError({ file: source, line: headerLine }, ioMsg.noSampleColumns());
  return { kind, samples, annotationNames, annotationIndex };
}

/** Assemble the ExpressionSet from a scan, then apply the gene-id options. */
export function buildExpressionSet(
  scan: ScanResult,
  samples: string[],
  annotationNames: string[],
  options: { source: string; duplicates?: DuplicateOption; stripVersions?: boolean },
  extra: { sampleAnnotation?: Annotation } = {},
): LoadedExpressionSet {
  let geneAnnotation: Annotation | undefined;
  if (annotationNames.length) {
    geneAnnotation = new Map();
    annotationNames.forEach((name, a) => geneAnnotation!.set(name, scan.annotation[a]));
  }
  const es = createExpressionSet(matrixFrom(scan.nrow, samples.length, scan.data), scan.genes, samples, { geneAnnotation, ...extra });
  return finishGenes(es, scan.lines, options);
}

/** The header of a matrix text and where its rows start. */
export interface MatrixHeader {
  /** How the fields of a row map to the matrix (for `scanRows`). */
  layout: ScanLayout;
  samples: string[];
  annotationNames: string[];
  /** 1-based line of the header. */
  headerLine: number;
  /** Byte offset of the first data row and its line number. */
  first: number;
  firstLine: number;
}

/**
 * Read the header of a matrix text (BOM already removed): sniff the delimiter, lay out the
 * sample and annotation columns. `b` may be a prefix of the file provided it holds the header
 * and the whole first data line. Throws on an empty file or a header without rows.
 */
export function parseMatrixHeader(b: Uint8Array, options: MatrixReadOptions = {}): MatrixHeader {
  const source = options.source ?? '<input>';
  // the header is the first non-blank line
  let pos = 0;
  let line = 1;
  while (pos < b.length && lineEnd(b, pos) === pos) {
    pos = nextLine(b, pos);
    line++;
  }
  if (pos >= b.length) throw new DataError(msg.fileEmpty(source));
  const headerText = decoder.decode(b.subarray(pos, lineEnd(b, pos)));
  if (headerText.trim() === '') throw new DataError(msg.fileEmpty(source));
  const delimiter = options.delimiter ?? sniffDelimiter(headerText);
  const delim = delimiter.charCodeAt(0);
  const header = splitFields(headerText, delimiter);
  const headerLine = line;
  pos = nextLine(b, pos);
  line++;
  let first = pos;
  let firstLine = line;
  while (first < b.length && lineEnd(b, first) === first) {
    first = nextLine(b, first);
    firstLine++;
  }
  if (first >= b.length) throw new ParseError({ file: source, line: headerLine }, msg.headerOnly());
  // R's write.table header has no name for the row-name column
  if (countFields(b, first, delim) === header.length + 1) header.unshift('');
  let skipColumns = options.skipColumns;
  if (skipColumns === 'auto') skipColumns = leadingTextColumns(decoder.decode(b.subarray(first, lineEnd(b, first))), delimiter, header.length);
  const cols = headerLayout(header, source, skipColumns, headerLine);
  const layout: ScanLayout = {
    source,
    delim,
    nfields: header.length,
    kind: cols.kind,
    ncol: cols.samples.length,
    annotationIndex: cols.annotationIndex,
    nannotation: cols.annotationNames.length,
    names: header,
  };
  return { layout, samples: cols.samples, annotationNames: cols.annotationNames, headerLine, first, firstLine };
}

/** The ExpressionSet of a finished scan, or the header-only error when it found no rows. */
export function finishMatrixText(scan: ScanResult, head: MatrixHeader, options: MatrixReadOptions): LoadedExpressionSet {
  const source = head.layout.source;
  if (scan.nrow === 0) throw new ParseError({ file: source, line: head.headerLine }, msg.headerOnly());
  return buildExpressionSet(scan, head.samples, head.annotationNames, { source, duplicates: options.duplicates, stripVersions: options.stripVersions });
}

/**
 * Read a genes × samples matrix. O(bytes), one pass over the values.
 * Errors name file:line:column: ragged rows (expected and found field counts), non-numeric
 * cells (with the text), duplicate or empty sample ids, duplicate gene ids (policy `error`),
 * empty file, header only. Files are read in chunks by `readMatrixTextFile` (node).
 */
export function parseMatrixText(input: Uint8Array | string, options: MatrixReadOptions = {}): LoadedExpressionSet {
  const b = toBytes(input);
  const head = parseMatrixHeader(b, options);
  return finishMatrixText(scanMatrixBody(b, head.first, head.firstLine, head.layout), head, options);
}
