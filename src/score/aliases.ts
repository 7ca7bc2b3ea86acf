/**
 * Gene symbol aliases: previous and alias symbols → current HGNC symbol. A built-in table covers
 * the previous symbols used by the shipped signatures; `parseHgncAliases` reads a full HGNC table.
 */
import { DataError } from '../core/errors.js';

/** previous/alias symbol → current symbol. */
export type AliasTable = Map<string, string>;

/** Previous symbols found in the shipped signatures (or in data sets scored with them). */
const BUILTIN: [string, string][] = [
  ['C14orf102', 'NRDE2'], ['KIAA0125', 'FAM30A'], ['TIM3', 'HAVCR2'], ['TIM-3', 'HAVCR2'],
  ['CTGF', 'CCN2'], ['FAM101B', 'RFLNB'], ['MRE11A', 'MRE11'], ['SHFM1', 'SEM1'], ['H2AFX', 'H2AX'],
  ['HIST1H2AI', 'H2AC13'], ['HIST1H2AG', 'H2AC11'], ['HIST1H2BL', 'H2BC13'], ['HIST2H2BF', 'H2BC18'],
  ['PDL1', 'CD274'], ['PD-L1', 'CD274'], ['B7-H1', 'CD274'], ['PDL2', 'PDCD1LG2'], ['PD-L2', 'PDCD1LG2'],
  ['PD1', 'PDCD1'], ['PD-1', 'PDCD1'], ['B7-H3', 'CD276'], ['C10orf54', 'VSIR'], ['PVRL3', 'NECTIN3'],
  ['INDO', 'IDO1'], ['IL8RA', 'CXCR1'], ['IL8RB', 'CXCR2'], ['FPRL1', 'FPR2'], ['BLR1', 'CXCR5'],
  ['EMR1', 'ADGRE1'], ['GPR44', 'PTGDR2'], ['ELA2', 'ELANE'], ['CHEMR23', 'CMKLR1'], ['MHC2TA', 'CIITA'],
  ['FLJ11151', 'NUDT16'], ['TMEPAI', 'PMEPA1'], ['EDG8', 'S1PR5'], ['FIGF', 'VEGFD'],
  ['KAL1', 'ANOS1'], ['PPAP2B', 'PLPP3'], ['IL8', 'CXCL8'], ['SCYA5', 'CCL5'], ['RANTES', 'CCL5'],
];

/** The built-in alias table (a fresh copy). */
export function builtinAliases(): AliasTable {
  const m: AliasTable = new Map();
  for (const [from, to] of BUILTIN) if (from !== to) m.set(from, to);
  return m;
}

/**
 * Read an HGNC table: a header with the approved-symbol column (`symbol` or `Approved symbol`)
 * and previous/alias columns (`prev_symbol`, `alias_symbol`, `Previous symbols`,
 * `Alias symbols`); several symbols in a cell are separated by `|` or `,`. A previous symbol
 * claimed by two approved symbols is dropped (ambiguous) unless it is an approved symbol itself.
 */
export function parseHgncAliases(text: string, options: { source?: string } = {}): AliasTable {
  const source = options.source ?? '<input>';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!lines.length) throw new DataError(`${source}: file is empty`);
  const delim = lines[0].includes('\t') ? '\t' : ',';
  const header = lines[0].split(delim).map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const symCol = header.findIndex((h) => h === 'symbol' || h === 'approved symbol');
  if (symCol < 0) throw new DataError(`${source}:1: no approved-symbol column (expected "symbol" or "Approved symbol")`);
  const otherCols = header
    .map((h, i) => (['prev_symbol', 'alias_symbol', 'previous symbols', 'alias symbols', 'previous symbol', 'alias symbol'].includes(h) ? i : -1))
    .filter((i) => i >= 0);
  if (!otherCols.length) throw new DataError(`${source}:1: no previous/alias symbol columns`);
  const approved = new Set<string>();
  const rows = lines.slice(1).map((l) => l.split(delim).map((c) => c.trim().replace(/^"|"$/g, '')));
  for (const r of rows) if (r[symCol]) approved.add(r[symCol]);
  const out: AliasTable = new Map();
  const ambiguous = new Set<string>();
  for (const r of rows) {
    const sym = r[symCol];
    if (!sym) continue;
    for (const c of otherCols) {
      for (const a of (r[c] ?? '').split(/[|,]/)) {
        const alias = a.trim();
        if (!alias || alias === sym || approved.has(alias)) continue;
        const prev = out.get(alias);
        if (prev !== undefined && prev !== sym) ambiguous.add(alias);
        else out.set(alias, sym);
      }
    }
  }
  for (const a of ambiguous) out.delete(a);
  return out;
}

/** Merge tables; later ones win. */
export function mergeAliases(...tables: AliasTable[]): AliasTable {
  const m: AliasTable = new Map();
  for (const t of tables) for (const [k, v] of t) m.set(k, v);
  return m;
}

/**
 * Resolve a symbol against the genes of a matrix: the symbol itself, else its current symbol,
 * else another previous symbol of that current symbol. `reverse` maps current → previous symbols.
 * Returns the matrix gene, or undefined.
 */
export function resolveSymbol(
  symbol: string,
  present: Map<string, number>,
  aliases: AliasTable,
  reverse: Map<string, string[]>,
): string | undefined {
  if (present.has(symbol)) return symbol;
  const current = aliases.get(symbol) ?? symbol;
  if (present.has(current)) return current;
  for (const old of reverse.get(current) ?? []) if (present.has(old)) return old;
  return undefined;
}

/** current symbol → its previous symbols. */
export function reverseAliases(aliases: AliasTable): Map<string, string[]> {
  const r = new Map<string, string[]>();
  for (const [old, cur] of aliases) {
    const l = r.get(cur);
    if (l) l.push(old);
    else r.set(cur, [old]);
  }
  return r;
}
