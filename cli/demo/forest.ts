import { join } from 'node:path';
import type { DemoStep } from './context.js';

const OUTCOMES = 'ongoing_response,response,pfs_time,pfs_event,crs_grade,ne_grade';

/** Random-forest importance of every covariate for PFS and for grade ≥ 3 neurologic events. */
export const forestStep: DemoStep = {
  name: 'random-forest importance for PFS and grade ≥ 3 neurologic events (collinear covariates dropped first)',
  async run(ctx) {
    const clinical = join(ctx.dataDir, 'clinical.tsv');
    const common = ['--repeats', '3', '--collinearity', '0.9', '--seed', String(ctx.seed)];
    await ctx.sigscore(['forest', clinical, '-e', 'pfs=survival:pfs_time,pfs_event', '--exclude', OUTCOMES, ...common,
      '-o', join(ctx.outDir, 'forest', 'pfs_importance.tsv'), '--oob', join(ctx.outDir, 'forest', 'pfs_oob.json')]);
    await ctx.sigscore(['forest', clinical, '-e', 'ne3=binary:ne_grade>=3', '--exclude', OUTCOMES, '--balanced', ...common,
      '-o', join(ctx.outDir, 'forest', 'ne3_importance.tsv'), '--oob', join(ctx.outDir, 'forest', 'ne3_oob.json')]);
  },
};
