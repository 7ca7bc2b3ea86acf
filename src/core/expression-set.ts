import type { Matrix } from './matrix.js';
import { DataError } from './errors.js';
import { msg } from './messages.js';

/** Per-gene (row) annotation: named string columns, each of length nrow. */
export type Annotation = Map<string, string[]>;

/**
 * An expression matrix with its row (gene) and column (sample) identifiers.
 * `geneIndex`/`sampleIndex` are built lazily by `indexOf*`.
 */
export interface ExpressionSet {
  readonly x: Matrix;
  readonly genes: string[];
  readonly samples: string[];
  /** Optional per-gene annotation (e.g. `CodeClass`, `Accession`, `symbol`). */
  readonly geneAnnotation?: Annotation;
  /** Optional per-sample annotation (e.g. lane attributes, QC flags). */
  readonly sampleAnnotation?: Annotation;
}

export function createExpressionSet(
  x: Matrix,
  genes: string[],
  samples: string[],
  extra: { geneAnnotation?: Annotation; sampleAnnotation?: Annotation } = {},
): ExpressionSet {
  if (genes.length !== x.nrow) throw new RangeError(`${genes.length} gene ids for ${x.nrow} rows`);
  if (samples.length !== x.ncol) throw new RangeError(`${samples.length} sample ids for ${x.ncol} columns`);
  return { x, genes, samples, ...extra };
}

/** Map from id to its (first) position. */
export function indexMap(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) if (!m.has(ids[i])) m.set(ids[i], i);
  return m;
}

/** Throws a DataError naming the first duplicate id. */
export function assertUnique(ids: readonly string[], kind: 'gene' | 'sample'): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const prev = seen.get(ids[i]);
    if (prev !== undefined) {
      throw new DataError(kind === 'sample' ? msg.duplicateSample(ids[i]) : msg.duplicateGene(ids[i], prev + 1));
    }
    seen.set(ids[i], i);
  }
}
