import type { DemoStep } from './context.js';
import { existsSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A scores table written by an earlier step whose header names example patients, if any. */
function findScores(outDir: string): string | null {
  for (const sub of ['score', 'scores']) {
    const dir = join(outDir, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!/scores.*\.tsv$/.test(f)) continue;
      const head = readFileSync(join(dir, f), 'utf8').split('\n', 1)[0];
      if (/\tPT\d{3}/.test(head)) return join(dir, f);
    }
  }
  return null;
}

export const screenStep: DemoStep = {
  name: 'screen every covariate against response, PFS and grade ≥ 3 neurologic events',
  async run(ctx) {
    const out = join(ctx.outDir, 'screen');
    mkdirSync(out, { recursive: true });
    const scores = findScores(ctx.outDir);
    await ctx.sigscore([
      'screen', join(ctx.dataDir, 'clinical.tsv'),
      ...(scores ? ['--scores', scores] : []),
      '--endpoint', 'response=binary:ongoing_response',
      '--endpoint', 'pfs=survival:pfs_time,pfs_event',
      '--endpoint', 'ne3=binary:ne_grade>=3',
      // outcome-derived columns are not baseline covariates
      '--exclude', 'response', 'crs_grade', 'tocilizumab', 'steroids',
      '-o', join(out, 'screen.tsv'),
      '--correlation', join(out, 'correlation.tsv'),
      '--collinearity', join(out, 'clusters.tsv'),
      '--priority', 'cart_peak', 'vegf_peak', 'tnfa_d0',
      '--probability', join(out, 'probability.tsv'),
      '--seed', String(ctx.seed),
    ]);
  },
};
