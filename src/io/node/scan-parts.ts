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
 * of workers. A part that fails returns its ParseError's location and text; the first failing
 * part in file order holds the first bad line, and its error is rebuilt here (`partError`), the
 * same file:line:column and text a one-thread read throws. `scan-ranges.ts` gathers and fails
 * its ranges the same way (`gatherParts`, `partError`).
 */
import type { Executor, Task } from '../../core/pool.js';
import { ParseError, formatLocation, type Location } from '../../core/errors.js';
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

/** What a part (or a byte range) returns: rows read, ids, annotation texts, or its first error. */
export interface PartResult {
  nrow: number;
  genes: string[];
  annotation: string[][];
  error?: { location: Location; text: string };
}

/** A failed part's result: the ParseError's location and its text without the location prefix. */
export function failedPart(e: ParseError): PartResult {
  return { nrow: 0, genes: [], annotation: [], error: { location: e.location, text: e.message.slice(formatLocation(e.location).length + 2) } };
}

/** The ParseError of a failed part, as a one-thread read throws it. */
export function partError(r: PartResult): ParseError | undefined {
  return r.error ? new ParseError(r.error.location, r.error.text) : undefined;
}

/** Empty annotation columns of a layout. */
export function emptyAnnotation(layout: ScanLayout): string[][] {
  return Array.from({ length: layout.nannotation ?? 0 }, () => [] as string[]);
}

/**
 * The matrix from parts scanned into `data`/`lines`, part i starting at row slot `row[i]`, in
 * file order: ids and annotation concatenated, the gaps that blank lines left closed with one
 * `copyWithin` per part. Throws the first failing part's error.
 */
export function gatherParts(parts: readonly { row: number; result: PartResult }[], data: Float64Array, lines: Int32Array, layout: ScanLayout): ScanResult {
  const ncol = layout.ncol;
  const genes: string[] = [];
  const annotation = emptyAnnotation(layout);
  let dst = 0;
  for (const { row, result: r } of parts) {
    const err = partError(r);
    if (err) throw err;
    for (const g of r.genes) genes.push(g);
    r.annotation.forEach((texts, a) => {
      for (const t of texts) annotation[a].push(t);
    });
    if (row !== dst && r.nrow > 0) {
      data.copyWithin(dst * ncol, row * ncol, (row + r.nrow) * ncol);
      lines.copyWithin(dst, row, row + r.nrow);
    }
    dst += r.nrow;
  }
  return finishScan({ nrow: dst, data, lines, genes, annotation, firstRow: false }, ncol);
}

/**
 * Worker task: scan bytes[start, end) (whole lines) from line `line` into rows `row …` of the
 * shared `data` and `lines`; `firstRow` when the part may hold the file's first row (for the
 * annotation hint of a non-numeric cell). A ParseError is returned (`failedPart`); other errors
 * propagate.
 */
export function scanPart(bytes: Uint8Array, start: number, end: number, line: number, row: number, firstRow: boolean, layout: ScanLayout, data: Float64Array, lines: Int32Array): PartResult {
  const sink: ScanSink = { nrow: row, data, lines, genes: [], annotation: emptyAnnotation(layout), firstRow };
  try {
    scanRows(bytes, start, end, line, layout, sink);
  } catch (e) {
    if (e instanceof ParseError) return failedPart(e);
    throw e;
  }
  return { nrow: sink.nrow - row, genes: sink.genes, annotation: sink.annotation };
}

/** This module's URL as a worker loads it (`.ts` from the sources, `.js` when compiled or bundled beside the runner). */
const TASK_MODULE = new URL(import.meta.url.endsWith('.ts') ? './scan-parts.ts' : './scan-parts.js', import.meta.url).href;

/** Blocks smaller than this stay in one part. */
const MIN_PART = 1 << 16;

/** Rows into a shared matrix, each block split into `executor.size` parts scanned by the workers. */
export function parallelScanner(head: MatrixHeader, capacity: number, totalBytes: number, executor: Executor): BlockScanner {
  const { layout } = head;
  const store = new RowStore(layout.ncol, true, capacity);
  /** Every part so far, with its first row slot. */
  const parts: { row: number; result: PartResult }[] = [];
  let rowAt = 0;
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
      const rows: number[] = [];
      for (let i = 0; i < k; i++) {
        rows.push(rowAt);
        const args: Parameters<typeof scanPart> = [bytes, cuts[i], cuts[i + 1], line, rowAt, rowAt === 0, layout, store.data, store.lines];
        tasks.push({ module: TASK_MODULE, fn: 'scanPart', args, impl: scanPart });
        line += lf[i];
        rowAt += lf[i];
      }
      const results = k === 1 ? [scanPart(...tasks[0].args)] : await executor.run(tasks);
      results.forEach((result, i) => {
        const err = partError(result);
        if (err) throw err; // the first failing part in file order
        parts.push({ row: rows[i], result });
      });
      return line;
    },
    finish: () => gatherParts(parts, store.data, store.lines, layout),
  };
}
