import type { DemoStep } from './context.js';
import { join } from 'node:path';

export const inspectStep: DemoStep = {
  name: 'inspect the example RNA-seq counts',
  async run(ctx) {
    await ctx.sigscore(['inspect', join(ctx.dataDir, 'rnaseq_counts.tsv'), '--json']);
  },
};
