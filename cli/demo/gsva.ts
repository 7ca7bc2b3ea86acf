import type { DemoStep } from './context.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readMatrixFile } from '../../src/io/node/readers.js';
import { writeAtomic } from '../../src/io/node/files.js';
import { formatMatrixText } from '../../src/io/write-text.js';
import { cpm } from '../../src/normalize/rnaseq/cpm.js';

/**
 * Hallmark-style enrichment of the example RNA-seq on the tme-rnaseq collection (its sets carry
 * their citations and may be redistributed): GSVA (Gaussian) and ssGSEA on log-CPM, and GSVA
 * with the Poisson kernel on the raw counts.
 */
export const gsvaStep: DemoStep = {
  name: 'GSVA and ssGSEA of the RNA-seq on the tme-rnaseq gene sets',
  async run(ctx) {
    const dir = join(ctx.outDir, 'gsva');
    const counts = join(ctx.dataDir, 'rnaseq_counts.tsv');
    let logcpm = join(ctx.outDir, 'scores', 'rnaseq_logcpm.tsv');
    if (!existsSync(logcpm)) {
      const es = await readMatrixFile(counts);
      logcpm = join(dir, 'rnaseq_logcpm.tsv');
      await writeAtomic(logcpm, formatMatrixText({ ...es, x: cpm(es.x, { log: true, priorCount: 2 }) }));
    }
    const common = ['--gene-sets', 'tme-rnaseq', '--min-size', '2'];
    await ctx.sigscore(['gsva', logcpm, ...common, '-o', join(dir, 'gsva_tme.tsv')]);
    await ctx.sigscore(['gsva', logcpm, ...common, '--method', 'ssgsea', '-o', join(dir, 'ssgsea_tme.tsv')]);
    await ctx.sigscore(['gsva', counts, ...common, '--kcdf', 'poisson', '-o', join(dir, 'gsva_poisson_tme.tsv')]);
  },
};
