/**
 * Benchmark: 500 trees on 124 patients × 230 covariates (the seeded cohort of
 * test/helpers/forest-cohorts.ts), binary and survival endpoints, permutation importance;
 * sigscore with 1 and 2 threads and, when Rscript with ranger is installed, ranger with 1 and 2
 * threads in the same run (time of the ranger() call inside R). Each timing is the median of
 * `--reps` runs (default 3) with a different seed, after a first forest that is reported apart
 * (sigscore: JIT compilation and worker start; ranger: a 50-tree forest, not reported).
 * Prints a table (or --json) with the load average; asserts nothing.
 * Run compiled (workers need the per-file layout, so transpile rather than bundle):
 *   `npx esbuild $(git ls-files 'src/*.ts') bench/forest.ts test/helpers/forest-cohorts.ts
 *   --outdir=dist/fbench --outbase=. --format=esm --platform=node && node dist/fbench/bench/forest.js`,
 * or `node --import tsx bench/forest.ts` (slower: tsx).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { forestCohort } from '../test/helpers/forest-cohorts.js';
import { randomForest } from '../src/ml/forest/forest.js';
import { createWorkerPool } from '../src/io/node/worker-pool.js';

const argIdx = process.argv.indexOf('--reps');
const reps = argIdx >= 0 ? Math.max(1, Number(process.argv[argIdx + 1])) : 3;
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[(v.length - 1) >> 1];
const c = forestCohort();
const data = { n: c.n, p: c.p, x: c.x, names: c.names };
const endpoints = {
  binary: { kind: 'binary' as const, y: c.binary, classes: 2 },
  survival: { kind: 'survival' as const, time: c.time, status: c.status },
};
const rows: { endpoint: string; threads: number; tool: string; seconds: number }[] = [];
for (const [name, outcome] of Object.entries(endpoints)) {
  for (const threads of [1, 2]) {
    const pool = createWorkerPool({ threads });
    // the first forest of the process (JIT compilation, worker start) is reported apart
    const c0 = performance.now();
    await randomForest(data, outcome, { trees: 500, seed: 9, executor: pool });
    rows.push({ endpoint: name, threads, tool: 'sigscore first', seconds: (performance.now() - c0) / 1000 });
    const times: number[] = [];
    for (let k = 0; k < reps; k++) {
      const t0 = performance.now();
      await randomForest(data, outcome, { trees: 500, seed: 1 + k, executor: pool });
      times.push((performance.now() - t0) / 1000);
    }
    rows.push({ endpoint: name, threads, tool: 'sigscore', seconds: median(times) });
    await pool.close();
  }
}
let rOk = false;
try {
  execFileSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(ranger))'], { stdio: 'ignore' });
  rOk = true;
} catch {
  process.stderr.write('bench/forest: Rscript with ranger not found; sigscore only\n');
}
if (rOk) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-forest-'));
  const lines = [['binary', 'time', 'status', ...c.names].join(',')];
  for (let i = 0; i < c.n; i++) lines.push([c.binary[i], c.time[i], c.status[i], ...c.names.map((_, v) => c.x[v * c.n + i])].join(','));
  writeFileSync(join(dir, 'cohort.csv'), lines.join('\n'));
  const script = `suppressPackageStartupMessages({library(ranger);library(survival)})
d <- read.csv("${join(dir, 'cohort.csv')}", check.names=FALSE); X <- d[, -(1:3)]
med <- function(f) median(sapply(seq_len(${reps}), function(k) system.time(f(k))[["elapsed"]]))
for (th in 1:2) {
  invisible(ranger(x=X, y=factor(d$binary), num.trees=50, seed=9, num.threads=th))
  t <- med(function(k) ranger(x=X, y=factor(d$binary), num.trees=500, importance="permutation", seed=1009+k, num.threads=th))
  cat("binary", th, t, "\\n")
  t <- med(function(k) ranger(x=X, y=Surv(d$time, d$status), num.trees=500, importance="permutation", seed=1009+k, num.threads=th))
  cat("survival", th, t, "\\n")
}`;
  const out = execFileSync('Rscript', ['-e', script], { encoding: 'utf8' });
  for (const line of out.trim().split('\n')) {
    const [endpoint, threads, seconds] = line.trim().split(/\s+/);
    rows.push({ endpoint, threads: Number(threads), tool: 'ranger 0.14.1', seconds: Number(seconds) });
  }
}
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
else {
  process.stdout.write(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; median of ${reps} runs\n`);
  process.stdout.write('endpoint\tthreads\tsigscore_s\tranger_s\tratio\tsigscore_first_s\n');
  for (const ep of Object.keys(endpoints)) for (const th of [1, 2]) {
    const s = rows.find((r) => r.endpoint === ep && r.threads === th && r.tool === 'sigscore')!.seconds as number;
    const first = rows.find((r) => r.endpoint === ep && r.threads === th && r.tool === 'sigscore first')!.seconds as number;
    const r = rows.find((x) => x.endpoint === ep && x.threads === th && x.tool.startsWith('ranger'))?.seconds as number | undefined;
    process.stdout.write(`${ep}\t${th}\t${s.toFixed(3)}\t${r?.toFixed(3) ?? 'NA'}\t${r ? (s / r).toFixed(2) : 'NA'}\t${first.toFixed(3)}\n`);
  }
}
