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

/** The bytes of a file in order: `fill(b, at)` fills b[at …) and returns the count (fewer only at the end). */
interface ByteSource {
  fill(b: Buffer, at: number): Promise<number>;
  close(): Promise<void>;
}

function fileSource(fh: fs.FileHandle): ByteSource {
  let position = 0;
  return {
    async fill(b, at) {
      const n = await fill(fh, b, at, position);
      position += n;
      return n;
    },
    close: () => fh.close(),
  };
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
    if (len >= 2 && cur[0] === 0x1f && cur[1] === 0x8b) {
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

/**
 * The main pass: scan cur[start, len) — whole lines only — while the next chunk is read into
 * the other buffer behind the carried partial line.
 */
async function scanChunks(source: ByteSource, cur: Buffer, next: Buffer, len: number, start: number, line: number, scanner: BlockScanner): Promise<void> {
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
      const n: number = eof ? 0 : await source.fill(cur.subarray(0, cur.length - 1), len);
      eof = n < want;
      len += n;
      if (n === 0) return lastLine(cur, len, line, scanner);
      continue;
    }
    const tail = len - (lastLf + 1);
    if (next.length < tail + 1) next = newBuffer(cur.length, scanner.shared);
    cur.copy(next, 0, lastLf + 1, len);
    const want = next.length - tail;
    const reading: Promise<number> = eof ? Promise.resolve(0) : source.fill(next, tail);
    reading.catch(() => undefined); // a scan error must not leave this rejection unhandled
    line = await scanner.scan(cur, start, lastLf + 1, line);
    const n: number = await reading;
    eof = n < want;
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
