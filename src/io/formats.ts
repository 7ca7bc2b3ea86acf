/** File formats by extension (a trailing `.gz` is ignored). */
import { UsageError } from '../core/errors.js';
import { msg } from '../core/messages.js';

export type MatrixFormat = 'tsv' | 'csv' | 'gct' | 'arrow' | 'arrows' | 'json';

const BY_EXTENSION = new Map<string, MatrixFormat>([
  ['tsv', 'tsv'],
  ['txt', 'tsv'],
  ['tab', 'tsv'],
  ['csv', 'csv'],
  ['gct', 'gct'],
  ['arrow', 'arrow'],
  ['feather', 'arrow'],
  ['ipc', 'arrow'],
  ['arrows', 'arrows'],
  ['json', 'json'],
]);

/** Known matrix extensions, for messages. */
export const MATRIX_EXTENSIONS: readonly string[] = [...BY_EXTENSION.keys()];

function extension(path: string): string {
  const base = path.replace(/\.gz$/i, '');
  const dot = base.lastIndexOf('.');
  const slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
  return dot > slash ? base.slice(dot + 1).toLowerCase() : '';
}

/** Format of a matrix file from its name, or undefined when the extension is not known. */
export function matrixFormatOf(path: string): MatrixFormat | undefined {
  return BY_EXTENSION.get(extension(path));
}

/** Like `matrixFormatOf` but throws a UsageError listing the known extensions. */
export function requireMatrixFormat(path: string): MatrixFormat {
  const f = matrixFormatOf(path);
  if (!f) throw new UsageError(msg.unknownFormat(path, MATRIX_EXTENSIONS));
  return f;
}

/** Whether a path names a gene-set file: `gmt` or `gmx`, else undefined. */
export function geneSetFormatOf(path: string): 'gmt' | 'gmx' | undefined {
  const e = extension(path);
  return e === 'gmt' || e === 'gmx' ? e : undefined;
}

/** `--skip-columns` text: a count (`2`), `auto`, or comma-separated column names (`symbol,length`). */
export function parseSkipColumns(text: string | undefined): number | string[] | 'auto' | undefined {
  if (text === undefined || text === '') return undefined;
  if (text === 'auto') return 'auto';
  return /^\d+$/.test(text) ? Number(text) : text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}
