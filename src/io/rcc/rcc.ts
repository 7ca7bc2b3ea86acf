/**
 * Reader for NanoString nCounter RCC files (FileVersion 1.6 and 1.7). Pure: works on the file
 * text. An RCC file is a sequence of tagged sections, `<Header>`, `<Sample_Attributes>`,
 * `<Lane_Attributes>`, `<Code_Summary>` (`CodeClass,Name,Accession,Count` rows) and `<Messages>`;
 * attribute sections hold `key,value` lines. Errors name file:line:column.
 *
 * PlexSet files (code classes `Endogenous1s`…`Endogenous8s`, `Housekeeping1s`…) are REJECTED with
 * a message saying so: their eight multiplexed samples share one set of lane controls, and
 * sigscore's QC and normalisation are defined per lane.
 */
import { ParseError } from '../../core/errors.js';
import { rccMsg } from './messages.js';

/** The probes of one RCC file, in file order (struct of arrays). */
export interface RccProbes {
  codeClass: string[];
  name: string[];
  accession: string[];
  /** Raw counts (non-negative integers). */
  count: Float64Array;
}

export interface RccFile {
  /** The file name (or zip entry) the text came from, used in messages and as a sample id. */
  file: string;
  header: Map<string, string>;
  sampleAttributes: Map<string, string>;
  laneAttributes: Map<string, string>;
  probes: RccProbes;
  messages: string[];
}

export interface RccParseOptions {
  /** File name used in error messages and `RccFile.file`. Default `<input>`. */
  file?: string;
}

const ATTRIBUTE_SECTIONS = new Map([
  ['Header', 'header'],
  ['Sample_Attributes', 'sampleAttributes'],
  ['Lane_Attributes', 'laneAttributes'],
] as const);
const TAG = /^<(\/?)([A-Za-z_][A-Za-z0-9_]*)>$/;
const PLEXSET = /^(Endogenous|Housekeeping)\d+s$/;
const DIGITS = /^[0-9]+$/;

/** 1-based column where field `k` starts. */
const column = (fields: string[], k: number): number => fields.slice(0, k).reduce((s, f) => s + f.length + 1, 1);

/** Parse one RCC file. Throws ParseError (file:line:column) on anything malformed. */
export function parseRcc(text: string, options: RccParseOptions = {}): RccFile {
  const file = options.file ?? '<input>';
  const lines = text.split('\n');
  const out: RccFile = {
    file,
    header: new Map(),
    sampleAttributes: new Map(),
    laneAttributes: new Map(),
    probes: { codeClass: [], name: [], accession: [], count: new Float64Array(0) },
    messages: [],
  };
  const counts: number[] = [];
  const probeLine = new Map<string, number>();
  let open: string | null = null;
  let openLine = 0;
  let sawCodeSummary = false;
  let cols: { cls: number; name: number; acc: number; count: number; n: number } | null = null;

  for (let li = 0; li < lines.length; li++) {
    const lineNo = li + 1;
    let line = lines[li];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (li === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    const trimmed = line.trim();
    const tag = trimmed.charCodeAt(0) === 0x3c /* < */ ? TAG.exec(trimmed) : null;
    if (tag) {
      const [, closing, section] = tag;
      if (closing) {
        if (open !== section) throw new ParseError({ file, line: lineNo, column: 1 }, rccMsg.unexpectedClose(section));
        open = null;
      } else {
        if (open !== null) throw new ParseError({ file, line: lineNo, column: 1 }, rccMsg.nestedSection(open, section));
        open = section;
        openLine = lineNo;
        if (section === 'Code_Summary') sawCodeSummary = true;
      }
      continue;
    }
    if (open === null || trimmed === '') continue;
    if (open === 'Messages') {
      out.messages.push(trimmed);
      continue;
    }
    const attr = ATTRIBUTE_SECTIONS.get(open as 'Header');
    if (attr) {
      const comma = line.indexOf(',');
      const key = (comma < 0 ? line : line.slice(0, comma)).trim();
      out[attr].set(key, comma < 0 ? '' : line.slice(comma + 1).trim());
      continue;
    }
    if (open !== 'Code_Summary') continue; // unknown sections are skipped
    const fields = line.split(',');
    if (cols === null) {
      const h = fields.map((f) => f.trim());
      cols = { cls: h.indexOf('CodeClass'), name: h.indexOf('Name'), acc: h.indexOf('Accession'), count: h.indexOf('Count'), n: h.length };
      if (cols.cls < 0 || cols.name < 0 || cols.count < 0) throw new ParseError({ file, line: lineNo, column: 1 }, rccMsg.codeSummaryHeader(line));
      continue;
    }
    if (fields.length !== cols.n) throw new ParseError({ file, line: lineNo, column: 1 }, rccMsg.badRow(cols.n, fields.length));
    const cls = fields[cols.cls].trim();
    if (PLEXSET.test(cls)) throw new ParseError({ file, line: lineNo, column: column(fields, cols.cls) }, rccMsg.plexSet(cls));
    const name = fields[cols.name].trim();
    if (name === '') throw new ParseError({ file, line: lineNo, column: column(fields, cols.name) }, rccMsg.emptyName());
    const first = probeLine.get(name);
    if (first !== undefined) throw new ParseError({ file, line: lineNo, column: column(fields, cols.name) }, rccMsg.duplicateProbe(name, first));
    probeLine.set(name, lineNo);
    const raw = fields[cols.count].trim();
    if (!DIGITS.test(raw)) {
      const at = { file, line: lineNo, column: column(fields, cols.count) };
      throw new ParseError(at, /^-\s*[0-9.]+$/.test(raw) ? rccMsg.negativeCount(raw) : rccMsg.nonIntegerCount(raw));
    }
    out.probes.codeClass.push(cls);
    out.probes.name.push(name);
    out.probes.accession.push(cols.acc < 0 ? '' : fields[cols.acc].trim());
    counts.push(Number(raw));
  }
  if (open !== null) throw new ParseError({ file, line: openLine, column: 1 }, rccMsg.unclosedSection(open));
  if (!sawCodeSummary) throw new ParseError({ file }, rccMsg.noSection('Code_Summary'));
  if (counts.length === 0) throw new ParseError({ file }, rccMsg.codeSummaryEmpty());
  out.probes.count = Float64Array.from(counts);
  return out;
}
