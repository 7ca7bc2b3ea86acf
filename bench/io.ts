/**
 * Loading benchmark: seeded genes × samples TSV files (20000 × 500 and 20000 × 1000 by default)
 * written to a temporary directory, loaded by sigscore's byte scanner (TSV: one thread, and a
 * pool of `--threads` workers) and from Arrow IPC, and, when Rscript with data.table is
 * installed, by `data.table::fread` on the same file in the same run at 1 thread and at
 * `--threads` (timed inside R; package load reported separately). sigscore and fread take
 * turns, one repetition each, and the best of `--reps` is reported for each. Times include
 * reading the file (from the page cache: every file is read once before timing).
 *
 *   node --import tsx bench/io.ts [--genes 20000] [--samples 500,1000] [--reps 3] [--threads 2] [--json]
 *
 * Under tsx the script first bundles itself (and the worker modules) with esbuild and re-runs
 * as plain JavaScript, so the timings are those of compiled code. Asserts nothing.
 *
 * On Linux most of a load can be the kernel paging in the fresh value matrix (4 KiB page
 * faults); `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` in the environment makes glibc ask for
 * transparent huge pages for large allocations, in node and in Rscript alike (the variable is
 * inherited), and shows the loads without most of that cost.
 */
import { mkdtempSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { rng } from '../src/core/random.js';
import { readMatrixFile } from '../src/io/node/readers.js';
import { readBytes } from '../src/io/node/files.js';
import { formatArrow, arrowSampleColumns } from '../src/io/arrow.js';
import { createExpressionSet } from '../src/core/expression-set.js';
import { matrixFrom } from '../src/core/matrix.js';
import { createWorkerPool } from '../src/io/node/worker-pool.js';
import { argv, opt, selfBundle } from './args.js';

/**
 * The bundled benchmark starts workers from its own folder: bundle the worker runner and the
 * scan task module there too (beside `selfBundle`'s output).
 */
async function bundleWorkers(metaUrl: string): Promise<void> {
  const self = fileURLToPath(metaUrl);
  if (!self.endsWith('.ts') || process.env.SIGSCORE_BENCH_BUNDLED) return;
  const { build } = await import('esbuild');
  const src = join(dirname(self), '..', 'src', 'io', 'node');
  const outdir = join(dirname(self), '..', 'node_modules', '.cache', 'sigscore-bench');
  await build({ entryPoints: [join(src, 'worker-runner.ts'), join(src, 'scan-parts.ts'), join(src, 'scan-ranges.ts')], bundle: true, platform: 'node', format: 'esm', outdir, packages: 'external', logLevel: 'warning' });
}


function writeTsv(path: string, ngenes: number, nsamples: number, seed: number): Float64Array {
  const r = rng(seed, 0);
  const data = new Float64Array(ngenes * nsamples);
  const parts: string[] = [['gene', ...Array.from({ length: nsamples }, (_, j) => `S${j + 1}`)].join('\t') + '\n'];
  for (let i = 0; i < ngenes; i++) {
    let line = `G${i + 1}`;
    for (let j = 0; j < nsamples; j++) {
      // log2-expression-like values with 6 decimals
      const v = Math.round((8 + 2.5 * r.normal()) * 1e6) / 1e6;
      data[i * nsamples + j] = v;
      line += '\t' + String(v);
    }
    parts.push(line + '\n');
  }
  writeFileSync(path, parts.join(''));
  return data;
}

async function best(reps: number, f: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let k = 0; k < reps; k++) {
    const t = performance.now();
    await f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

interface RTimes {
  loadMs: number;
  /** fread with 1 thread, and with `threads`. */
  fread1Ms: number;
  freadNMs: number;
  freadN: number;
  /** fread's default thread count here (getDTthreads() at start-up). */
  defaultThreads: number;
}

function freadTimes(path: string, reps: number, threads: number): RTimes | null {
  const code = `
t0 <- proc.time()[["elapsed"]]
suppressMessages(library(data.table))
load <- proc.time()[["elapsed"]] - t0
time_it <- function() { b <- Inf; for (k in 1:${reps}) { t <- proc.time()[["elapsed"]]; x <- fread(${JSON.stringify(path)}, showProgress = FALSE); b <- min(b, proc.time()[["elapsed"]] - t) }; b }
d <- getDTthreads()
setDTthreads(1); a <- time_it()
setDTthreads(${threads}); n <- getDTthreads(); b <- time_it()
cat(load, a, b, n, d, "\\n")`;
  const r = spawnSync('Rscript', ['-e', code], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const [load, a, b, n, d] = r.stdout.trim().split(/\s+/).map(Number);
  return { loadMs: load * 1000, fread1Ms: a * 1000, freadNMs: b * 1000, freadN: n, defaultThreads: d };
}

async function main(): Promise<void> {
  await bundleWorkers(import.meta.url);
  if (await selfBundle(import.meta.url)) return;
  const ngenes = Number(opt('genes', '20000'));
  const sizes = opt('samples', '500,1000').split(',').map(Number);
  const reps = Number(opt('reps', '3'));
  const threads = Number(opt('threads', '2'));
  const pool = createWorkerPool({ threads });
  const json = argv.includes('--json');
  const dir = mkdtempSync(join(tmpdir(), 'sigscore-bench-io-'));
  const rows: Record<string, unknown>[] = [];
  try {
    for (const ns of sizes) {
      const tsv = join(dir, `m${ns}.tsv`);
      const arrow = join(dir, `m${ns}.arrow`);
      const data = writeTsv(tsv, ngenes, ns, 42 + ns);
      const es = createExpressionSet(matrixFrom(ngenes, ns, data), Array.from({ length: ngenes }, (_, i) => `G${i + 1}`), Array.from({ length: ns }, (_, j) => `S${j + 1}`));
      writeFileSync(arrow, formatArrow(es));
      const mb = statSync(tsv).size / 1e6;
      // warm-up, then check the values once (one thread and the pool)
      const loaded = await readMatrixFile(tsv);
      const loadedN = await readMatrixFile(tsv, { executor: pool });
      let same = loaded.x.data.length === data.length && loadedN.x.data.length === data.length;
      for (let k = 0; same && k < data.length; k++) same = Object.is(loaded.x.data[k], data[k]) && Object.is(loadedN.x.data[k], data[k]);
      // sigscore and fread alternate, one repetition each, so a change in machine load hits both
      let tsvMs = Infinity;
      let tsvNMs = Infinity;
      let r: RTimes | null = null;
      for (let k = 0; k < reps; k++) {
        tsvMs = Math.min(tsvMs, await best(1, () => readMatrixFile(tsv)));
        tsvNMs = Math.min(tsvNMs, await best(1, () => readMatrixFile(tsv, { executor: pool })));
        const rk = freadTimes(tsv, 1, threads);
        if (rk) {
          r ??= rk;
          r.fread1Ms = Math.min(r.fread1Ms, rk.fread1Ms);
          r.freadNMs = Math.min(r.freadNMs, rk.freadNMs);
          r.loadMs = Math.min(r.loadMs, rk.loadMs);
        }
      }
      const arrowMs = await best(reps, () => readMatrixFile(arrow));
      const arrowViewMs = await best(reps, async () => arrowSampleColumns(await readBytes(arrow)));
      rows.push({
        genes: ngenes,
        samples: ns,
        tsvMB: +mb.toFixed(1),
        valuesIdentical: same,
        sigscoreTsv1Ms: +tsvMs.toFixed(0),
        sigscoreTsv1MBs: +(mb / (tsvMs / 1000)).toFixed(0),
        [`sigscoreTsv${threads}Ms`]: +tsvNMs.toFixed(0),
        [`sigscoreTsv${threads}MBs`]: +(mb / (tsvNMs / 1000)).toFixed(0),
        arrowMB: +(statSync(arrow).size / 1e6).toFixed(1),
        sigscoreArrowMs: +arrowMs.toFixed(0),
        sigscoreArrowColumnsMs: +arrowViewMs.toFixed(0),
        fread1Ms: r ? +r.fread1Ms.toFixed(0) : null,
        [`fread${threads}Ms`]: r ? +r.freadNMs.toFixed(0) : null,
        freadDefaultThreads: r?.defaultThreads ?? null,
        rPackageLoadMs: r ? +r.loadMs.toFixed(0) : null,
        fread1OverSigscore1: r ? +(r.fread1Ms / tsvMs).toFixed(2) : null,
        [`fread${threads}OverSigscore${threads}`]: r ? +(r.freadNMs / tsvNMs).toFixed(2) : null,
      });
      rmSync(tsv);
      rmSync(arrow);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await pool.close();
  }
  if (json) {
    process.stdout.write(JSON.stringify({ node: process.version, reps, rows }, null, 1) + '\n');
    return;
  }
  const cols = Object.keys(rows[0] ?? {});
  process.stdout.write(`sigscore io benchmark (best of ${reps}; times include reading the file; R times measured inside R; ${threads} threads/workers in the N columns)\n`);
  process.stdout.write(cols.join('\t') + '\n');
  for (const r of rows) process.stdout.write(cols.map((c) => String(r[c])).join('\t') + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench/io: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
