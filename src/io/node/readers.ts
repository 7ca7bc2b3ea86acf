/** File readers and writers: the pure parsers and formatters applied to files, chosen by extension. */
import { readBytes, writeAtomic } from './files.js';
import { readMatrixTextFile } from './matrix-file.js';
import { parseMatrixText, type MatrixReadOptions, type LoadedExpressionSet } from '../matrix-text.js';
import { parseGct } from '../gct.js';
import { parseGmt, formatGmt } from '../gmt.js';
import { parseGmx, formatGmx } from '../gmx.js';
import { parseSampleTable, type SampleTableReadOptions } from '../sample-table-text.js';
import { formatMatrixText } from '../write-text.js';
import { formatGct } from '../gct.js';
import { parseMatrixJson, formatMatrixJson } from '../matrix-json.js';
import { matrixFormatOf, requireMatrixFormat, geneSetFormatOf, type MatrixFormat } from '../formats.js';
import type { ExpressionSet } from '../../core/expression-set.js';
import type { GeneSet } from '../../core/gene-set.js';
import type { SampleTable } from '../../core/sample-table.js';
import type { Executor } from '../../core/pool.js';

export interface MatrixFileOptions extends Omit<MatrixReadOptions, 'source'> {
  /** Format; default from the extension (`.tsv .txt .csv .gct .arrow .feather .arrows .json`, `.gz` allowed), else delimited text. */
  format?: MatrixFormat;
  /** Worker pool for scanning uncompressed TSV/CSV in parallel (see `readMatrixTextFile`); default one thread. */
  executor?: Executor;
}

/** Read a genes × samples matrix file: TSV/CSV (optionally gzipped; plain files in chunks), GCT or Arrow IPC. */
export async function readMatrixFile(path: string, options: MatrixFileOptions = {}): Promise<LoadedExpressionSet> {
  const { format: given, executor, ...rest } = options;
  const format = given ?? matrixFormatOf(path) ?? 'tsv';
  if (format === 'tsv' || format === 'csv') return readMatrixTextFile(path, { ...rest, executor });
  const bytes = await readBytes(path);
  if (format === 'gct') return parseGct(bytes, { ...rest, source: path });
  if (format === 'json') return parseMatrixJson(bytes, { ...rest, source: path });
  if (format === 'arrow' || format === 'arrows') {
    const { parseArrow } = await import('../arrow.js');
    return parseArrow(bytes, { ...rest, source: path });
  }
  return parseMatrixText(bytes, { ...rest, source: path });
}

/**
 * Write a matrix file in the format its extension names (TSV, CSV, GCT, JSON, Arrow file or stream;
 * `.gz` compresses text). Atomic; refuses to overwrite `inputs`.
 */
export async function writeMatrixFile(path: string, es: ExpressionSet, options: { inputs?: readonly string[]; format?: MatrixFormat } = {}): Promise<void> {
  const format = options.format ?? requireMatrixFormat(path);
  let data: string | Uint8Array;
  if (format === 'arrow' || format === 'arrows') {
    const { formatArrow } = await import('../arrow.js');
    data = formatArrow(es, { format: format === 'arrows' ? 'stream' : 'file' });
  } else if (format === 'gct') data = formatGct(es);
  else if (format === 'json') data = formatMatrixJson(es);
  else data = formatMatrixText(es, { delimiter: format === 'csv' ? ',' : '\t' });
  if (/\.gz$/i.test(path)) {
    const { gzipSync } = await import('node:zlib');
    data = gzipSync(typeof data === 'string' ? Buffer.from(data) : data);
  }
  await writeAtomic(path, data, { inputs: options.inputs });
}

/** Read gene sets from a GMT or GMX file (by extension; default GMT). */
export async function readGmtFile(path: string): Promise<GeneSet[]> {
  const bytes = await readBytes(path);
  return geneSetFormatOf(path) === 'gmx' ? parseGmx(bytes, { source: path }) : parseGmt(bytes, { source: path });
}

/** Write gene sets as GMT or GMX (by extension). Atomic. */
export async function writeGeneSetFile(path: string, sets: readonly GeneSet[], options: { inputs?: readonly string[] } = {}): Promise<void> {
  await writeAtomic(path, geneSetFormatOf(path) === 'gmx' ? formatGmx(sets) : formatGmt(sets), options);
}

export async function readSampleTableFile(path: string, options: Omit<SampleTableReadOptions, 'source'> = {}): Promise<SampleTable> {
  return parseSampleTable(await readBytes(path), { ...options, source: path });
}
