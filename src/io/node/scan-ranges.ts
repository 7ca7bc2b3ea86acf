/**
 * Parallel scan of an uncompressed matrix file by byte ranges: the rows after the header are
 * cut into one range per worker at line starts; each worker reads its own range in chunks
 * (`chunks.ts`) and writes its rows straight into the shared value matrix. Two rounds on the
 * pool: the workers first count the line feeds of their ranges (memchr), which gives every
 * range its first line number and first row, and the matrix its size; then they scan. No
 * thread waits on another between the two rounds, so a busy machine slows the workers but
 * does not make them wait on each other chunk by chunk.
 *
 * Every value is read by the same scanner whatever the range, so the matrix is bit-identical
 * for any number of workers. Ranges fail independently; the first failing range in file order
 * holds the first bad line, and its ParseError is rebuilt here with the same location and text.
 * Blank lines leave row slots unused; `finish` closes the gaps with one `copyWithin` per range.
 */
import { promises as fs } from 'node:fs';
import type { Executor, Task } from '../../core/pool.js';
import { ParseError } from '../../core/errors.js';
import { finishScan, scanRows, type ScanLayout, type ScanResult, type ScanSink } from '../matrix-scan.js';
import type { MatrixHeader } from '../matrix-text.js';
import { fileSource, takeBuffer, giveBack, scanChunks } from './chunks.js';
import { emptyAnnotation, failedPart, gatherParts, lineFeeds, u8, type BlockScanner, type PartResult } from './scan-parts.js';

/** Worker task: the line feeds in bytes [start, end) of the file and its last byte (−1 when empty). */
export async function countRange(path: string, start: number, end: number, chunk: number): Promise<{ lf: number; last: number }> {
  const fh = await fs.open(path, 'r');
  const b = takeBuffer(chunk, false);
  try {
    const source = fileSource(fh, start, end);
    let lf = 0;
    let last = -1;
    for (;;) {
      const n = await source.fill(b, 0);
      if (n === 0) break;
      lf += lineFeeds(b, 0, n);
      last = b[n - 1];
    }
    return { lf, last };
  } finally {
    await fh.close();
    giveBack(b, false);
  }
}

/**
 * Worker task: scan the whole lines in bytes [start, end) of the file (the last range may end
 * without a line feed) from line `line` into rows `row …` of the shared `data` and `lines`.
 */
export async function scanRange(
  path: string,
  start: number,
  end: number,
  line: number,
  row: number,
  firstRow: boolean,
  layout: ScanLayout,
  data: Float64Array,
  lines: Int32Array,
  chunk: number,
): Promise<PartResult> {
  const sink: ScanSink = { nrow: row, data, lines, genes: [], annotation: emptyAnnotation(layout), firstRow };
  const scanner: BlockScanner = {
    shared: false,
    scan: async (b, s, e, l) => scanRows(u8(b), s, e, l, layout, sink),
    finish: () => finishScan(sink, layout.ncol),
  };
  const fh = await fs.open(path, 'r');
  const cur = takeBuffer(chunk, false);
  const next = takeBuffer(chunk, false);
  let done = false;
  try {
    const source = fileSource(fh, start, end);
    const len = await source.fill(cur, 0);
    await scanChunks(source, cur, next, len, 0, line, scanner);
    done = true;
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return failedPart(e);
  } finally {
    await fh.close();
    if (done) {
      giveBack(cur, false);
      giveBack(next, false);
    }
  }
  return { nrow: sink.nrow - row, genes: sink.genes, annotation: sink.annotation };
}

/** This module's URL as a worker loads it (`.ts` from the sources, `.js` when compiled or bundled beside the runner). */
const TASK_MODULE = new URL(import.meta.url.endsWith('.ts') ? './scan-ranges.ts' : './scan-ranges.js', import.meta.url).href;

/** Start of the line after the first line feed at or after `at` (the file size when there is none). */
async function lineStartAfter(fh: fs.FileHandle, at: number, size: number): Promise<number> {
  const probe = Buffer.allocUnsafe(1 << 16);
  while (at < size) {
    const { bytesRead } = await fh.read(probe, 0, probe.length, at);
    if (bytesRead === 0) break;
    const k = probe.indexOf(10);
    if (k >= 0 && k < bytesRead) return at + k + 1;
    at += bytesRead;
  }
  return size;
}

/**
 * Scan the rows of `path` from byte `first` (line `head.firstLine`) to `size` on the pool,
 * one range per worker. Throws the ParseError a one-thread read throws.
 */
export async function scanFileInRanges(path: string, head: MatrixHeader, first: number, size: number, executor: Executor, chunk: number): Promise<ScanResult> {
  const { layout } = head;
  const ncol = layout.ncol;
  const k = executor.size;
  const cuts = [first];
  const fh = await fs.open(path, 'r');
  try {
    for (let i = 1; i < k; i++) cuts.push(Math.max(cuts[i - 1], await lineStartAfter(fh, first + Math.floor(((size - first) * i) / k), size)));
  } finally {
    await fh.close();
  }
  cuts.push(size);
  const ranges = cuts.slice(1).map((e, i): [number, number] => [cuts[i], Math.max(cuts[i], e)]);
  const counts = await executor.run(ranges.map(([s, e]): Task<Parameters<typeof countRange>, { lf: number; last: number }> => ({ module: TASK_MODULE, fn: 'countRange', args: [path, s, e, chunk], impl: countRange })));
  let rows = 0;
  let last = -1;
  const at: { line: number; row: number }[] = [];
  for (const c of counts) {
    at.push({ line: head.firstLine + rows, row: rows });
    rows += c.lf;
    if (c.last >= 0) last = c.last;
  }
  if (last !== 10) rows++; // a last line without a line feed
  const data = new Float64Array(new SharedArrayBuffer(rows * ncol * Float64Array.BYTES_PER_ELEMENT));
  const lines = new Int32Array(new SharedArrayBuffer(rows * Int32Array.BYTES_PER_ELEMENT));
  const results = await executor.run(
    ranges.map(([s, e], i): Task<Parameters<typeof scanRange>, PartResult> => ({
      module: TASK_MODULE,
      fn: 'scanRange',
      args: [path, s, e, at[i].line, at[i].row, i === 0, layout, data, lines, chunk],
      impl: scanRange,
    })),
  );
  return gatherParts(results.map((result, i) => ({ row: at[i].row, result })), data, lines, layout);
}
