/**
 * Repeated gene ids (several probes or transcripts per gene, or ids that coincide after
 * stripping Ensembl versions) collapsed by a declared policy. Nothing is merged silently: the
 * report says how many ids were repeated and which.
 */
import { createMatrix } from '../core/matrix.js';
import { createExpressionSet, type Annotation, type ExpressionSet } from '../core/expression-set.js';
import { DataError, UsageError } from '../core/errors.js';
import { ioMsg } from './messages.js';

/** How repeated gene ids are combined, per sample, over the rows that share the id. */
export type DuplicatePolicy = 'mean' | 'max' | 'sum' | 'first' | 'maxMean';
/** `error` refuses repeated ids; `keep` leaves them as they are. */
export type DuplicateOption = 'error' | 'keep' | DuplicatePolicy;
export const DUPLICATE_OPTIONS: readonly DuplicateOption[] = ['error', 'keep', 'mean', 'max', 'sum', 'first', 'maxMean'];

export interface DuplicateReport {
  readonly policy: DuplicateOption;
  /** Distinct ids that occur more than once. */
  readonly duplicatedIds: number;
  readonly rowsBefore: number;
  readonly rowsAfter: number;
  /** Up to 10 repeated ids, in file order. */
  readonly examples: string[];
}

export interface CollapseOptions {
  /**
   * `mean`, `max`, `sum`: per sample over the rows, ignoring NaN (NaN when all are NaN);
   * `first`: the first row; `maxMean`: the row with the largest mean over samples (ties: the
   * first); `error`: throw naming the first repeated id; `keep`: no change. Default `error`.
   */
  policy?: DuplicateOption;
}

/** Rows grouped by id, groups in order of first occurrence. O(n). */
export function groupRows(ids: readonly string[]): { groups: number[][]; repeated: string[] } {
  const at = new Map<string, number>();
  const groups: number[][] = [];
  const repeated: string[] = [];
  ids.forEach((id, i) => {
    const g = at.get(id);
    if (g === undefined) {
      at.set(id, groups.length);
      groups.push([i]);
    } else {
      if (groups[g].length === 1) repeated.push(id);
      groups[g].push(i);
    }
  });
  return { groups, repeated };
}

function rowMean(d: Float64Array, base: number, n: number): number {
  let s = 0;
  let k = 0;
  for (let j = 0; j < n; j++) {
    const v = d[base + j];
    if (v === v) {
      s += v;
      k++;
    }
  }
  return k ? s / k : -Infinity;
}

/**
 * Collapse repeated gene ids. O(nrow·ncol). Returns the collapsed ExpressionSet (ids in order
 * of first occurrence; annotation from the first row, or the chosen row for `maxMean`) and a
 * report.
 */
export function collapseDuplicateGenes(es: ExpressionSet, options: CollapseOptions = {}): { data: ExpressionSet; report: DuplicateReport } {
  const policy = options.policy ?? 'error';
  if (!DUPLICATE_OPTIONS.includes(policy)) throw new UsageError(ioMsg.duplicatePolicy(String(policy)));
  const { groups, repeated } = groupRows(es.genes);
  const n = es.x.nrow;
  const report = (rowsAfter: number): DuplicateReport => ({ policy, duplicatedIds: repeated.length, rowsBefore: n, rowsAfter, examples: repeated.slice(0, 10) });
  if (!repeated.length || policy === 'keep') return { data: es, report: report(n) };
  if (policy === 'error') {
    const g = groups.find((r) => r.length > 1)!;
    throw new DataError(ioMsg.duplicateGeneRows(es.genes[g[0]], g[0] + 1, g[1] + 1));
  }
  const nc = es.x.ncol;
  const src = es.x.data;
  const out = createMatrix(groups.length, nc);
  const d = out.data;
  const chosen = new Int32Array(groups.length);
  groups.forEach((rows, g) => {
    const o = g * nc;
    chosen[g] = rows[0];
    if (rows.length === 1 || policy === 'first' || policy === 'maxMean') {
      if (policy === 'maxMean') {
        let best = -Infinity;
        for (const r of rows) {
          const m = rowMean(src, r * nc, nc);
          if (m > best) {
            best = m;
            chosen[g] = r;
          }
        }
      }
      d.set(src.subarray(chosen[g] * nc, chosen[g] * nc + nc), o);
      return;
    }
    for (let j = 0; j < nc; j++) {
      let acc = policy === 'max' ? -Infinity : 0;
      let k = 0;
      for (const r of rows) {
        const v = src[r * nc + j];
        if (v !== v) continue;
        k++;
        if (policy === 'max') acc = v > acc ? v : acc;
        else acc += v;
      }
      d[o + j] = k === 0 ? NaN : policy === 'mean' ? acc / k : acc;
    }
  });
  let geneAnnotation: Annotation | undefined;
  if (es.geneAnnotation) {
    geneAnnotation = new Map();
    for (const [name, col] of es.geneAnnotation) geneAnnotation.set(name, Array.from(chosen, (r) => col[r]));
  }
  const genes = Array.from(chosen, (r) => es.genes[r]);
  const data = createExpressionSet(out, genes, es.samples.slice(), { geneAnnotation, sampleAnnotation: es.sampleAnnotation });
  return { data, report: report(groups.length) };
}
