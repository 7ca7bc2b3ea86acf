/**
 * Summaries of loaded data for `sigscore inspect`: shape, identifier type, missing values,
 * repeated ids, value range, integer-ness and a guess of the scale (raw counts vs log scale).
 */
import type { ExpressionSet } from '../core/expression-set.js';
import type { GeneSet } from '../core/gene-set.js';
import type { SampleTable } from '../core/sample-table.js';
import { detectGeneIds, type GeneIdSummary } from './gene-ids.js';
import { groupRows } from './duplicates.js';

export type ScaleGuess = 'raw counts' | 'log scale' | 'linear, non-integer' | 'unknown';

export interface ExpressionSummary {
  genes: number;
  samples: number;
  ids: GeneIdSummary;
  /** Distinct gene ids that occur more than once, and up to 10 of them. */
  duplicateGenes: number;
  duplicateExamples: string[];
  /** NaN cells. */
  missing: number;
  /** ±Infinity cells. */
  infinite: number;
  min: number;
  max: number;
  negative: number;
  zero: number;
  /** Fraction of finite cells that are whole numbers. */
  integerFraction: number;
  scale: ScaleGuess;
  /** Why the scale was guessed. */
  scaleReason: string;
}

/**
 * Summarise an expression matrix. O(genes·samples). The scale guess: all finite values
 * non-negative integers → raw counts; otherwise a maximum ≤ 50 (2^50 is beyond any count) or
 * negative values → log scale; otherwise linear, non-integer (e.g. TPM, CPM, FPKM).
 */
export function summarizeExpression(es: ExpressionSet): ExpressionSummary {
  const d = es.x.data;
  let missing = 0;
  let infinite = 0;
  let negative = 0;
  let zero = 0;
  let whole = 0;
  let finite = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < d.length; k++) {
    const v = d[k];
    if (v !== v) {
      missing++;
      continue;
    }
    if (v === Infinity || v === -Infinity) {
      infinite++;
      continue;
    }
    finite++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v < 0) negative++;
    else if (v === 0) zero++;
    if (Math.floor(v) === v) whole++;
  }
  const { repeated } = groupRows(es.genes);
  let scale: ScaleGuess = 'unknown';
  let scaleReason = 'no finite values';
  if (finite > 0) {
    if (whole === finite && negative === 0) {
      scale = 'raw counts';
      scaleReason = 'all values are non-negative integers';
    } else if (negative > 0) {
      scale = 'log scale';
      scaleReason = `${negative} negative values`;
    } else if (max <= 50) {
      scale = 'log scale';
      scaleReason = `non-integer values with maximum ${max} ≤ 50`;
    } else {
      scale = 'linear, non-integer';
      scaleReason = `non-integer values up to ${max}`;
    }
  }
  return {
    genes: es.x.nrow,
    samples: es.x.ncol,
    ids: detectGeneIds(es.genes),
    duplicateGenes: repeated.length,
    duplicateExamples: repeated.slice(0, 10),
    missing,
    infinite,
    min: finite ? min : NaN,
    max: finite ? max : NaN,
    negative,
    zero,
    integerFraction: finite ? whole / finite : NaN,
    scale,
    scaleReason,
  };
}

export interface GeneSetSummary {
  sets: number;
  distinctGenes: number;
  minSize: number;
  maxSize: number;
  ids: GeneIdSummary;
}

/** Summarise gene sets: count, sizes, distinct genes and their id type. O(Σ sizes). */
export function summarizeGeneSets(sets: readonly GeneSet[]): GeneSetSummary {
  const genes = new Set<string>();
  let minSize = Infinity;
  let maxSize = 0;
  for (const s of sets) {
    for (const g of s.genes) genes.add(g);
    minSize = Math.min(minSize, s.genes.length);
    maxSize = Math.max(maxSize, s.genes.length);
  }
  return { sets: sets.length, distinctGenes: genes.size, minSize: sets.length ? minSize : 0, maxSize, ids: detectGeneIds([...genes]) };
}

export interface SampleTableSummary {
  rows: number;
  idColumn: string;
  columns: { name: string; kind: string; missing: number; levels?: number; min?: number; max?: number }[];
}

/** Summarise a sample table: one entry per column with its inferred type and missing count. */
export function summarizeSampleTable(t: SampleTable): SampleTableSummary {
  const columns = [...t.columns.values()].map((c) => {
    if (c.kind === 'numeric') {
      let missing = 0;
      let min = Infinity;
      let max = -Infinity;
      for (const v of c.values) {
        if (v !== v) missing++;
        else {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      return { name: c.name, kind: c.kind, missing, min, max };
    }
    let missing = 0;
    for (const code of c.codes) if (code < 0) missing++;
    return { name: c.name, kind: c.kind, missing, levels: c.levels.length };
  });
  return { rows: t.ids.length, idColumn: t.idColumn, columns };
}
