/**
 * The one place where the commands read a genes × samples matrix file. A large delimited-text
 * matrix (TSV/CSV, plain or gzipped, at least `minPoolBytes` on disk) is scanned on a worker
 * pool of `--threads` workers (default: all cores); the result is bit-identical to a one-thread
 * read, and so are the errors (file:line:column). A pool the command already has is reused;
 * otherwise one is created for the read and closed afterwards. Small files, `--threads 1` and
 * the other formats (GCT, Arrow, JSON) are read in this thread: starting workers costs more
 * than it saves below the threshold.
 */
import { promises as fs } from 'node:fs';
import { readMatrixFile, type MatrixFileOptions } from '../src/io/node/readers.js';
import { matrixFormatOf } from '../src/io/formats.js';
import type { LoadedExpressionSet } from '../src/io/matrix-text.js';
import type { Executor } from '../src/core/pool.js';

/** Files from this size on (bytes on disk, compressed size for `.gz`) are read on a pool: 16 MiB. */
export const DEFAULT_MIN_POOL_BYTES = 16 << 20;

/** Options of `loadMatrix`. */
export interface LoadMatrixOptions {
  /** Smallest file (bytes on disk) read on a pool. Default `DEFAULT_MIN_POOL_BYTES` (16 MiB). */
  minPoolBytes?: number;
  /** A pool the command already has (kept open); default: one is created for the read when needed and closed after it. */
  executor?: Executor;
}

/** Whether `path` is a delimited-text matrix of at least `minBytes` (a missing file is left to the reader's message). */
async function worthAPool(path: string, read: MatrixFileOptions, minBytes: number): Promise<boolean> {
  const format = read.format ?? matrixFormatOf(path) ?? 'tsv';
  if (format !== 'tsv' && format !== 'csv') return false;
  try {
    const s = await fs.stat(path);
    return s.isFile() && s.size >= minBytes;
  } catch {
    return false;
  }
}

/**
 * Read a matrix file for a command: `readMatrixFile(path, read)`, on a pool of `threads`
 * workers when the file is a delimited-text matrix of at least `minPoolBytes` and `threads` ≠ 1.
 * O(bytes) either way; the pool only changes the time.
 */
export async function loadMatrix(path: string, read: MatrixFileOptions, threads: number | undefined, options: LoadMatrixOptions = {}): Promise<LoadedExpressionSet> {
  const minBytes = options.minPoolBytes ?? DEFAULT_MIN_POOL_BYTES;
  if (threads === 1 || !(await worthAPool(path, read, minBytes))) return readMatrixFile(path, read);
  if (options.executor) return readMatrixFile(path, { ...read, executor: options.executor });
  const { createWorkerPool } = await import('../src/io/node/worker-pool.js');
  const executor = createWorkerPool({ threads });
  try {
    return await readMatrixFile(path, { ...read, executor });
  } finally {
    await executor.close();
  }
}
