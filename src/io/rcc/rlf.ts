/**
 * Reader for NanoString reporter library files (RLF: the codeset definition) and a check that an
 * RCC file's probes match it. An RLF is INI-like: `[Header]` declares the classes
 * (`ClassKeyN=k`, `ClassNameN=Endogenous`), `[Content]` has `Columns=…` and `RecordN=…` lines.
 * Probe names in RLFs may carry a concentration suffix (`POS_A(128)`); RCCs may not (`POS_A`).
 */
import { DataError, ParseError } from '../../core/errors.js';
import { rccMsg } from './messages.js';
import type { RccFile } from './rcc.js';

export interface RlfCodeset {
  /** Codeset name: the `name` option or the file name without `.rlf`. */
  name: string;
  codeClass: string[];
  probe: string[];
  accession: string[];
}

export interface RlfParseOptions {
  /** File name for messages; its base name (without `.rlf`) names the codeset. Default `<input>`. */
  file?: string;
}

/** `POS_A(128)` → `POS_A`. */
export const baseProbeName = (s: string): string => s.replace(/\([^()]*\)\s*$/, '').trim();

/** Parse an RLF file. Throws ParseError (file:line) when it has no `[Content]` or bad records. */
export function parseRlf(text: string, options: RlfParseOptions = {}): RlfCodeset {
  const file = options.file ?? '<input>';
  const base = file.replace(/^.*[\\/]/, '').replace(/\.rlf$/i, '');
  const keys = new Map<string, string>(); // ClassKeyN index → key
  const names = new Map<string, string>(); // index → class name
  const out: RlfCodeset = { name: base, codeClass: [], probe: [], accession: [] };
  let section = '';
  let columns: string[] | null = null;
  let sawContent = false;
  const lines = text.split('\n');
  const records: [number, string][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '').trim();
    if (line === '' || line.startsWith(';')) continue;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      section = sec[1];
      if (section === 'Content') sawContent = true;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1);
    let m: RegExpExecArray | null;
    if (section === 'Header' && (m = /^ClassKey(\d+)$/.exec(key))) keys.set(m[1], value.trim());
    else if (section === 'Header' && (m = /^ClassName(\d+)$/.exec(key))) names.set(m[1], value.trim());
    else if (section === 'Content' && key === 'Columns') columns = value.split(',').map((s) => s.trim());
    else if (section === 'Content' && /^Record\d+$/.test(key)) records.push([i + 1, value]);
  }
  if (!sawContent) throw new ParseError({ file }, rccMsg.rlfNoContent());
  if (!columns) throw new ParseError({ file }, rccMsg.rlfNoColumns());
  const iCls = columns.indexOf('Classification');
  const iName = columns.indexOf('GeneName');
  const iAcc = columns.indexOf('Accession');
  if (iCls < 0 || iName < 0) throw new ParseError({ file }, rccMsg.rlfNoColumns());
  const classOf = new Map<string, string>();
  for (const [idx, k] of keys) classOf.set(k, names.get(idx) ?? k);
  for (const [lineNo, value] of records) {
    const f = value.split(',');
    if (f.length !== columns.length) throw new ParseError({ file, line: lineNo }, rccMsg.rlfBadRecord(columns.length, f.length));
    const cls = classOf.get(f[iCls].trim());
    if (cls === undefined) throw new ParseError({ file, line: lineNo }, rccMsg.rlfUnknownClass(f[iCls].trim()));
    out.codeClass.push(cls);
    out.probe.push(f[iName].trim());
    out.accession.push(iAcc < 0 ? '' : f[iAcc].trim());
  }
  return out;
}

/**
 * Check that an RCC's probes match the codeset: every RCC probe is in the RLF with the same class,
 * and every RLF probe of a class the RCC uses is in the RCC. Throws DataError listing differences.
 */
export function checkRccAgainstRlf(rcc: RccFile, rlf: RlfCodeset): void {
  const rlfClass = new Map<string, string>();
  for (let i = 0; i < rlf.probe.length; i++) rlfClass.set(baseProbeName(rlf.probe[i]), rlf.codeClass[i]);
  const rccClasses = new Set(rcc.probes.codeClass);
  const seen = new Set<string>();
  const extra: string[] = [];
  for (let i = 0; i < rcc.probes.name.length; i++) {
    const n = baseProbeName(rcc.probes.name[i]);
    seen.add(n);
    const c = rlfClass.get(n);
    if (c === undefined) extra.push(rcc.probes.name[i]);
    else if (c !== rcc.probes.codeClass[i]) throw new DataError(rccMsg.rlfClassMismatch(rcc.file, rcc.probes.name[i], rcc.probes.codeClass[i], c));
  }
  const missing: string[] = [];
  for (const [n, c] of rlfClass) if (rccClasses.has(c) && !seen.has(n)) missing.push(n);
  if (missing.length || extra.length) throw new DataError(rccMsg.rlfMismatch(rcc.file, rlf.name, missing, extra));
}
