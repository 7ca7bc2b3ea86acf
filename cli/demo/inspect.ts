import type { DemoStep } from './context.js';
import { join } from 'node:path';

export const inspectStep: DemoStep = {
  name: 'inspect the example RNA-seq counts and convert them to Arrow',
  async run(ctx) {
    const counts = join(ctx.dataDir, 'rnaseq_counts.tsv');
    await ctx.sigscore(['inspect', counts]);
    await ctx.sigscore(['convert', counts, join(ctx.outDir, 'io', 'rnaseq_counts.arrow')]);
  },
};
