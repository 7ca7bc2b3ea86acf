/**
 * Chunked reading of a TSV/CSV matrix file. The file is never held whole in memory: it is read
 * in chunks into two reused buffers, and while the main thread scans one chunk (`scanRows`),
 * `fs.read` on the libuv pool fills the other with the next one; the partial last line of a
 * chunk is carried to the front of the next. The value matrix is allocated once, at a row
 * count estimated from the first chunk and the file size (a little over; the untouched surplus
 * costs no memory), and grown only when the estimate falls short. With a worker pool each
 * worker reads and scans its own byte range of the file (`scan-ranges.ts`); a gzipped stream
 * is split chunk by chunk among them (`scan-parts.ts`). Either way they write into a shared
 * matrix.
 *
 * Why: a fresh 90 MB buffer for the whole file costs as much to page in as scanning it, and
 * the scan then reads it from main memory; a few-MB buffer stays in cache and is paid for once.
 *
 * Gzipped files are inflated piece by piece on the libuv pool (`gunzipSource`) into the same
 * chunks. Files that fit in one chunk and anything that is not a regular file go through
 * `readBytes` + `parseMatrixText`; results and errors are the same on every path.
 */
import { promises as fs, createReadStream, type Stats } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream';
import { DataError } from '../../core/errors.js';
import { msg } from '../../core/messages.js';
import { readBytes } from './files.js';
import { parseMatrixText, parseMatrixHeader, finishMatrixText, type MatrixReadOptions, type LoadedExpressionSet } from '../matrix-text.js';
import type { Executor } from '../../core/pool.js';
import { inThreadScanner, parallelScanner, lineFeeds, rowEstimate, u8 } from './scan-parts.js';
import { DEFAULT_CHUNK, DEFAULT_PARALLEL_CHUNK, takeBuffer, giveBack, newBuffer, fileSource, scanChunks, type ByteSource } from './chunks.js';
import { scanFileInRanges } from './scan-ranges.js';

/** Options of `readMatrixTextFile`. */
export interface MatrixTextFileOptions extends Omit<MatrixReadOptions, 'source'> {
  /** Bytes per read (the two chunk buffers); grown when a line is longer. Default 1 MiB, or 4 MiB with an executor. */
  chunkBytes?: number;
  /**
   * Worker pool (`createWorkerPool`) to scan in parallel: a plain file in one byte range per
   * worker (`scan-ranges.ts`), a gzipped one chunk by chunk in parts (`scan-parts.ts`); the
   * values go straight into a `SharedArrayBuffer`. Results and errors are bit-identical
   * whatever the pool size. Default: none (one thread).
   */
  executor?: Executor;
}


/** Open for reading, with the readers' messages for a missing file. */
async function openFile(path: string): Promise<{ fh: fs.FileHandle; stat: Stats }> {
  let fh: fs.FileHandle;
  try {
    fh = await fs.open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError(msg.fileMissing(path));
    if (code === 'EISDIR') throw new DataError(msg.fileIsDirectory(path));
    throw new DataError(`${path}: ${(e as Error).message}`);
  }
  return { fh, stat: await fh.stat() };
}

/**
 * The decompressed bytes of a gzip file, inflated on the libuv pool in 1 MiB pieces while the
 * main thread scans. A truncated or corrupt stream gives the same error as `readBytes`.
 */
function gunzipSource(path: string): ByteSource {
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  pipeline(input, gunzip, () => undefined);
  const pieces = gunzip[Symbol.asyncIterator]();
  let left: Buffer = Buffer.alloc(0);
  let ended = false;
  return {
    async fill(b, at) {
      let n = 0;
      while (at + n < b.length) {
        if (left.length === 0) {
          if (ended) break;
          let r: IteratorResult<Buffer>;
          try {
            r = await pieces.next();
          } catch {
            throw new DataError(msg.gzipTruncated(path));
          }
          if (r.done) {
            ended = true;
            break;
          }
          left = r.value;
        }
        const k = Math.min(left.length, b.length - at - n);
        left.copy(b, at + n, 0, k);
        left = left.subarray(k);
        n += k;
      }
      return n;
    },
    async close() {
      input.destroy();
      gunzip.destroy();
    },
  };
}

