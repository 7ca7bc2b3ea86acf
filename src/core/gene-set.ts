/**
 * A gene set (GMT line) or a signature. Signatures add weights, directions, an intercept,
 * housekeeping genes and a preferred scoring method; plain gene sets leave those undefined.
 */
export interface GeneSet {
  readonly id: string;
  readonly description?: string;
  readonly genes: string[];
  /** One weight per gene (same order as `genes`). */
  readonly weights?: Float64Array;
  /** One direction per gene: +1 up, −1 down. */
  readonly directions?: Int8Array;
  readonly intercept?: number;
  readonly housekeeping?: string[];
  readonly method?: string;
  /** Expected input scale, e.g. 'log2-normalized-counts', 'log-expression', 'counts'. */
  readonly scale?: string;
  readonly citation?: { pmid?: string; doi?: string; text?: string };
  /** For derived signatures: a formula over other signature ids. */
  readonly formula?: string;
  readonly source?: string;
}

/**
 * Match each set's genes to row positions of a gene list. Genes not present are dropped;
 * duplicated genes within a set are kept once. O(Σ set sizes).
 */
export function matchGeneSets(
  sets: readonly GeneSet[],
  genes: readonly string[],
): { id: string; rows: Int32Array; matched: string[]; missing: string[] }[] {
  const pos = new Map<string, number>();
  for (let i = 0; i < genes.length; i++) if (!pos.has(genes[i])) pos.set(genes[i], i);
  return sets.map((s) => {
    const seen = new Set<number>();
    const rows: number[] = [];
    const matched: string[] = [];
    const missing: string[] = [];
    for (const g of s.genes) {
      const r = pos.get(g);
      if (r === undefined) missing.push(g);
      else if (!seen.has(r)) {
        seen.add(r);
        rows.push(r);
        matched.push(g);
      }
    }
    return { id: s.id, rows: Int32Array.from(rows), matched, missing };
  });
}
