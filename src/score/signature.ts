/**
 * Signatures: a gene set plus what is needed to score it (weights, directions, intercept,
 * housekeeping genes, preferred method, expected input scale, citation), or a formula over
 * other signatures (a derived signature).
 */
import type { GeneSet } from '../core/gene-set.js';

/** Scoring methods a signature may ask for. */
export const SCORE_METHODS = ['weighted', 'mean', 'median', 'zscore', 'plage', 'singscore', 'ssgsea', 'gsva'] as const;
export type ScoreMethod = (typeof SCORE_METHODS)[number];

/** Expected input scales. */
export const INPUT_SCALES = ['log2-normalized-counts', 'log-expression', 'counts'] as const;
export type InputScale = (typeof INPUT_SCALES)[number];

export interface Signature extends GeneSet {
  /** Human-readable name (defaults to the id). */
  readonly name?: string;
  readonly version?: string;
  /** The collection it came from (built-in id or file path). */
  readonly collection?: string;
}

/** A named list of signatures (one JSON file, one GMT/GMX file, or one built-in collection). */
export interface SignatureCollection {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly version?: string;
  readonly signatures: Signature[];
}

/** Well-formed HGNC-style symbol: letters, digits, '-', '.', '_', '@', starting with a letter or digit. */
export const SYMBOL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

/** Signature ids usable inside formulas: identifiers. */
export const FORMULA_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Sum of |weights| (or the gene count when there are no weights). */
export function totalWeight(sig: Signature): number {
  if (!sig.weights) return sig.genes.length;
  let s = 0;
  for (let i = 0; i < sig.weights.length; i++) s += Math.abs(sig.weights[i]);
  return s;
}

/** The method `auto` resolves to for a signature: its own, else weighted when weighted, else mean. */
export function preferredMethod(sig: Signature): ScoreMethod {
  if (sig.method && (SCORE_METHODS as readonly string[]).includes(sig.method)) return sig.method as ScoreMethod;
  return sig.weights ? 'weighted' : 'mean';
}
