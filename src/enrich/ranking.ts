/**
 * A gene ranking for enrichment: genes ordered by decreasing statistic. Ties keep their input
 * order (a stable sort, as fgsea), so results are deterministic; the fraction of tied non-zero
 * statistics is reported because tie order moves the peak of the running sum.
 */
import { DataError } from '../core/errors.js';
import { enrichMsg } from './messages.js';

export interface Ranking {
  /** Genes in decreasing order of the statistic. */
  genes: string[];
  /** The statistics in the same order. */
  stats: Float64Array;
  /** Gene → position in `genes`. */
  position: Map<string, number>;
  /** Fraction of genes whose statistic equals another gene's (0 when all differ). */
  tiedFraction: number;
  warnings: string[];
}

/**
 * Sort (gene, statistic) pairs by decreasing statistic, stable. NaN statistics are dropped with a
 * warning; duplicate gene names are an error. O(n log n).
 */
export function rankGenes(genes: readonly string[], stats: ArrayLike<number>): Ranking {
  if (genes.length !== stats.length) throw new RangeError(`${genes.length} genes but ${stats.length} statistics`);
  const warnings: string[] = [];
  const keep: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < genes.length; i++) {
    if (seen.has(genes[i])) throw new DataError(enrichMsg.duplicateRankedGene(genes[i]));
    seen.add(genes[i]);
    if (Number.isNaN(stats[i])) continue;
    keep.push(i);
  }
  if (keep.length < genes.length) warnings.push(enrichMsg.droppedNaN(genes.length - keep.length));
  keep.sort((a, b) => stats[b] - stats[a] || a - b);
  const n = keep.length;
  const out = new Float64Array(n);
  const names = new Array<string>(n);
  const position = new Map<string, number>();
  let tied = 0;
  for (let k = 0; k < n; k++) {
    out[k] = stats[keep[k]];
    names[k] = genes[keep[k]];
    position.set(names[k], k);
  }
  for (let k = 0; k < n; k++) {
    if ((k > 0 && out[k] === out[k - 1]) || (k + 1 < n && out[k] === out[k + 1])) tied++;
  }
  const tiedFraction = n ? tied / n : 0;
  if (tiedFraction > 0) warnings.push(enrichMsg.ties(tiedFraction));
  return { genes: names, stats: out, position, tiedFraction, warnings };
}

/** Positions (sorted ascending) of a set's genes in the ranking; genes not ranked are skipped. */
export function setPositions(ranking: Ranking, genes: readonly string[]): Int32Array {
  const pos: number[] = [];
  const seen = new Set<number>();
  for (const g of genes) {
    const p = ranking.position.get(g);
    if (p !== undefined && !seen.has(p)) {
      seen.add(p);
      pos.push(p);
    }
  }
  return Int32Array.from(pos).sort();
}
