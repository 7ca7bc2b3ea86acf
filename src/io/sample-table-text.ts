/**
 * Clinical / sample tables (CSV or TSV with a header). Column types are inferred: numeric when
 * every non-missing cell parses as a number, boolean when every non-missing cell is
 * TRUE/FALSE (any case, or T/F), categorical otherwise. Duplicate sample ids are rejected.
 */
import type { SampleTable, Column } from '../core/sample-table.js';
import { ParseError, DataError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { sniffDelimiter } from './matrix-text.js';

export interface SampleTableReadOptions {
  source?: string;
  delimiter?: string;
  /** Name of the id column; default the first column. */
  idColumn?: string;
  /** Cell texts read as missing. Default `['', 'NA', 'NaN', 'N/A', 'null', '.']`. */
  naTokens?: string[];
  /** Columns forced to be categorical (e.g. numeric-looking codes). */
  categorical?: string[];
}

const decoder = new TextDecoder('utf-8');

/** Split one delimited line honouring double quotes ("" escapes a quote). */
export function splitQuoted(line: string, delim: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQ) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else inQ = false;
      } else cur += c;
    } else if (c === '"' && cur === '') inQ = true;
    else if (c === delim) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function parseSampleTable(input: Uint8Array | string, options: SampleTableReadOptions = {}): SampleTable {
  const source = options.source ?? '<input>';
  let text = typeof input === 'string' ? input : decoder.decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (!lines.length) throw new DataError(msg.fileEmpty(source));
  const delim = options.delimiter ?? sniffDelimiter(lines[0]);
  const header = splitQuoted(lines[0], delim).map((s) => s.trim());
  const hseen = new Set<string>();
  header.forEach((h, j) => {
    if (hseen.has(h)) throw new ParseError({ file: source, line: 1, column: j + 1 }, msg.duplicateColumn(h));
    hseen.add(h);
  });
  if (lines.length === 1) throw new ParseError({ file: source, line: 1 }, msg.headerOnly());
  const idCol = options.idColumn ?? header[0];
  const idAt = header.indexOf(idCol);
  if (idAt < 0) throw new ParseError({ file: source, line: 1 }, msg.noSuchColumn(idCol, header));
  const na = new Set(options.naTokens ?? ['', 'NA', 'NaN', 'N/A', 'null', '.']);
  const cells: string[][] = header.map(() => []);
  const ids: string[] = [];
  const idLine = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const f = splitQuoted(lines[i], delim);
    if (f.length !== header.length) throw new ParseError({ file: source, line: i + 1 }, msg.raggedRow(header.length, f.length));
    const id = f[idAt].trim();
    if (!id) throw new ParseError({ file: source, line: i + 1, column: idAt + 1 }, msg.emptyId());
    if (idLine.has(id)) throw new ParseError({ file: source, line: i + 1, column: idAt + 1 }, msg.duplicateSample(id));
    idLine.set(id, i + 1);
    ids.push(id);
    f.forEach((v, j) => cells[j].push(v.trim()));
  }
  const forced = new Set(options.categorical ?? []);
  const columns = new Map<string, Column>();
  header.forEach((name, j) => {
    if (j === idAt) return;
    const raw = cells[j];
    const present = raw.filter((v) => !na.has(v));
    const isBool = present.length > 0 && present.every((v) => /^(true|false|t|f)$/i.test(v));
    const isNum = !forced.has(name) && !isBool && present.every((v) => v.trim() !== '' && !Number.isNaN(Number(v)));
    if (isNum) {
      const values = new Float64Array(raw.length);
      raw.forEach((v, i) => (values[i] = na.has(v) ? NaN : Number(v)));
      columns.set(name, { kind: 'numeric', name, values });
    } else if (isBool) {
      const codes = new Int32Array(raw.length);
      raw.forEach((v, i) => (codes[i] = na.has(v) ? -1 : /^t/i.test(v) ? 1 : 0));
      columns.set(name, { kind: 'boolean', name, codes, levels: ['FALSE', 'TRUE'] });
    } else {
      const levels = [...new Set(present)].sort();
      const pos = new Map(levels.map((l, k) => [l, k] as const));
      const codes = new Int32Array(raw.length);
      raw.forEach((v, i) => (codes[i] = na.has(v) ? -1 : pos.get(v)!));
      columns.set(name, { kind: 'categorical', name, codes, levels });
    }
  });
  return { ids, columns, idColumn: idCol };
}
