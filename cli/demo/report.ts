import type { DemoStep } from './context.js';
import { join } from 'node:path';

/** The last demo step: one HTML report from every result the earlier steps wrote (keep it last). */
export const reportStep: DemoStep = {
  name: 'report: plots and tables of every result in one offline HTML page',
  async run(ctx) {
    await ctx.sigscore(['report', ctx.outDir, '--clinical', join(ctx.dataDir, 'clinical.tsv'), '--group', 'response', '-o', join(ctx.outDir, 'report.html'), '--title', 'sigscore demo: simulated CAR-T trial cohort', '--seed', String(ctx.seed)]);
  },
};
