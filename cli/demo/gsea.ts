import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { DemoStep } from './context.js';

/** Preranked GSEA of the responder-vs-rest moderated t over the tumour-microenvironment sets. */
export const gseaStep: DemoStep = {
  name: 'GSEA of responders vs the rest (tme-rnaseq sets, multilevel p-values) and the enrichment plot of the top set',
  async run(ctx) {
    const dir = join(ctx.outDir, 'gsea');
    await ctx.sigscore([
      'gsea', '--ranks', join(ctx.outDir, 'de', 'de.tsv'), '--rank-column', 't', '--gene-sets', 'tme-rnaseq', '--min-size', '5',
      '--seed', String(ctx.seed), '-o', join(dir, 'gsea.tsv'), '--running-sum', join(dir, 'running-sum.json'),
    ]);
    const rows = (await readFile(join(dir, 'gsea.tsv'), 'utf8')).trim().split('\n').slice(1).map((l) => l.split('\t'));
    const top = rows.sort((a, b) => Number(a[2]) - Number(b[2]))[0]?.[0];
    if (top) {
      await ctx.sigscore(['plot', 'enrichment', join(dir, 'running-sum.json'), '--pathway', top, '--gsea', join(dir, 'gsea.tsv'), '-o', join(dir, 'enrichment-top.vl.json')]);
    }
  },
};
