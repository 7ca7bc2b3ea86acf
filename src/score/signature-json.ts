/**
 * Reading signature collections: sigscore JSON (see `signatures/signature.schema.json`), GMT and
 * GMX. Pure: works on text. Every problem names the file and the signature.
 */
import { DataError, ParseError } from '../core/errors.js';
import { parseGmt } from '../io/gmt.js';
import { scoreMsg } from './messages.js';
import {
  FORMULA_ID_PATTERN,
  INPUT_SCALES,
  SCORE_METHODS,
  SYMBOL_PATTERN,
  type Signature,
  type SignatureCollection,
} from './signature.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validate one signature object from JSON and convert it. */
function toSignature(raw: unknown, where: string, collection: string): Signature {
  const bad = (p: string): never => {
    throw new DataError(scoreMsg.signatureInvalid(where, p));
  };
  if (!isObj(raw)) return bad('expected an object');
  const id = raw.id;
  if (typeof id !== 'string' || !id.trim()) return bad('"id" must be a non-empty string');
  const formula = raw.formula;
  if (formula !== undefined && (typeof formula !== 'string' || !formula.trim())) bad('"formula" must be a non-empty string');
  const rawGenes = raw.genes ?? [];
  if (!Array.isArray(rawGenes)) return bad('"genes" must be an array');
  if (formula === undefined && rawGenes.length === 0) bad(`signature "${id}" lists no genes and has no formula`);
  const genes: string[] = [];
  const weights: number[] = [];
  const directions: number[] = [];
  let anyWeight = false;
  let anyDown = false;
  rawGenes.forEach((g, i) => {
    const gWhere = `genes[${i}]`;
    const entry = typeof g === 'string' ? { symbol: g } : g;
    if (!isObj(entry) || typeof entry.symbol !== 'string') return bad(`${gWhere} must be a symbol or {symbol, weight?, direction?}`);
    const sym = entry.symbol.trim();
    if (!SYMBOL_PATTERN.test(sym)) bad(`${gWhere}: malformed gene symbol ${JSON.stringify(entry.symbol)}`);
    if (entry.weight !== undefined && (typeof entry.weight !== 'number' || !Number.isFinite(entry.weight))) bad(`${gWhere}: weight must be a finite number`);
    if (entry.direction !== undefined && entry.direction !== 'up' && entry.direction !== 'down') bad(`${gWhere}: direction must be "up" or "down"`);
    genes.push(sym);
    if (entry.weight !== undefined) anyWeight = true;
    weights.push(entry.weight === undefined ? 1 : (entry.weight as number));
    const down = entry.direction === 'down';
    if (down) anyDown = true;
    directions.push(down ? -1 : 1);
  });
  const hk = raw.housekeeping;
  if (hk !== undefined && (!Array.isArray(hk) || hk.some((h) => typeof h !== 'string' || !SYMBOL_PATTERN.test(h)))) bad('"housekeeping" must be an array of gene symbols');
  if (raw.intercept !== undefined && (typeof raw.intercept !== 'number' || !Number.isFinite(raw.intercept))) bad('"intercept" must be a finite number');
  if (raw.method !== undefined && !(SCORE_METHODS as readonly unknown[]).includes(raw.method)) bad(`"method" must be one of ${SCORE_METHODS.join('|')}`);
  if (raw.scale !== undefined && !(INPUT_SCALES as readonly unknown[]).includes(raw.scale)) bad(`"scale" must be one of ${INPUT_SCALES.join('|')}`);
  const c = raw.citation;
  if (c !== undefined && !(isObj(c) && ['pmid', 'doi', 'text'].every((k) => c[k] === undefined || typeof c[k] === 'string'))) bad('"citation" must be {pmid?, doi?, text?} with string values');
  if (formula !== undefined && !FORMULA_ID_PATTERN.test(id)) bad(`derived signature id "${id}" must be an identifier (letters, digits, _)`);
  return {
    id,
    name: typeof raw.name === 'string' ? raw.name : undefined,
    description: typeof raw.description === 'string' ? raw.description : undefined,
    genes,
    weights: anyWeight ? Float64Array.from(weights) : undefined,
    directions: anyDown ? Int8Array.from(directions) : undefined,
    intercept: raw.intercept as number | undefined,
    housekeeping: hk as string[] | undefined,
    method: raw.method as string | undefined,
    scale: raw.scale as string | undefined,
    citation: c as Signature['citation'],
    formula: formula as string | undefined,
    version: typeof raw.version === 'string' ? raw.version : undefined,
    collection,
    source: collection,
  };
}