/** Uncompressed size recorded in a gzip trailer (modulo 2^32: a lower bound for estimates), or 0. */
async function gzipSize(fh: fs.FileHandle, size: number): Promise<number> {
  const t = Buffer.alloc(4);
  const { bytesRead } = await fh.read(t, 0, 4, size - 4);
  return bytesRead === 4 ? t.readUInt32LE(0) : 0;
}

/** Offset just after the first data line (header and first row both ended by a line feed), or −1. */
function firstRowEnd(b: Buffer, start: number, end: number): number {
  let found = 0;
  let pos = start;
  while (pos < end) {
    const e = b.indexOf(10, pos);
    if (e < 0 || e >= end) return -1;
    const blank = e === pos || (e === pos + 1 && b[pos] === 13);
    pos = e + 1;
    if (!blank && ++found === 2) return pos;
  }
  return -1;
}

/**
 * Read a TSV/CSV genes × samples matrix file in chunks. Same result and same errors as
 * `parseMatrixText(await readBytes(path))`, without holding the file in memory.
 * O(bytes), one pass; memory: the matrix plus two chunks.
 */
export async function readMatrixTextFile(path: string, options: MatrixTextFileOptions = {}): Promise<LoadedExpressionSet> {
  const { chunkBytes, executor, ...rest } = options;
  const readOptions: MatrixReadOptions = { ...rest, source: path };
  const parallel = executor !== undefined && executor.size > 1;
  const chunk = Math.max(64, Math.floor(chunkBytes ?? (parallel ? DEFAULT_PARALLEL_CHUNK : DEFAULT_CHUNK)));
  const { fh, stat } = await openFile(path);
  const whole = async (): Promise<LoadedExpressionSet> => {
    await fh.close();
    return parseMatrixText(await readBytes(path), readOptions);
  };
  if (stat.isDirectory()) {
    await fh.close();
    throw new DataError(msg.fileIsDirectory(path));
  }
  if (!stat.isFile() || stat.size <= chunk) return whole();
  const first2 = [takeBuffer(chunk, parallel), takeBuffer(chunk, parallel)];
  let [cur, next] = first2;
  let source = fileSource(fh);
  let done = false;
  try {
    // first chunk: it must hold the header and the first data line
    let len = await source.fill(cur, 0);
    let size = stat.size;
    const gzip = len >= 2 && cur[0] === 0x1f && cur[1] === 0x8b;
    if (gzip) {
      size = Math.max(await gzipSize(fh, size), 2 * chunk);
      await source.close();
      source = gunzipSource(path);
      len = await source.fill(cur, 0);
    }
    const bom = len >= 3 && cur[0] === 0xef && cur[1] === 0xbb && cur[2] === 0xbf ? 3 : 0;
    while (firstRowEnd(cur, bom, len) < 0) {
      if (len < cur.length) {
        // the whole file is in this chunk
        const bytes = u8(cur).subarray(0, len);
        done = true;
        return parseMatrixText(len === 0 ? new Uint8Array(0) : bytes, readOptions);
      }
      const bigger = newBuffer(cur.length * 2, parallel);
      cur.copy(bigger, 0, 0, len);
      cur = bigger;
      len += await source.fill(cur, len);
    }
    const head = parseMatrixHeader(u8(cur).subarray(bom, len), readOptions);
    const first = bom + head.first;
    if (parallel && !gzip) {
      // each worker reads its own byte range of the file
      const scan = await scanFileInRanges(path, head, first, size, executor, Math.min(chunk, DEFAULT_CHUNK));
      done = true;
      return finishMatrixText(scan, head, readOptions);
    }
    // row capacity: estimated from the first chunk's rows and the file size, grown if short
    const estimate = rowEstimate(lineFeeds(cur, first, len), len - first, Math.max(size, len) - first);
    const scanner = parallel ? parallelScanner(head, estimate, size - first, executor) : inThreadScanner(head, estimate, size - first);
    await scanChunks(source, cur, next, len, first, head.firstLine, scanner);
    done = true;
    return finishMatrixText(scanner.finish(), head, readOptions);
  } finally {
    await source.close().catch(() => undefined);
    await fh.close().catch(() => undefined);
    if (done) {
      // after an error a read may still be filling one of them
      giveBack(first2[0], parallel);
      giveBack(first2[1], parallel);
    }
  }
}

