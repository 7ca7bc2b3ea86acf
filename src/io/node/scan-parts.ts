/**
 * How the chunked file reader (`matrix-file.ts`) scans a block of whole lines: in this thread
 * into one sink, or — for a gzipped stream, which cannot be cut into byte ranges as
 * `scan-ranges.ts` does with plain files — split at line feeds into one part per worker, each
 * worker writing its rows straight into the shared value matrix.
 *
 * Parallel layout: the line feeds of each part are counted first (memchr), so part i knows its
 * first line number and its first row (the rows of the parts before it, blank lines counted as
 * rows); blank lines leave gaps that `finish` closes with one `copyWithin` per part. Every value
 * is read by the same scanner whatever the part, so the matrix is bit-identical for any number
 * of workers. A part that fails is scanned again in this thread, which throws the very error a
 * one-thread read throws (the first bad line of the file, with file:line:column).
 */
import type { Executor, Task } from '../../core/pool.js';
import { ParseError } from '../../core/errors.js';
import { createScanSink, finishScan, scanRows, type ScanLayout, type ScanResult, type ScanSink } from '../matrix-scan.js';
import type { MatrixHeader } from '../matrix-text.js';

/** How blocks of whole lines are scanned. */
export interface BlockScanner {
  /** Whether chunk buffers must be shared memory. */
  readonly shared: boolean;
  /** Scan the whole lines b[start, end) (b[end − 1] is a line feed) from line `line`; returns the line after. */
  scan(b: Uint8Array, start: number, end: number, line: number): Promise<number>;
  finish(): ScanResult;
}

/** Plain Uint8Array view of the same bytes (indexing a Buffer directly is slower in the scanner). */
export function u8(b: Uint8Array): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

/** Line feeds in b[start, end), by memchr. */
export function lineFeeds(b: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = b.indexOf(10, start); i >= 0 && i < end; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Rows to allocate for `bytes` of rows when `sampleRows` line feeds were seen in `sampleBytes`:
 * 3% over the average, plus a few.
 */
export function rowEstimate(sampleRows: number, sampleBytes: number, bytes: number): number {
  return Math.ceil((Math.max(1, sampleRows) / Math.max(1, sampleBytes)) * bytes * 1.03) + 16;
}

/**
 * Row storage that grows: `reserve(need, …)` before a block whose rows end at `need`; when
 * short, the capacity becomes a new estimate from the rows and bytes seen so far, and the rows
 * are copied once. Shared memory when `shared`.
 */
class RowStore {
  data: Float64Array;
  lines: Int32Array;
  constructor(
    readonly ncol: number,
    readonly shared: boolean,
    capacity: number,
  ) {
    this.data = this.f64(capacity * ncol);
    this.lines = this.i32(capacity);
  }
  private f64(n: number): Float64Array {
    return this.shared ? new Float64Array(new SharedArrayBuffer(n * 8)) : new Float64Array(n);
  }
  private i32(n: number): Int32Array {
    return this.shared ? new Int32Array(new SharedArrayBuffer(n * 4)) : new Int32Array(n);
  }
  /** Make room for rows [0, need); `used` rows hold data; `bytesSeen` of `bytes` have been counted. */
  reserve(need: number, used: number, bytesSeen: number, bytes: number): void {
    if (need <= this.lines.length) return;
    const capacity = Math.max(need, rowEstimate(need, bytesSeen, bytes));
    const data = this.f64(capacity * this.ncol);
    const lines = this.i32(capacity);
    data.set(this.data.subarray(0, used * this.ncol));
    lines.set(this.lines.subarray(0, used));
    this.data = data;
    this.lines = lines;
  }
}

/** A Buffer view of the same bytes (for memchr through `indexOf`). */
function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length);
}

/** All rows in this thread, into one sink; `capacity` rows to start with, for `bytes` of rows. */
export function inThreadScanner(head: MatrixHeader, capacity: number, bytes: number): BlockScanner {
  const { layout } = head;
  const store = new RowStore(layout.ncol, false, capacity);
  const sink = createScanSink(layout, 0);
  sink.data = store.data;
  sink.lines = store.lines;
  let bytesSeen = 0;
  return {
    shared: false,
    async scan(b, start, end, line) {
      bytesSeen += end - start;
      // a block of whole lines holds at most its line feeds in rows
      store.reserve(sink.nrow + lineFeeds(asBuffer(b), start, end), sink.nrow, bytesSeen, bytes);
      sink.data = store.data;
      sink.lines = store.lines;
      return scanRows(u8(b), start, end, line, layout, sink);
    },
    finish: () => finishScan(sink, layout.ncol),
  };
}

