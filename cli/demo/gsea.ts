import { join } from 'node:path';
import type { DemoStep } from './context.js';

/** Preranked GSEA of the responder-vs-rest moderated t over the tumour-microenvironment sets. */
export const gseaStep: DemoStep = {
  name: 'GSEA of responders vs the rest (tme-rnaseq sets, multilevel p-values)',
  async run(ctx) {
    await ctx.sigscore([
      'gsea', '--ranks', join(ctx.outDir, 'de', 'de.tsv'), '--rank-column', 't', '--gene-sets', 'tme-rnaseq', '--min-size', '5',
      '--seed', String(ctx.seed), '-o', join(ctx.outDir, 'gsea', 'gsea.tsv'), '--running-sum', join(ctx.outDir, 'gsea', 'running-sum.json'),
    ]);
  },
};
