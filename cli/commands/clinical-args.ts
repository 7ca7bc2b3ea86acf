/** Read a clinical table and, optionally, join per-sample scores to it as numeric covariates. */
import type { SampleTable } from '../../src/core/sample-table.js';
import { readSampleTableFile } from '../../src/io/node/readers.js';
import { loadMatrix } from '../load-matrix.js';
import { joinScores } from '../../src/workflow/screen-join.js';

export async function readClinical(
  clinical: string,
  options: { scores?: string; idColumn?: string; threads?: number } = {},
): Promise<{ table: SampleTable; inputs: string[]; warnings: string[] }> {
  const inputs = [clinical, ...(options.scores ? [options.scores] : [])];
  let table = await readSampleTableFile(clinical, options.idColumn ? { idColumn: options.idColumn } : {});
  const warnings: string[] = [];
  if (options.scores) {
    const es = await loadMatrix(options.scores, {}, options.threads);
    const j = joinScores(table, { rowIds: es.genes, colIds: es.samples, values: es.x.data });
    table = j.table;
    warnings.push(...j.warnings);
  }
  return { table, inputs, warnings };
}
