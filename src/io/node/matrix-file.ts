/**
 * Chunked reading of a TSV/CSV matrix file. The file is never held whole in memory: it is read
 * in chunks into two reused buffers, and while the main thread scans one chunk (`scanRows`),
 * `fs.read` on the libuv pool fills the other with the next one; the partial last line of a
 * chunk is carried to the front of the next. The value matrix is allocated once, at a row
 * count estimated from the first chunk and the file size (a little over; the untouched surplus
 * costs no memory), and grown only when the estimate falls short. With a worker pool each
 * chunk is split at line feeds among the workers, which write into a shared matrix
 * (`scan-parts.ts`).
 *
 * Why: a fresh 90 MB buffer for the whole file costs as much to page in as scanning it, and
 * the scan then reads it from main memory; a few-MB buffer stays in cache and is paid for once.
 *
 * Gzipped files, files that fit in one chunk and anything that is not a regular file go through
 * `readBytes` + `parseMatrixText`, with the same results and errors.
 */
import { promises as fs, type Stats } from 'node:fs';
import { DataError } from '../../core/errors.js';
import { msg } from '../../core/messages.js';
import { readBytes } from './files.js';
import { parseMatrixText, parseMatrixHeader, finishMatrixText, type MatrixReadOptions, type LoadedExpressionSet } from '../matrix-text.js';
import type { Executor } from '../../core/pool.js';
import { inThreadScanner, parallelScanner, lineFeeds, rowEstimate, u8, type BlockScanner } from './scan-parts.js';

/** Options of `readMatrixTextFile`. */
export interface MatrixTextFileOptions extends Omit<MatrixReadOptions, 'source'> {
  /** Bytes per read (the two chunk buffers); grown when a line is longer. Default 1 MiB, or 4 MiB with an executor. */
  chunkBytes?: number;
  /**
   * Worker pool (`createWorkerPool`) to scan each chunk in `size` parts at once; the values go
   * straight into a `SharedArrayBuffer`. Results are bit-identical whatever the pool size.
   * Default: none (one thread).
   */
  executor?: Executor;
}

const DEFAULT_CHUNK = 1 << 20;
const DEFAULT_PARALLEL_CHUNK = 4 << 20;

/** Chunk buffers kept between calls (up to two readers at the same time), plain and shared. */
const spare = { plain: [] as Buffer[], shared: [] as Buffer[] };

function newBuffer(size: number, shared: boolean): Buffer {
  return shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
}

function takeBuffer(size: number, shared: boolean): Buffer {
  const list = shared ? spare.shared : spare.plain;
  const i = list.findIndex((b) => b.length === size);
  return i >= 0 ? list.splice(i, 1)[0] : newBuffer(size, shared);
}

function giveBack(b: Buffer, shared: boolean): void {
  const list = shared ? spare.shared : spare.plain;
  if ((b.length === DEFAULT_CHUNK || b.length === DEFAULT_PARALLEL_CHUNK) && list.length < 4) list.push(b);
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

/** Fill b[at …) from the file at `position`; returns the bytes read (fewer only at the end of the file). */
async function fill(fh: fs.FileHandle, b: Buffer, at: number, position: number): Promise<number> {
  let n = 0;
  while (at + n < b.length) {
    const { bytesRead } = await fh.read(b, at + n, b.length - at - n, position + n);
    if (bytesRead === 0) break;
    n += bytesRead;
  }
  return n;
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
  let done = false;
  try {
    // first chunk: it must hold the header and the first data line
    let len = await fill(fh, cur, 0, 0);
    if (len >= 2 && cur[0] === 0x1f && cur[1] === 0x8b) return await whole();
    const bom = len >= 3 && cur[0] === 0xef && cur[1] === 0xbb && cur[2] === 0xbf ? 3 : 0;
    let fileAt = len;
    while (firstRowEnd(cur, bom, len) < 0) {
      if (len < cur.length) return await whole(); // the whole file was read
      const bigger = newBuffer(cur.length * 2, parallel);
      cur.copy(bigger, 0, 0, len);
      cur = bigger;
      const n = await fill(fh, cur, len, fileAt);
      len += n;
      fileAt += n;
    }
    const head = parseMatrixHeader(u8(cur).subarray(bom, len), readOptions);
    const first = bom + head.first;
    // row capacity: estimated from the first chunk's rows and the file size, grown if short
    const estimate = rowEstimate(lineFeeds(cur, first, len), len - first, stat.size - first);
    const scanner = parallel ? parallelScanner(head, estimate, stat.size - first, executor) : inThreadScanner(head, estimate, stat.size - first);
    await scanChunks(fh, cur, next, len, first, fileAt, head.firstLine, scanner);
    done = true;
    return finishMatrixText(scanner.finish(), head, readOptions);
  } finally {
    await fh.close().catch(() => undefined);
    if (done) {
      // after an error a read may still be filling one of them
      giveBack(first2[0], parallel);
      giveBack(first2[1], parallel);
    }
  }
}

/**
 * The main pass: scan cur[start, len) — whole lines only — while the next chunk is read into
 * the other buffer behind the carried partial line.
 */
async function scanChunks(fh: fs.FileHandle, cur: Buffer, next: Buffer, len: number, start: number, fileAt: number, line: number, scanner: BlockScanner): Promise<void> {
  let eof = false;
  for (;;) {
    const lastLf = cur.lastIndexOf(10, len - 1);
    if (lastLf < start) {
      // no whole line left: move the rest to the front of a buffer twice as big and read on
      const rest = len - start;
      const bigger = newBuffer(Math.max(2 * cur.length, rest + 2), scanner.shared);
      cur.copy(bigger, 0, start, len);
      cur = bigger;
      start = 0;
      len = rest;
      const want = cur.length - 1 - len; // one byte kept for a final line feed
      const n: number = eof ? 0 : await fill(fh, cur.subarray(0, cur.length - 1), len, fileAt);
      eof = n < want;
      fileAt += n;
      len += n;
      if (n === 0) return lastLine(cur, len, line, scanner);
      continue;
    }
    const tail = len - (lastLf + 1);
    if (next.length < tail + 1) next = newBuffer(cur.length, scanner.shared);
    cur.copy(next, 0, lastLf + 1, len);
    const want = next.length - tail;
    const reading: Promise<number> = eof ? Promise.resolve(0) : fill(fh, next, tail, fileAt);
    reading.catch(() => undefined); // a scan error must not leave this rejection unhandled
    line = await scanner.scan(cur, start, lastLf + 1, line);
    const n: number = await reading;
    eof = n < want;
    fileAt += n;
    [cur, next] = [next, cur];
    len = tail + n;
    start = 0;
    if (n === 0) return lastLine(cur, len, line, scanner);
  }
}

/** Scan the last line of the file, cur[0, len) without its line feed: supply one. */
async function lastLine(cur: Buffer, len: number, line: number, scanner: BlockScanner): Promise<void> {
  if (len === 0) return;
  let b = cur;
  if (len === b.length) {
    b = newBuffer(len + 1, scanner.shared);
    cur.copy(b, 0, 0, len);
  }
  b[len] = 10;
  await scanner.scan(b, 0, len + 1, line);
}
