/**
 * Benchmark: univariate Cox (Efron) over 20,000 genes × 500 patients, sigscore's screen (one
 * thread, and on the worker pool) against an R loop of `survival::coxph` in the same run. R is
 * timed inside R around the loop over the first `--r-genes` genes (default 1000) and extrapolated
 * linearly to all genes (each fit is independent, so the loop scales linearly); package load is
 * reported separately. Agreement on the R subset is printed (max relative difference of coef
 * and se). Also times maxstat cut-points and KM/log-rank for scale.
 * Run compiled (workers need the per-file layout, so transpile rather than bundle):
 *   `npx esbuild $(git ls-files 'src/*.ts') bench/survival.ts --outdir=dist/svbench --outbase=.
 *   --format=esm --platform=node && node dist/svbench/bench/survival.js [--json] [--genes N]
 *   [--samples N] [--r-genes N] [--threads N]`, or `node --import tsx bench/survival.ts`.
 * Prints a table; asserts nothing.
 */
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { rng } from '../src/core/random.js';
import { matrixFrom } from '../src/core/matrix.js';
import { survivalScreen, survivalScreenParallel } from '../src/survival/screen.js';
import { cutpoint } from '../src/survival/cutpoint.js';
import { createWorkerPool } from '../src/io/node/worker-pool.js';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const G = arg('--genes', 20000);
const N = arg('--samples', 500);
const RG = Math.min(G, arg('--r-genes', 1000));
const THREADS = arg('--threads', availableParallelism());
const json = process.argv.includes('--json');

const r = rng(2026, 0);
const latent = Float64Array.from({ length: N }, () => r.normal());
const time = Float64Array.from(latent, (z) => Math.max(1, Math.round(-Math.log(r.uniform()) * 1000 * Math.exp(-0.5 * z))));
const censor = Float64Array.from({ length: N }, () => Math.round(200 + 2500 * r.uniform()));
const event = Uint8Array.from(time, (t, j) => (t <= censor[j] ? 1 : 0));
for (let j = 0; j < N; j++) time[j] = Math.min(time[j], censor[j]);
const data = new Float64Array(G * N);
for (let g = 0; g < G; g++) {
  const w = g % 50 === 0 ? 0.5 : 0;
  for (let j = 0; j < N; j++) data[g * N + j] = 5 + w * latent[j] + r.normal();
}
const x = matrixFrom(G, N, data);

const timed = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await f();
  return [v, (performance.now() - t0) / 1000];
};

const rows: { step: string; sigscore_s: number; r_s: number | null; ratio: number | null; note: string }[] = [];
const [one, tOne] = await timed(() => survivalScreen(x, time, event));
const pool = createWorkerPool({ threads: THREADS });
const [, tPar] = await timed(() => survivalScreenParallel(x, time, event, { executor: pool }));
await pool.close();
const [, tCut] = await timed(() => {
  for (let g = 0; g < 100; g++) cutpoint(time, event, data.subarray(g * N, (g + 1) * N), { permutations: 0 });
});

let rLoop: number | null = null, rLoad: number | null = null, agree = '';
const hasR = spawnSync('Rscript', ['--version']).status === 0;
if (hasR) {
  const dir = mkdtempSync(join(tmpdir(), 'sigscore-bench-survival-'));
  const lines = ['gene\t' + Array.from({ length: N }, (_, j) => `S${j + 1}`).join('\t')];
  for (let g = 0; g < RG; g++) lines.push(`G${g + 1}\t` + Array.from(data.subarray(g * N, (g + 1) * N)).join('\t'));
  writeFileSync(join(dir, 'x.tsv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'surv.tsv'), 'time\tevent\n' + Array.from(time, (t, j) => `${t}\t${event[j]}`).join('\n') + '\n');
  const script = `
t0 <- proc.time()[["elapsed"]]; suppressPackageStartupMessages(library(survival)); load <- proc.time()[["elapsed"]] - t0
x <- as.matrix(read.delim(file.path("${dir}", "x.tsv"), row.names = 1)); s <- read.delim(file.path("${dir}", "surv.tsv"))
y <- Surv(s$time, s$event)
t1 <- proc.time()[["elapsed"]]
res <- t(apply(x, 1, function(v) { f <- coxph(y ~ v); c(coef(f), sqrt(vcov(f)[1, 1])) }))
loop <- proc.time()[["elapsed"]] - t1
write.table(res, file.path("${dir}", "r.tsv"), sep = "\\t", col.names = FALSE, row.names = FALSE)
cat(load, loop, "\\n")`;
  const out = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
  if (out.status === 0) {
    const [l, lp] = out.stdout.trim().split(/\s+/).map(Number);
    rLoad = l;
    rLoop = (lp * G) / RG;
    const rr = readFileSync(join(dir, 'r.tsv'), 'utf8').trim().split('\n').map((s) => s.split('\t').map(Number));
    let dc = 0, ds = 0;
    rr.forEach(([c, s], g) => {
      dc = Math.max(dc, Math.abs(one.coef[g] - c) / Math.abs(c));
      ds = Math.max(ds, Math.abs(one.se[g] - s) / Math.abs(s));
    });
    agree = `max rel diff vs R over ${RG} genes: coef ${dc.toExponential(2)}, se ${ds.toExponential(2)}`;
  } else agree = `R failed: ${out.stderr.split('\n')[0]}`;
  rmSync(dir, { recursive: true, force: true });
}
const note = rLoop !== null ? `R: ${RG} fits timed, ×${G / RG} extrapolated` : 'R not run';
rows.push({ step: `univariate Cox ${G}×${N}, 1 thread`, sigscore_s: tOne, r_s: rLoop, ratio: rLoop ? tOne / rLoop : null, note });
rows.push({ step: `univariate Cox ${G}×${N}, ${THREADS} threads`, sigscore_s: tPar, r_s: rLoop, ratio: rLoop ? tPar / rLoop : null, note });
rows.push({ step: 'maxstat cut-point ×100 (no permutations)', sigscore_s: tCut, r_s: null, ratio: null, note: '' });

if (json) console.log(JSON.stringify({ genes: G, samples: N, rGenes: RG, threads: THREADS, rLoad, rows, agree }, null, 1));
else {
  console.log(`survival benchmark: ${G} genes × ${N} patients, ${event.reduce((a, b) => a + b, 0)} events`);
  console.log('step'.padEnd(44) + 'sigscore s'.padStart(12) + 'R s'.padStart(10) + 'ratio'.padStart(9) + '  note');
  for (const w of rows)
    console.log(w.step.padEnd(44) + w.sigscore_s.toFixed(3).padStart(12) + (w.r_s === null ? '-' : w.r_s.toFixed(2)).padStart(10) +
      (w.ratio === null ? '-' : w.ratio.toFixed(4)).padStart(9) + '  ' + w.note);
  if (rLoad !== null) console.log(`R package load: ${rLoad.toFixed(2)} s (not included)`);
  if (agree) console.log(agree);
}
