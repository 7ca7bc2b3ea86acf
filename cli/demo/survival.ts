import type { DemoStep } from './context.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PFS of the example cohort: KM by response, Cox on FLIPI and day-0 serum TNF-α, the optimal
 * TNF-α cut-point, and the FLIPI > 2 × TNF-α risk groups.
 */
export const survivalStep: DemoStep = {
  name: 'survival: KM, Cox, TNF-α cut-point and FLIPI × TNF-α risk groups for PFS',
  async run(ctx) {
    const out = join(ctx.outDir, 'survival');
    mkdirSync(out, { recursive: true });
    const base = [join(ctx.dataDir, 'clinical.tsv'), '--time', 'pfs_time', '--event', 'pfs_event', '--event-code', '0/1'];
    await ctx.sigscore(['km', ...base, '--group', 'response', '-o', join(out, 'km.tsv'), '--summary', join(out, 'km-summary.tsv'), '--times', '6,12', '--rmst', '24']);
    await ctx.sigscore(['cox', ...base, '-c', 'flipi,tnfa_d0', '-o', join(out, 'cox.tsv'), '--zph', join(out, 'cox-zph.tsv')]);
    await ctx.sigscore(['cutpoint', ...base, '-m', 'tnfa_d0', '-o', join(out, 'cutpoint.tsv'), '--curve', join(out, 'cutpoint-curve.tsv'), '--seed', String(ctx.seed)]);
    await ctx.sigscore(['logrank', ...base, '--group', 'response', '-o', join(out, 'logrank.tsv')]);
    await ctx.sigscore([
      'riskgroups', ...base, '-m', 'flipi,tnfa_d0', '--cut', '2,median', '-o', join(out, 'riskgroups.tsv'),
      '--km', join(out, 'riskgroups-km.tsv'), '--pairwise', join(out, 'riskgroups-pairwise.tsv'),
      '--assignments', join(out, 'riskgroups-assignments.tsv'),
    ]);
  },
};
