/**
 * The byte-level scanner for the body of a numeric matrix (the rows after the header). One pass
 * over the bytes, no per-line strings: each numeric cell is read straight from the bytes into
 * the row-major `Float64Array` (fast path described in `scan-number.ts`); cells outside the
 * fast grammar fall back to `parseNumericCell` on their text. Ids and annotation cells may be
 * double-quoted. Blank lines are skipped. O(bytes).
 *
 * The scan is resumable: `scanRows` reads the whole lines of one block of bytes into a
 * `ScanSink` whose row capacity the caller has counted, so a file can be read in chunks
 * (`node/matrix-file.ts`) or split among workers at line boundaries (`matrix-parallel.ts`).
 * A block must end with a line feed: the scanner uses it as the sentinel that stops every inner
 * loop, so no loop tests the end of the block. `scanMatrixBody` does the whole of an in-memory
 * input, supplying the final line feed when the input lacks one.
 *
 * Readable form of the inner loop, per row:
 *   fields = line.split(delim); id = fields[0];
 *   for each field f ≥ 1: kind[f] ≥ 0 ? data[row·ncol + kind[f]] = Number(fields[f]) : keep text
 */
import { ParseError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { ioMsg } from './messages.js';
import { POW10, TWO53, parseNumericCell, decodeBytes } from './scan-number.js';
import { countFields } from './fields.js';

/** How the fields of a row map to the matrix. */
export interface ScanLayout {
  source: string;
  /** Delimiter byte (9 tab, 44 comma, 59 semicolon…). */
  delim: number;
  /** Number of fields per row. */
  nfields: number;
  /** Per field: −1 for the id (field 0), −2 for an annotation field, else the sample column. */
  kind: Int32Array;
  /** Number of sample columns. */
  ncol: number;
  /** Per field: index into the annotation arrays (−1 when not an annotation field or not kept). */
  annotationIndex?: Int32Array;
  nannotation?: number;
  /** Header names per field, for the hint on a non-numeric first row. */
  names?: string[];
}

export interface ScanResult {
  nrow: number;
  genes: string[];
  /** Row-major nrow × ncol values. */
  data: Float64Array;
  /** 1-based line number of each row in the file. */
  lines: Int32Array;
  /** Annotation texts, one array per kept annotation field. */
  annotation: string[][];
}

/**
 * Where `scanRows` writes: row `nrow` goes to `data[nrow·ncol …]` and `lines[nrow]`; its id
 * and annotation texts are appended to `genes` and `annotation`. `data` and `lines` may be
 * views on shared memory written by several workers, each from its own first row.
 */
export interface ScanSink {
  /** Next row to write (the rows already written, when the sink started at row 0). */
  nrow: number;
  data: Float64Array;
  lines: Int32Array;
  genes: string[];
  annotation: string[][];
  /** True until the sink's first row is read: the non-numeric-cell hint is given on the file's first row only. */
  firstRow: boolean;
}

/** A sink for `capacity` rows starting at row 0, on fresh arrays. */
export function createScanSink(layout: ScanLayout, capacity: number): ScanSink {
  const annotation: string[][] = [];
  for (let a = 0; a < (layout.nannotation ?? 0); a++) annotation.push([]);
  return {
    nrow: 0,
    data: new Float64Array(capacity * layout.ncol),
    lines: new Int32Array(capacity),
    genes: [],
    annotation,
    firstRow: true,
  };
}

/**
 * The result of a sink filled from row 0. When fewer rows were read than counted (blank lines),
 * a small surplus stays as unused, never-touched memory behind a view; a large one is copied
 * away.
 */
export function finishScan(sink: ScanSink, ncol: number): ScanResult {
  const { nrow } = sink;
  let { data, lines } = sink;
  if (nrow < lines.length) {
    const trim = (lines.length - nrow) * 16 > lines.length;
    data = trim ? data.slice(0, nrow * ncol) : data.subarray(0, nrow * ncol);
    lines = lines.slice(0, nrow);
  }
  return { nrow, genes: sink.genes, data, lines, annotation: sink.annotation };
}

/** Number of line feeds in b[start, end) (memchr through `indexOf`). */
export function countLineFeeds(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = b.indexOf(10, start); i >= 0 && i < end; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/** Text of a (possibly quoted) field [s, e): quotes removed, `""` unescaped, spaces trimmed. */
function fieldText(b: Uint8Array, s: number, e: number): string {
  const t = decodeBytes(b, s, e).trim();
  if (t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34) return t.slice(1, -1).replace(/""/g, '"');
  return t;
}

/** End of a text field starting at p (position of the delimiter or of the CR LF / LF ending the line). */
function textFieldEnd(b: Uint8Array, p: number, delim: number, where: { file: string; line: number; column: number }): number {
  let c = b[p];
  while (c === 32) c = b[++p];
  if (c === 34) {
    p++;
    for (;;) {
      c = b[p];
      if (c === 10) throw new ParseError(where, ioMsg.unterminatedQuote());
      if (c === 34) {
        if (b[p + 1] === 34) p += 2;
        else {
          p++;
          break;
        }
      } else p++;
    }
  }
  while ((c = b[p]) !== delim && c !== 10 && !(c === 13 && b[p + 1] === 10)) p++;
  return p;
}

/** A numeric cell outside the fast grammar, bytes [s, p) where p is at its delimiter or line feed: `Number()` on its text. */
function slowCell(b: Uint8Array, s: number, p: number, layout: ScanLayout, firstRow: boolean, line: number, f: number): number {
  const e = p > s && b[p] === 10 && b[p - 1] === 13 ? p - 1 : p;
  const text = decodeBytes(b, s, e);
  const parsed = parseNumericCell(text);
  if (parsed === undefined) {
    const hint = firstRow && f < layout.nfields - 1 && layout.names ? ioMsg.annotationHint(layout.names[f]) : '';
    throw new ParseError({ file: layout.source, line, column: f + 1 }, msg.notNumeric(text) + hint);
  }
  return parsed;
}

/**
 * Scan the rows of b[pos, end) into `sink`; `pos` starts line `line` and b[end − 1] must be a
 * line feed. Returns the line number after the block. Throws a ParseError naming
 * file:line:column on the first bad row.
 */
export function scanRows(b: Uint8Array, pos: number, end: number, line: number, layout: ScanLayout, sink: ScanSink): number {
  const { delim, nfields, kind, ncol, source } = layout;
  const annIndex = layout.annotationIndex;
  const { data, lines, genes, annotation } = sink;
  let nrow = sink.nrow;
  let p = pos;
  while (p < end) {
    let c = b[p];
    if (c === 10) {
      p++;
      line++;
      continue;
    }
    if (c === 13 && b[p + 1] === 10) {
      p += 2;
      line++;
      continue;
    }
    const lineStart = p;
    const base = nrow * ncol;
    for (let f = 0; f < nfields; f++) {
      const k = kind[f];
      if (k >= 0) {
        // numeric cell: sign, digits, fraction, exponent straight from the bytes
        const s = p;
        c = b[p];
        const neg = c === 45;
        if (neg || c === 43) c = b[++p];
        const ds = p;
        let m = 0;
        while (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          c = b[++p];
        }
        let nd = p - ds;
        let e10 = 0;
        if (c === 46) {
          const fs = ++p;
          c = b[p];
          while (c >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            c = b[++p];
          }
          nd += p - fs;
          e10 = fs - p;
        }
        if (c === 101 || c === 69) {
          c = b[++p];
          const eneg = c === 45;
          if (eneg || c === 43) c = b[++p];
          const es = p;
          let ev = 0;
          while (c >= 48 && c <= 57) {
            if (ev < 100000) ev = ev * 10 + (c - 48);
            c = b[++p];
          }
          if (p === es) nd = 0;
          e10 += eneg ? -ev : ev;
        }
        let v: number;
        if (nd > 0 && m < TWO53 && e10 >= -22 && e10 <= 22 && (c === delim || c === 10 || (c === 13 && b[p + 1] === 10))) {
          v = e10 >= 0 ? m * POW10[e10] : m / POW10[-e10];
          if (neg) v = -v;
        } else {
          // slow path: NA, Inf, long mantissa, big exponent, quotes, spaces → Number() on the text
          p = s;
          c = b[p];
          while (c !== delim && c !== 10) c = b[++p];
          v = slowCell(b, s, p, layout, sink.firstRow, line, f);
        }
        data[base + k] = v;
      } else {
        const s = p;
        p = textFieldEnd(b, p, delim, { file: source, line, column: f + 1 });
        c = b[p];
        if (k === -1) {
          const id = fieldText(b, s, p);
          if (id === '') throw new ParseError({ file: source, line, column: 1 }, msg.emptyId());
          genes.push(id);
        } else if (annIndex && annIndex[f] >= 0) annotation[annIndex[f]].push(fieldText(b, s, p));
      }
      // field terminator
      if (f < nfields - 1) {
        if (c !== delim) throw new ParseError({ file: source, line }, msg.raggedRow(nfields, f + 1));
        p++;
      } else if (c === delim) {
        throw new ParseError({ file: source, line }, msg.raggedRow(nfields, countFields(b, lineStart, delim)));
      } else if (c === 13) p += 2;
      else p++;
    }
    lines[nrow] = line;
    nrow++;
    line++;
    sink.firstRow = false;
  }
  sink.nrow = nrow;
  return line;
}

/** Scan rows from byte `pos` (which starts line `line`) to the end of `b`. */
export function scanMatrixBody(b: Uint8Array, pos: number, line: number, layout: ScanLayout): ScanResult {
  const end = b.length;
  // the whole lines, then the last line (without its line feed) copied with one
  const lastLf = b.lastIndexOf(10, end - 1);
  const wholeEnd = lastLf >= pos ? lastLf + 1 : pos;
  const tail = end - wholeEnd;
  const sink = createScanSink(layout, countLineFeeds(b, pos, wholeEnd) + (tail > 0 ? 1 : 0));
  line = scanRows(b, pos, wholeEnd, line, layout, sink);
  if (tail > 0) {
    const last = new Uint8Array(tail + 1);
    last.set(b.subarray(wholeEnd, end));
    last[tail] = 10;
    scanRows(last, 0, tail + 1, line, layout, sink);
  }
  return finishScan(sink, layout.ncol);
}
