/**
 * Input preparation shared by gsva() and ssgsea(), following GSVA 1.46:
 * 1. gsva only: genes whose sample sd is below 1e-10, or that have a missing value, are removed
 *    (with a warning) before anything else; ssgsea keeps every gene.
 * 2. Each set's genes are matched to the remaining genes (first row of a repeated id); unknown
 *    genes are dropped and a gene listed twice counts once.
 * 3. Sets whose matched size is outside [max(1, minSize), maxSize] are dropped; when none is
 *    left the call fails. Sets of size one are kept, with a warning.
 */
import type { ExpressionSet } from '../../core/expression-set.js';
import type { GeneSet } from '../../core/gene-set.js';
import { DataError } from '../../core/errors.js';
import { sampleSd } from './kernel.js';
import { gsvaMsg } from './messages.js';

/** Row indices of the genes gsva() keeps: finite values and sd ≥ 1e-10. */
export function variableGenes(expr: ExpressionSet, warnings: string[]): Int32Array {
  const { nrow, ncol, data } = expr.x;
  const keep: number[] = [];
  for (let g = 0; g < nrow; g++) {
    const off = g * ncol;
    let finite = true;
    for (let j = 0; j < ncol; j++) if (!Number.isFinite(data[off + j])) { finite = false; break; }
    if (finite && sampleSd(data, off, ncol) >= 1e-10) keep.push(g);
  }
  if (keep.length < nrow) warnings.push(gsvaMsg.constantGenes(nrow - keep.length));
  if (keep.length < 2) throw new DataError(gsvaMsg.tooFewGenes(keep.length));
  return Int32Array.from(keep);
}

/** Sets as flat arrays of indices into `genes` (the kept genes, in their order). */
export interface PackedSets {
  ids: string[];
  sizes: Int32Array;
  offsets: Int32Array;
  rows: Int32Array;
}

export function packSets(
  sets: readonly GeneSet[], genes: readonly string[], minSize: number, maxSize: number, warnings: string[],
): PackedSets {
  const index = new Map<string, number>();
  for (let i = 0; i < genes.length; i++) if (!index.has(genes[i])) index.set(genes[i], i);
  const lo = Math.max(1, minSize);
  const ids: string[] = [];
  const sizes: number[] = [];
  const offsets: number[] = [0];
  const rows: number[] = [];
  const sizeOne: string[] = [];
  let dropped = 0;
  let repeats = 0;
  for (const set of sets) {
    const seen = new Set<number>();
    let repeated = false;
    for (const gene of set.genes) {
      const r = index.get(gene);
      if (r === undefined) continue;
      if (seen.has(r)) repeated = true;
      else seen.add(r);
    }
    if (repeated) repeats++;
    const k = seen.size;
    if (k < lo || k > maxSize) {
      dropped++;
      continue;
    }
    if (k === 1) sizeOne.push(set.id);
    ids.push(set.id);
    sizes.push(k);
    for (const r of seen) rows.push(r);
    offsets.push(rows.length);
  }
  if (repeats) warnings.push(gsvaMsg.duplicateSetGenes(repeats));
  if (dropped) warnings.push(gsvaMsg.setsDropped(dropped, lo, maxSize));
  if (sizeOne.length) warnings.push(gsvaMsg.sizeOne(sizeOne));
  if (!ids.length) throw new DataError(gsvaMsg.noSetLeft(lo, maxSize));
  return { ids, sizes: Int32Array.from(sizes), offsets: Int32Array.from(offsets), rows: Int32Array.from(rows) };
}

/** Count of non-finite values (ssgsea rejects them). */
export function countNonFinite(data: Float64Array): number {
  let c = 0;
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) c++;
  return c;
}
