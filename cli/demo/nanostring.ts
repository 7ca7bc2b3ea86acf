import type { DemoStep } from './context.js';
import { join } from 'node:path';

export const nanostringStep: DemoStep = {
  name: 'NanoString: QC and nSolver-style normalisation of the example RCC files',
  async run(ctx) {
    const rcc = join(ctx.dataDir, 'rcc');
    const out = join(ctx.outDir, 'nanostring');
    await ctx.sigscore(['nanostring', 'qc', rcc, '-o', join(out, 'qc.tsv')]);
    await ctx.sigscore(['nanostring', 'normalize', rcc, '-o', join(out, 'normalized.tsv'), '--factors', join(out, 'factors.tsv')]);
  },
};