/** What a part returns: its row count, ids and annotation texts, or that it failed. */
export interface PartResult {
  nrow: number;
  genes: string[];
  annotation: string[][];
  failed: boolean;
}

/**
 * Worker task: scan bytes[start, end) (whole lines) from line `line` into rows `row …` of the
 * shared `data` and `lines`. A ParseError is reported as `failed` (the caller re-scans the part
 * to throw it); other errors propagate.
 */
export function scanPart(bytes: Uint8Array, start: number, end: number, line: number, row: number, layout: ScanLayout, data: Float64Array, lines: Int32Array): PartResult {
  const annotation: string[][] = [];
  for (let a = 0; a < (layout.nannotation ?? 0); a++) annotation.push([]);
  const sink: ScanSink = { nrow: row, data, lines, genes: [], annotation, firstRow: false };
  try {
    scanRows(bytes, start, end, line, layout, sink);
  } catch (e) {
    if (e instanceof ParseError) return { nrow: 0, genes: [], annotation: [], failed: true };
    throw e;
  }
  return { nrow: sink.nrow - row, genes: sink.genes, annotation: sink.annotation, failed: false };
}

/** This module's URL as a worker loads it (`.ts` from the sources, `.js` when compiled or bundled beside the runner). */
const TASK_MODULE = new URL(import.meta.url.endsWith('.ts') ? './scan-parts.ts' : './scan-parts.js', import.meta.url).href;

/** Blocks smaller than this stay in one part. */
const MIN_PART = 1 << 16;

/** Rows into a shared matrix, each block split into `executor.size` parts scanned by the workers. */
export function parallelScanner(head: MatrixHeader, capacity: number, totalBytes: number, executor: Executor): BlockScanner {
  const { layout } = head;
  const ncol = layout.ncol;
  const store = new RowStore(ncol, true, capacity);
  const genes: string[] = [];
  const annotation: string[][] = [];
  for (let a = 0; a < (layout.nannotation ?? 0); a++) annotation.push([]);
  /** Per part: first row slot and rows read. */
  const parts: { row: number; nrow: number }[] = [];
  let rowAt = 0;
  let rowsRead = 0;
  let bytesSeen = 0;

  return {
    shared: true,
    async scan(b, start, end, line) {
      const bytes = u8(b);
      const buf = asBuffer(b);
      const k = end - start < 2 * MIN_PART ? 1 : executor.size;
      const cuts = [start];
      for (let i = 1; i < k; i++) {
        const at = buf.indexOf(10, Math.max(cuts[i - 1], start + Math.floor(((end - start) * i) / k)));
        cuts.push(at < 0 || at >= end ? end : at + 1);
      }
      cuts.push(end);
      const lf = cuts.slice(1).map((e, i) => lineFeeds(buf, cuts[i], e));
      bytesSeen += end - start;
      store.reserve(rowAt + lf.reduce((a, x) => a + x, 0), rowAt, bytesSeen, totalBytes);
      const tasks: Task<Parameters<typeof scanPart>, PartResult>[] = [];
      const at: { line: number; row: number }[] = [];
      for (let i = 0; i < k; i++) {
        at.push({ line, row: rowAt });
        tasks.push({ module: TASK_MODULE, fn: 'scanPart', args: [bytes, cuts[i], cuts[i + 1], line, rowAt, layout, store.data, store.lines], impl: scanPart });
        line += lf[i];
        rowAt += lf[i];
      }
      const results = k === 1 ? [scanPart(...tasks[0].args)] : await executor.run(tasks);
      results.forEach((r, i) => {
        if (r.failed) {
          // scan the part again here: it throws the error a one-thread read throws
          const sink = createScanSink(layout, lf[i]);
          sink.firstRow = rowsRead === 0;
          scanRows(bytes, cuts[i], cuts[i + 1], at[i].line, layout, sink);
          throw new Error(`${layout.source}: a part failed in a worker but not in this thread`);
        }
        for (const g of r.genes) genes.push(g);
        r.annotation.forEach((texts, a) => {
          for (const t of texts) annotation[a].push(t);
        });
        parts.push({ row: at[i].row, nrow: r.nrow });
        rowsRead += r.nrow;
      });
      return line;
    },
    finish() {
      // close the gaps blank lines left
      const { data, lines } = store;
      let dst = 0;
      for (const p of parts) {
        if (p.row !== dst && p.nrow > 0) {
          data.copyWithin(dst * ncol, p.row * ncol, (p.row + p.nrow) * ncol);
          lines.copyWithin(dst, p.row, p.row + p.nrow);
        }
        dst += p.nrow;
      }
      return finishScan({ nrow: dst, data, lines, genes, annotation, firstRow: false }, ncol);
    },
  };
}
