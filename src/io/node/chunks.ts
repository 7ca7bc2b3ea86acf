/**
 * The chunk loop shared by the file readers: bytes come from a `ByteSource` into two buffers;
 * while one block of whole lines is scanned, the next chunk is read into the other buffer
 * behind the carried partial last line. Lines longer than a buffer grow it; the last line of
 * the input gets the line feed the scanner needs as its sentinel.
 */
import type { promises as fs } from 'node:fs';
import type { BlockScanner } from './scan-parts.js';

export const DEFAULT_CHUNK = 1 << 20;
export const DEFAULT_PARALLEL_CHUNK = 4 << 20;

/** Chunk buffers kept between calls (up to two readers at the same time), plain and shared. */
const spare = { plain: [] as Buffer[], shared: [] as Buffer[] };

export function newBuffer(size: number, shared: boolean): Buffer {
  return shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
}

export function takeBuffer(size: number, shared: boolean): Buffer {
  const list = shared ? spare.shared : spare.plain;
  const i = list.findIndex((b) => b.length === size);
  return i >= 0 ? list.splice(i, 1)[0] : newBuffer(size, shared);
}

export function giveBack(b: Buffer, shared: boolean): void {
  const list = shared ? spare.shared : spare.plain;
  if ((b.length === DEFAULT_CHUNK || b.length === DEFAULT_PARALLEL_CHUNK) && list.length < 4) list.push(b);
}

/** Fill b[at …) from the file at `position`; returns the bytes read (fewer only at the end of the file). */
export async function fill(fh: fs.FileHandle, b: Buffer, at: number, position: number): Promise<number> {
  let n = 0;
  while (at + n < b.length) {
    const { bytesRead } = await fh.read(b, at + n, b.length - at - n, position + n);
    if (bytesRead === 0) break;
    n += bytesRead;
  }
  return n;
}

/** The bytes of a file in order: `fill(b, at)` fills b[at …) and returns the count (fewer only at the end). */
export interface ByteSource {
  fill(b: Buffer, at: number): Promise<number>;
  close(): Promise<void>;
}

/** The bytes [start, end) of an open file (default: all of it). */
export function fileSource(fh: fs.FileHandle, start = 0, end = Infinity): ByteSource {
  let position = start;
  return {
    async fill(b, at) {
      const room = Math.min(b.length - at, end - position);
      const n = room > 0 ? await fill(fh, b.subarray(0, at + room), at, position) : 0;
      position += n;
      return n;
    },
    close: () => fh.close(),
  };
}

/**
 * The main pass: scan cur[start, len) — whole lines only — while the next chunk is read into
 * the other buffer behind the carried partial line.
 */
export async function scanChunks(source: ByteSource, cur: Buffer, next: Buffer, len: number, start: number, line: number, scanner: BlockScanner): Promise<void> {
  let eof = false;
  if (len === 0) return;
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
