/**
 * Benchmark: preranked GSEA on 20,000 genes × 50 sets and × 1,000 sets (sizes 15–500), multilevel
 * and simple (10,000 permutations), on the fgsea reference inputs in ../shared/oracles/fgsea/.
 * fgsea's times are the ones measured inside R on this machine (timing.tsv beside the inputs).
 * Run on the compiled code: `npm run build && node dist/bench/gsea.js [--json]`, or under tsx.
 * Prints a table; asserts nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gseaPreranked } from '../src/enrich/preranked.js';
import { rankGenes } from '../src/enrich/ranking.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const DIR = [`${here}../../shared/oracles/fgsea/`, `${here}../../../shared/oracles/fgsea/`].find((d) => existsSync(d));
if (!DIR) {
  process.stderr.write('bench/gsea: ../shared/oracles/fgsea not found\n');
  process.exit(0);
}
const read = (f: string) => readFileSync(DIR + f, 'utf8').trim().split('\n').map((l) => l.split('\t'));
const load = (name: string) => {
  const ranks = read(`${name}.ranks.tsv`).slice(1);
  return { ranking: rankGenes(ranks.map((r) => r[0]), ranks.map((r) => Number(r[1]))), sets: read(`${name}.gmt`).map((f) => ({ id: f[0], genes: f.slice(2) })) };
};
const timing = read('timing.tsv').slice(1);
const fgseaTime = (job: string): number => {
  const t = timing.filter((r) => r[0].startsWith(job)).map((r) => Number(r[3]));
  return t.length ? t.reduce((a, b) => a + b, 0) / t.length : NaN;
};

const rows: { job: string; sets: number; sigscore_s: number; fgsea_s: number; ratio: number }[] = [];
const run = (job: string, name: string, opts: Parameters<typeof gseaPreranked>[2], fg: string) => {
  const { ranking, sets } = load(name);
  const t0 = performance.now();
  const r = gseaPreranked(ranking, sets, opts);
  const s = (performance.now() - t0) / 1000;
  const f = fgseaTime(fg);
  rows.push({ job, sets: r.pathway.length, sigscore_s: s, fgsea_s: f, ratio: s / f });
};
run('multilevel, 20k genes × 50 sets', 'b_synth', { method: 'multilevel', seed: 1 }, 'multilevel (b)');
run('simple 10,000 perm, 20k × 50 sets', 'b_synth', { method: 'simple', nperm: 10000, seed: 1 }, 'simple nperm=1e4 (b)');
run('multilevel, 20k genes × 1000 sets', 't_synth1000', { method: 'multilevel', seed: 1 }, 'multilevel 20k x 1000');

if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
else {
  process.stdout.write('job\tsets\tsigscore_s\tfgsea_s (single thread, in R)\tratio\n');
  for (const r of rows) process.stdout.write(`${r.job}\t${r.sets}\t${r.sigscore_s.toFixed(3)}\t${r.fgsea_s.toFixed(3)}\t${r.ratio.toFixed(2)}\n`);
}
