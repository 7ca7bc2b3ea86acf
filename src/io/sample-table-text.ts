/**
 * Clinical / sample tables (CSV or TSV with a header), tokenised by @fast-csv/parse (double
 * quotes, `""` escapes, delimiters and line breaks inside quotes, CRLF). Column types are
 * inferred: numeric when every non-missing cell is a decimal number, boolean when every
 * non-missing cell is TRUE/FALSE (any case, or T/F), categorical otherwise. Duplicate sample
 * ids are rejected with line:column.
 *
 * fast-csv's public API is a Node stream (asynchronous, and it pulls `stream` into a browser
 * bundle); its row `Parser` class underneath is synchronous and has no Node imports, so it is
 * used directly, fed one physical line at a time to keep line numbers for messages.
 */
import { Parser } from '@fast-csv/parse/build/src/parser/Parser.js';
import { ParserOptions } from '@fast-csv/parse/build/src/ParserOptions.js';
import type { SampleTable, Column } from '../core/sample-table.js';
import { ParseError, DataError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { ioMsg } from './messages.js';
import { sniffDelimiter, splitFields } from './fields.js';

export interface SampleTableReadOptions {
  /** Name used in messages (file path). Default `<input>`. */
  source?: string;
  /** Field delimiter; default sniffed from the header (tab, comma, semicolon). */
  delimiter?: string;
  /** Name of the id column; default the first column. */
  idColumn?: string;
  /** Cell texts read as missing. Default `['', 'NA', 'NaN', 'N/A', 'null', '.']`. */
  naTokens?: string[];
  /** Columns forced to be categorical (e.g. numeric-looking codes). */
  categorical?: string[];
}

/** Split one delimited line honouring double quotes (`""` escapes a quote). */
export function splitQuoted(line: string, delim: string): string[] {
  return splitFields(line, delim);
}

const decoder = new TextDecoder('utf-8');
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false|t|f)$/i;

/** Rows with their 1-based starting line; blank lines dropped. */
export function tokenizeDelimited(text: string, delimiter: string, source: string): { rows: string[][]; lines: number[] } {
  const parser = new Parser(new ParserOptions({ delimiter }));
  const rows: string[][] = [];
  const lines: number[] = [];
  const physical = text.split('\n');
  if (physical.length && physical[physical.length - 1] === '') physical.pop();
  let pending = '';
  let start = 1;
  physical.forEach((piece, i) => {
    if (pending === '') start = i + 1;
    let result: { line: string; rows: string[][] };
    try {
      result = parser.parse(pending + piece + '\n', true);
    } catch (e) {
      const why = (e as Error).message.replace(/^Parse Error: /, '').split(' at ')[0];
      throw new ParseError({ file: source, line: start }, `malformed quoted field (${why})`);
    }
    pending = result.line;
    for (const r of result.rows) {
      if (r.length === 0 || (r.length === 1 && r[0].trim() === '')) continue;
      rows.push(r);
      lines.push(start);
    }
  });
  if (pending.trim() !== '') throw new ParseError({ file: source, line: start }, ioMsg.unterminatedQuote());
  return { rows, lines };
}

/** Read a sample table. O(cells). Synchronous. */
export function parseSampleTable(input: Uint8Array | string, options: SampleTableReadOptions = {}): SampleTable {
  const source = options.source ?? '<input>';
  let text = typeof input === 'string' ? input : decoder.decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new DataError(msg.fileEmpty(source));
  const body = text.trimStart();
  const nl = body.indexOf('\n');
  const delim = options.delimiter ?? sniffDelimiter(nl < 0 ? body : body.slice(0, nl));
  const { rows, lines } = tokenizeDelimited(text, delim, source);
  const header = rows[0].map((s) => s.trim());
  const hseen = new Set<string>();
  header.forEach((h, j) => {
    if (hseen.has(h)) throw new ParseError({ file: source, line: lines[0], column: j + 1 }, msg.duplicateColumn(h));
    hseen.add(h);
  });
  if (rows.length === 1) throw new ParseError({ file: source, line: lines[0] }, msg.headerOnly());
  const idCol = options.idColumn ?? header[0];
  const idAt = header.indexOf(idCol);
  if (idAt < 0) throw new ParseError({ file: source, line: lines[0] }, msg.noSuchColumn(idCol, header));
  const na = new Set(options.naTokens ?? ['', 'NA', 'NaN', 'N/A', 'null', '.']);
  const cells: string[][] = header.map(() => []);
  const ids: string[] = [];
  const idLine = new Map<string, number>();
  for (let i = 1; i < rows.length; i++) {
    const f = rows[i];
    const where = { file: source, line: lines[i] };
    if (f.length !== header.length) throw new ParseError(where, msg.raggedRow(header.length, f.length));
    const id = f[idAt].trim();
    if (!id) throw new ParseError({ ...where, column: idAt + 1 }, msg.emptyId());
    const first = idLine.get(id);
    if (first !== undefined) throw new ParseError({ ...where, column: idAt + 1 }, `${msg.duplicateSample(id)} (first seen on line ${first})`);
    idLine.set(id, lines[i]);
    ids.push(id);
    for (let j = 0; j < f.length; j++) cells[j].push(f[j].trim());
  }
  const forced = new Set(options.categorical ?? []);
  const columns = new Map<string, Column>();
  header.forEach((name, j) => {
    if (j !== idAt) columns.set(name, inferColumn(name, cells[j], na, forced.has(name)));
  });
  return { ids, columns, idColumn: idCol };
}

/** Type one column from its cell texts (see the module comment). */
export function inferColumn(name: string, raw: readonly string[], na: ReadonlySet<string>, categorical = false): Column {
  const present = raw.filter((v) => !na.has(v));
  const isBool = !categorical && present.length > 0 && present.every((v) => BOOLEAN.test(v));
  const isNum = !categorical && !isBool && present.every((v) => DECIMAL.test(v) || /^[+-]?Inf$/.test(v));
  if (isNum) {
    const values = new Float64Array(raw.length);
    raw.forEach((v, i) => (values[i] = na.has(v) ? NaN : /Inf$/.test(v) ? (v[0] === '-' ? -Infinity : Infinity) : Number(v)));
    return { kind: 'numeric', name, values };
  }
  if (isBool) {
    const codes = new Int32Array(raw.length);
    raw.forEach((v, i) => (codes[i] = na.has(v) ? -1 : /^t/i.test(v) ? 1 : 0));
    return { kind: 'boolean', name, codes, levels: ['FALSE', 'TRUE'] };
  }
  const levels = [...new Set(present)].sort();
  const pos = new Map(levels.map((l, k) => [l, k] as const));
  const codes = new Int32Array(raw.length);
  raw.forEach((v, i) => (codes[i] = na.has(v) ? -1 : pos.get(v)!));
  return { kind: 'categorical', name, codes, levels };
}
