/**
 * The byte-level scanner for the body of a numeric matrix (the rows after the header). One pass
 * over the bytes, no per-line strings: each numeric cell is read straight from the bytes into
 * the row-major `Float64Array` (fast path described in `scan-number.ts`); cells outside the
 * fast grammar fall back to `parseNumericCell` on their text. Ids and annotation cells may be
 * double-quoted. Blank lines are skipped. O(bytes).
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

/** Text of a (possibly quoted) field [s, e): quotes removed, `""` unescaped, spaces trimmed. */
function fieldText(b: Uint8Array, s: number, e: number): string {
  const t = decodeBytes(b, s, e).trim();
  if (t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34) return t.slice(1, -1).replace(/""/g, '"');
  return t;
}

/** End of a text field starting at p (position of the delimiter, CR/LF or end). */
function textFieldEnd(b: Uint8Array, p: number, end: number, delim: number, where: { file: string; line: number; column: number }): number {
  let c = b[p];
  while (c === 32) c = b[++p];
  if (c === 34) {
    p++;
    for (;;) {
      if (p >= end || b[p] === 10) throw new ParseError(where, ioMsg.unterminatedQuote());
      if (b[p] === 34) {
        if (b[p + 1] === 34) p += 2;
        else {
          p++;
          break;
        }
      } else p++;
    }
  }
  while (p < end && (c = b[p]) !== delim && c !== 10 && !(c === 13 && b[p + 1] === 10)) p++;
  return p;
}

/** Scan rows from byte `pos` (which starts line `line`) to the end of `b`. */
export function scanMatrixBody(b: Uint8Array, pos: number, line: number, layout: ScanLayout): ScanResult {
  const { source, delim, nfields, kind, ncol } = layout;
  const end = b.length;
  const annIndex = layout.annotationIndex;
  const annotation: string[][] = [];
  for (let a = 0; a < (layout.nannotation ?? 0); a++) annotation.push([]);

  // Upper bound on rows: the line feeds left, plus a last line without one.
  let maxRows = 0;
  for (let i = b.indexOf(10, pos); i >= 0; i = b.indexOf(10, i + 1)) maxRows++;
  if (end > pos && b[end - 1] !== 10) maxRows++;
  let data = new Float64Array(maxRows * ncol);
  let lines = new Int32Array(maxRows);
  const genes: string[] = [];
  let nrow = 0;
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
        let neg = false;
        if (c === 45) {
          neg = true;
          c = b[++p];
        } else if (c === 43) c = b[++p];
        let m = 0;
        let nd = 0;
        let e10 = 0;
        let d = c - 48;
        while (d >= 0 && d <= 9) {
          m = m * 10 + d;
          nd++;
          c = b[++p];
          d = c - 48;
        }
        if (c === 46) {
          c = b[++p];
          d = c - 48;
          while (d >= 0 && d <= 9) {
            m = m * 10 + d;
            nd++;
            e10--;
            c = b[++p];
            d = c - 48;
          }
        }
        let ok = nd > 0;
        if (c === 101 || c === 69) {
          c = b[++p];
          let eneg = false;
          if (c === 45) {
            eneg = true;
            c = b[++p];
          } else if (c === 43) c = b[++p];
          let ev = 0;
          let ed = 0;
          d = c - 48;
          while (d >= 0 && d <= 9) {
            if (ev < 100000) ev = ev * 10 + d;
            ed++;
            c = b[++p];
            d = c - 48;
          }
          if (ed === 0) ok = false;
          e10 += eneg ? -ev : ev;
        }
        let v: number;
        if (ok && m < TWO53 && e10 >= -22 && e10 <= 22 && (c === delim || c === 10 || p >= end || (c === 13 && b[p + 1] === 10))) {
          v = e10 >= 0 ? m * POW10[e10] : m / POW10[-e10];
          if (neg) v = -v;
        } else {
          // slow path: NA, Inf, long mantissa, big exponent, quotes, spaces → Number() on the text
          p = s;
          while (p < end && (c = b[p]) !== delim && c !== 10) p++;
          const e = p > s && c === 10 && b[p - 1] === 13 ? p - 1 : p;
          const text = decodeBytes(b, s, e);
          const parsed = parseNumericCell(text);
          if (parsed === undefined) {
            const hint = nrow === 0 && f < nfields - 1 && layout.names ? ioMsg.annotationHint(layout.names[f]) : '';
            throw new ParseError({ file: source, line, column: f + 1 }, msg.notNumeric(text) + hint);
          }
          v = parsed;
          c = b[p];
        }
        data[base + k] = v;
      } else {
        const s = p;
        p = textFieldEnd(b, p, end, delim, { file: source, line, column: f + 1 });
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
      else if (c === 10) p++;
    }
    lines[nrow] = line;
    nrow++;
    line++;
  }
  if (nrow < maxRows) {
    data = data.slice(0, nrow * ncol);
    lines = lines.slice(0, nrow);
  }
  return { nrow, genes, data, lines, annotation };
}
