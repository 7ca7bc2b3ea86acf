import type { DemoStep } from './context.js';
import { join } from 'node:path';

export const deStep: DemoStep = {
  name: 'differential expression of responders vs non-responders (voom + TMM, adjusted for age)',
  async run(ctx) {
    await ctx.sigscore([
      'de', join(ctx.dataDir, 'rnaseq_counts.tsv'), '--samples', join(ctx.dataDir, 'clinical.tsv'), '--id-column', 'sample_id',
      '--design', '~ response + age', '--ref', 'response=NR', '--contrast', 'response:R:NR', '--method', 'voom', '--filter',
      '-o', join(ctx.outDir, 'de', 'de.tsv'),
    ]);
  },
};
