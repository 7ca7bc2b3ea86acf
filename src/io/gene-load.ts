/** The gene-id steps every matrix reader applies after scanning: version stripping, id detection, duplicates. */
import type { ExpressionSet } from '../core/expression-set.js';
import { ParseError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { detectGeneIds, stripEnsemblVersions, type GeneIdSummary } from './gene-ids.js';
import { collapseDuplicateGenes, groupRows, type DuplicateOption, type DuplicateReport } from './duplicates.js';

export type { DuplicateOption } from './duplicates.js';

/** What a reader detected and did to the gene ids. */
export interface GeneLoadReport {
  readonly source: string;
  readonly ids: GeneIdSummary;
  /** Ids whose Ensembl version was stripped (0 unless `stripVersions`). */
  readonly versionsStripped: number;
  readonly duplicates: DuplicateReport;
}

/**
 * Apply `stripVersions` and the duplicate policy to a freshly read set. `lines[i]` is the file
 * line of row i, so an `error` names both lines of the first repeated id.
 */
export function finishGenes(
  es: ExpressionSet,
  lines: Int32Array | null,
  options: { source: string; duplicates?: DuplicateOption; stripVersions?: boolean },
): ExpressionSet & { readonly report: GeneLoadReport } {
  let genes = es.genes;
  let versionsStripped = 0;
  if (options.stripVersions) {
    const s = stripEnsemblVersions(genes);
    genes = s.ids;
    versionsStripped = s.stripped;
  }
  const ids = detectGeneIds(es.genes);
  const policy = options.duplicates ?? 'error';
  if (policy === 'error') {
    const { groups, repeated } = groupRows(genes);
    if (repeated.length) {
      const g = groups.find((r) => r.length > 1)!;
      const line = (r: number): number => (lines ? lines[r] : r + 1);
      throw new ParseError({ file: options.source, line: line(g[1]), column: 1 }, msg.duplicateGene(genes[g[0]], line(g[0])));
    }
  }
  const base: ExpressionSet = genes === es.genes ? es : { ...es, genes };
  if (policy === 'error') {
    // every id is unique (checked above): nothing to collapse, no second grouping pass
    const n = base.x.nrow;
    const duplicates: DuplicateReport = { policy, duplicatedIds: 0, rowsBefore: n, rowsAfter: n, examples: [] };
    return { ...base, report: { source: options.source, ids, versionsStripped, duplicates } };
  }
  const { data, report } = collapseDuplicateGenes(base, { policy });
  return { ...data, report: { source: options.source, ids, versionsStripped, duplicates: { ...report, policy } } };
}
