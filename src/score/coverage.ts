/**
 * Coverage: match each signature's genes (after alias mapping) to the rows of an expression
 * matrix, report what is missing, and decide — by the missing-gene policy and the minimum
 * coverage — whether the signature can be scored. O(Σ signature sizes).
 */
import { DataError } from '../core/errors.js';
import { resolveSymbol, reverseAliases, type AliasTable } from './aliases.js';
import { scoreMsg } from './messages.js';
import { totalWeight, type Signature } from './signature.js';

/** What happens when a signature's genes are missing from the matrix. */
export type MissingPolicy = 'drop' | 'na' | 'error';

/**
 * `complete`: all genes matched; `partial`: scored on the genes present; `insufficient`: below
 * the minimum coverage, score NA; `missing`: genes missing under `--missing na`, score NA;
 * `derived`: a formula over other signatures.
 */
export type CoverageStatus = 'complete' | 'partial' | 'insufficient' | 'missing' | 'derived';

export interface CoverageRow {
  signature: string;
  method: string;
  genesTotal: number;
  genesMatched: number;
  /** Listed genes not found (after alias mapping), in signature order. */
  missing: string[];
  /** Genes found under another symbol, as `listed→matrix`. */
  aliased: string[];
  /** Σ|w| of matched genes / Σ|w| of all genes (matched/total genes when unweighted). */
  weightFraction: number;
  housekeepingTotal: number;
  housekeepingMatched: number;
  status: CoverageStatus;
}

export interface MatchedSignature {
  signature: Signature;
  /** Matrix rows of the matched genes (unique, signature order). */
  rows: Int32Array;
  /** Weight × direction for each matched row. */
  weights: Float64Array;
  /** Direction (+1/−1) for each matched row. */
  directions: Int8Array;
  /** Matrix rows of the matched housekeeping genes. */
  housekeepingRows: Int32Array;
  coverage: CoverageRow;
  /** False when the score must be NA (insufficient or missing under `na`). */
  scorable: boolean;
}

export interface CoverageOptions {
  /** Alias table (previous symbol → current). Default: none. */
  aliases?: AliasTable;
  /** Missing-gene policy. Default `'drop'`. */
  missing?: MissingPolicy;
  /**
   * Minimum fraction (0–1) of Σ|weight| (of genes when unweighted) that must be matched.
   * Default: 0.8 for signatures scored by `weighted`, 0 otherwise.
   */
  minCoverage?: number;
  /** Minimum matched genes for set methods, capped at the signature's size. Default 2. */
  minGenes?: number;
}

/** Match signatures to matrix genes. `methodOf` gives each signature's effective method. */
export function matchSignatures(
  genes: readonly string[],
  signatures: readonly Signature[],
  methodOf: (s: Signature) => string,
  options: CoverageOptions = {},
): { matched: MatchedSignature[]; warnings: string[] } {
  const present = new Map<string, number>();
  for (let i = 0; i < genes.length; i++) if (!present.has(genes[i])) present.set(genes[i], i);
  const aliases = options.aliases ?? new Map<string, string>();
  const reverse = reverseAliases(aliases);
  const policy = options.missing ?? 'drop';
  const warnings: string[] = [];
  const matched = signatures.map((sig): MatchedSignature => {
    const method = methodOf(sig);
    if (sig.formula !== undefined) {
      const coverage: CoverageRow = {
        signature: sig.id, method: 'formula', genesTotal: 0, genesMatched: 0, missing: [], aliased: [],
        weightFraction: NaN, housekeepingTotal: 0, housekeepingMatched: 0, status: 'derived',
      };
      return { signature: sig, rows: new Int32Array(0), weights: new Float64Array(0), directions: new Int8Array(0), housekeepingRows: new Int32Array(0), coverage, scorable: true };
    }
    const rows: number[] = [];
    const w: number[] = [];
    const d: number[] = [];
    const missing: string[] = [];
    const aliased: string[] = [];
    const seenRows = new Set<number>();
    const seenSym = new Set<string>();
    let covered = 0;
    let total = 0;
    let genesTotal = 0;
    sig.genes.forEach((g, i) => {
      if (seenSym.has(g)) return;
      seenSym.add(g);
      genesTotal++;
      const weight = sig.weights ? sig.weights[i] : 1;
      total += Math.abs(weight);
      const hit = resolveSymbol(g, present, aliases, reverse);
      if (hit === undefined) {
        missing.push(g);
        return;
      }
      covered += Math.abs(weight);
      if (hit !== g) aliased.push(`${g}→${hit}`);
      const r = present.get(hit)!;
      if (seenRows.has(r)) return;
      seenRows.add(r);
      rows.push(r);
      const dir = sig.directions ? sig.directions[i] : 1;
      d.push(dir);
      w.push(weight * dir);
    });
    const hkRows: number[] = [];
    for (const h of sig.housekeeping ?? []) {
      const hit = resolveSymbol(h, present, aliases, reverse);
      if (hit !== undefined && !hkRows.includes(present.get(hit)!)) hkRows.push(present.get(hit)!);
    }
    const weightFraction = total > 0 ? covered / total : 0;
    const weighted = method === 'weighted';
    const minCov = options.minCoverage ?? (weighted ? 0.8 : 0);
    const minGenes = weighted ? 1 : Math.min(options.minGenes ?? 2, genesTotal);
    let status: CoverageStatus = missing.length ? 'partial' : 'complete';
    if (missing.length && policy === 'error') throw new DataError(scoreMsg.missingError(sig.id, missing.length, missing));
    if (missing.length && policy === 'na') {
      status = 'missing';
      warnings.push(scoreMsg.missingGenes(sig.id, missing.length, genesTotal, missing) + '; score set to NA (--missing na)');
    } else if (weightFraction < minCov - 1e-12 || rows.length < Math.max(1, minGenes)) {
      status = 'insufficient';
      warnings.push(scoreMsg.lowCoverage(sig.id, `${(100 * weightFraction).toFixed(1)}% (${rows.length}/${genesTotal} genes)`, weighted ? `${(100 * minCov).toFixed(0)}% of the weight` : `${Math.max(1, minGenes)} gene(s)${minCov > 0 ? ` and ${(100 * minCov).toFixed(0)}%` : ''}`));
    } else if (missing.length) {
      warnings.push(scoreMsg.missingGenes(sig.id, missing.length, genesTotal, missing));
    }
    let scorable = status === 'complete' || status === 'partial';
    if (scorable && weighted && (sig.housekeeping?.length ?? 0) > 0 && hkRows.length === 0) {
      warnings.push(scoreMsg.noHousekeeping(sig.id));
      status = 'insufficient';
      scorable = false;
    }
    const coverage: CoverageRow = {
      signature: sig.id, method, genesTotal, genesMatched: genesTotal - missing.length, missing, aliased, weightFraction,
      housekeepingTotal: sig.housekeeping?.length ?? 0, housekeepingMatched: hkRows.length, status,
    };
    return {
      signature: sig, rows: Int32Array.from(rows), weights: Float64Array.from(w), directions: Int8Array.from(d),
      housekeepingRows: Int32Array.from(hkRows), coverage, scorable,
    };
  });
  return { matched, warnings };
}

/** Σ|w| helper re-exported for reports. */
export { totalWeight };