/** Convert a parsed JSON collection (an object with `signatures`, or a bare array) into signatures. */
export function signatureCollectionFromJson(value: unknown, options: { source?: string } = {}): SignatureCollection {
  const source = options.source ?? '<input>';
  const obj = Array.isArray(value) ? { id: source, signatures: value } : value;
  if (!isObj(obj) || !Array.isArray(obj.signatures)) {
    throw new DataError(scoreMsg.signatureInvalid(source, 'expected {"signatures": [...]} or an array of signatures'));
  }
  const id = typeof obj.id === 'string' ? obj.id : source;
  const seen = new Set<string>();
  const signatures = obj.signatures.map((s, i) => {
    const sig = toSignature(s, `${source}: signatures[${i}]`, id);
    if (seen.has(sig.id)) throw new DataError(`${source}: ${scoreMsg.signatureDuplicate(sig.id)}`);
    seen.add(sig.id);
    return sig;
  });
  if (!signatures.length) throw new DataError(scoreMsg.signatureInvalid(source, 'the collection has no signatures'));
  return {
    id,
    name: typeof obj.name === 'string' ? obj.name : undefined,
    description: typeof obj.description === 'string' ? obj.description : undefined,
    version: typeof obj.version === 'string' ? obj.version : undefined,
    signatures,
  };
}

/** Parse JSON text of a collection; syntax errors name the file. */
export function parseSignatureJson(text: string, options: { source?: string } = {}): SignatureCollection {
  const source = options.source ?? '<input>';
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ParseError({ file: source }, `invalid JSON: ${(e as Error).message}`);
  }
  return signatureCollectionFromJson(value, { source });
}

/**
 * GMX: one set per column; row 1 names, row 2 descriptions, then genes (blank cells ignored).
 */
export function parseGmx(text: string, options: { source?: string } = {}): Signature[] {
  const source = options.source ?? '<input>';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length < 3) throw new ParseError({ file: source }, 'a GMX file needs a name row, a description row and gene rows');
  const names = lines[0].split('\t').map((s) => s.trim());
  const desc = lines[1].split('\t');
  const sets = names.map((id, j) => ({ id, description: desc[j]?.trim() ?? '', genes: [] as string[] }));
  for (let i = 2; i < lines.length; i++) {
    const f = lines[i].split('\t');
    for (let j = 0; j < Math.min(f.length, sets.length); j++) {
      const g = f[j].trim();
      if (g) sets[j].genes.push(g);
    }
  }
  const seen = new Set<string>();
  return sets
    .filter((s) => s.id !== '')
    .map((s, j) => {
      if (!s.genes.length) throw new ParseError({ file: source, line: 1, column: j + 1 }, `gene set ${JSON.stringify(s.id)} lists no genes`);
      if (seen.has(s.id)) throw new ParseError({ file: source, line: 1, column: j + 1 }, `duplicate gene set name ${JSON.stringify(s.id)}`);
      seen.add(s.id);
      return { ...s, collection: source, source };
    });
}

/** Parse any supported collection text, choosing the format by file extension. */
export function parseSignatureFile(text: string, source: string): SignatureCollection {
  const lower = source.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.json')) return parseSignatureJson(text, { source });
  const signatures: Signature[] = lower.endsWith('.gmx')
    ? parseGmx(text, { source })
    : parseGmt(text, { source }).map((s) => ({ ...s, collection: source }));
  return { id: source, signatures };
}
