import type { DemoStep } from './context.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readMatrixFile } from '../../src/io/node/readers.js';
import { writeAtomic } from '../../src/io/node/files.js';
import { formatMatrixText } from '../../src/io/write-text.js';
import { cpm } from '../../src/normalize/rnaseq/cpm.js';

export const scoreStep: DemoStep = {
  name: 'score signatures: io360-public on the NanoString panel, tme-rnaseq on RNA-seq log-CPM',
  async run(ctx) {
    const dir = join(ctx.outDir, 'scores');
    const panel = join(ctx.outDir, 'nanostring', 'normalized.tsv');
    if (existsSync(panel)) {
      await ctx.sigscore(['score', panel, '--signatures', 'io360-public', '-o', join(dir, 'nanostring_io360.tsv'), '--coverage', join(dir, 'nanostring_io360_coverage.tsv')]);
    } else ctx.log(`no ${panel} (NanoString step not run): skipping io360-public on the panel`);
    const counts = await readMatrixFile(join(ctx.dataDir, 'rnaseq_counts.tsv'));
    const logcpm = join(dir, 'rnaseq_logcpm.tsv');
    await writeAtomic(logcpm, formatMatrixText({ ...counts, x: cpm(counts.x, { log: true, priorCount: 2 }) }));
    await ctx.sigscore(['score', logcpm, '--signatures', 'tme-rnaseq', '-o', join(dir, 'rnaseq_tme.tsv'), '--coverage', join(dir, 'rnaseq_tme_coverage.tsv')]);
    await ctx.sigscore(['score', logcpm, '--signatures', 'tme-rnaseq', '--method', 'zscore', '-o', join(dir, 'rnaseq_tme_zscore.tsv')]);
  },
};
