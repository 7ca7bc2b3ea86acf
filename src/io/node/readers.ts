/** File readers: the pure parsers applied to files. */
import { readBytes } from './files.js';
import { parseMatrixText, type MatrixReadOptions } from '../matrix-text.js';
import { parseGmt } from '../gmt.js';
import { parseSampleTable, type SampleTableReadOptions } from '../sample-table-text.js';
import type { ExpressionSet } from '../../core/expression-set.js';
import type { GeneSet } from '../../core/gene-set.js';
import type { SampleTable } from '../../core/sample-table.js';

/** Read a genes × samples matrix file (TSV/CSV, optionally gzipped). */
export async function readMatrixFile(path: string, options: Omit<MatrixReadOptions, 'source'> = {}): Promise<ExpressionSet> {
  return parseMatrixText(await readBytes(path), { ...options, source: path });
}

export async function readGmtFile(path: string): Promise<GeneSet[]> {
  return parseGmt(await readBytes(path), { source: path });
}

export async function readSampleTableFile(path: string, options: Omit<SampleTableReadOptions, 'source'> = {}): Promise<SampleTable> {
  return parseSampleTable(await readBytes(path), { ...options, source: path });
}
