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
 * Fresh memory: on Linux much of a load is the kernel paging in the new value matrix (4 KiB
 * page faults, which do not overlap across threads on a VM). Every sigscore load allocates its
 * matrix afresh (large buffers are mapped and unmapped), and so does an R session's first
 * fread; later freads in the same session reuse the heap R already touched. fread is therefore
 * timed both ways, each repetition in a fresh Rscript per thread count: `first` = the first
 * fread of the session (as a script that reads its input once runs it), `again` = the best of
 * two more calls in that session. sigscore is also timed in a child process started with
 * `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` (glibc ≥ 2.35: transparent huge pages for large
 * allocations when THP is in `madvise` mode), which removes most of the paging cost; R always
 * runs without it, as R users run it. Every ratio is fread time / sigscore time.
 */
import { mkdtempSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
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
  /** The session's first fread, and the best of two more in the same session. */
  firstMs: number;
  againMs: number;
  /** Threads fread used, and its default thread count here (getDTthreads() at start-up). */
  threads: number;
  defaultThreads: number;
}

/** fread in a fresh Rscript at `threads` threads: the first call, then two more. */
function freadTimes(path: string, threads: number): RTimes | null {
  const code = `
t0 <- proc.time()[["elapsed"]]
suppressMessages(library(data.table))
load <- proc.time()[["elapsed"]] - t0
d <- getDTthreads(); setDTthreads(${threads}); n <- getDTthreads()
once <- function() { t <- proc.time()[["elapsed"]]; x <- fread(${JSON.stringify(path)}, showProgress = FALSE); proc.time()[["elapsed"]] - t }
a <- once(); b <- min(once(), once())
cat(load, a, b, n, d, "\\n")`;
  const r = spawnSync('Rscript', ['-e', code], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const [load, a, b, n, d] = r.stdout.trim().split(/\s+/).map(Number);
  return { loadMs: load * 1000, firstMs: a * 1000, againMs: b * 1000, threads: n, defaultThreads: d };
}

/** Keep the smaller of each time. */
function bestOf(r: RTimes | null, k: RTimes | null): RTimes | null {
  if (!r || !k) return r ?? k;
  return { ...r, loadMs: Math.min(r.loadMs, k.loadMs), firstMs: Math.min(r.firstMs, k.firstMs), againMs: Math.min(r.againMs, k.againMs) };
}

/** The environment with glibc's huge-page tunable added to any tunables already set. */
function hugePageEnv(): NodeJS.ProcessEnv {
  const t = process.env.GLIBC_TUNABLES;
  return { ...process.env, GLIBC_TUNABLES: t ? `${t}:glibc.malloc.hugetlb=1` : 'glibc.malloc.hugetlb=1' };
}

/**
 * sigscore's TSV load times (one thread, and the pool) in a child process of this script run
 * with `env`: `--child <file>` warms up once and prints the two times of one repetition.
 */
function childTimes(path: string, threads: number, env: NodeJS.ProcessEnv): { oneMs: number; poolMs: number } | null {
  const r = spawnSync(process.execPath, [process.argv[1], '--child', path, '--threads', String(threads)], { encoding: 'utf8', env });
  if (r.status !== 0) return null;
  const [oneMs, poolMs] = r.stdout.trim().split(/\s+/).map(Number);
  return { oneMs, poolMs };
}

async function child(path: string, threads: number): Promise<void> {
  const pool = createWorkerPool({ threads });
  try {
    await readMatrixFile(path);
    await readMatrixFile(path, { executor: pool });
    const one = await best(1, () => readMatrixFile(path));
    const n = await best(1, () => readMatrixFile(path, { executor: pool }));
    process.stdout.write(`${one} ${n}\n`);
  } finally {
    await pool.close();
  }
}

/** fread / sigscore for every pair of a fread time and a sigscore time at the same thread count. */
function ratios(n: number, s: { tsvMs: number; tsvNMs: number; hugeMs: number; hugeNMs: number }, r1: RTimes | null, rN: RTimes | null): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const ratio = (a: number | undefined, b: number): number | null => (a !== undefined && Number.isFinite(b) ? +(a / b).toFixed(2) : null);
  for (const [t, r, plain, huge] of [[1, r1, s.tsvMs, s.hugeMs], [n, rN, s.tsvNMs, s.hugeNMs]] as const) {
    for (const [when, f] of [['First', r?.firstMs], ['Again', r?.againMs]] as const) {
      out[`fread${t}${when}OverSigscore${t}`] = ratio(f, plain);
      out[`fread${t}${when}OverSigscore${t}Huge`] = ratio(f, huge);
    }
  }
  return out;
}

async function main(): Promise<void> {
  await bundleWorkers(import.meta.url);
  if (await selfBundle(import.meta.url)) return;
  const ngenes = Number(opt('genes', '20000'));
  const sizes = opt('samples', '500,1000').split(',').map(Number);
  const reps = Number(opt('reps', '3'));
  const threads = Number(opt('threads', '2'));
  if (argv.includes('--child')) return child(opt('child', ''), threads);
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
      let hugeMs = Infinity;
      let hugeNMs = Infinity;
      let r1: RTimes | null = null;
      let rN: RTimes | null = null;
      for (let k = 0; k < reps; k++) {
        tsvMs = Math.min(tsvMs, await best(1, () => readMatrixFile(tsv)));
        tsvNMs = Math.min(tsvNMs, await best(1, () => readMatrixFile(tsv, { executor: pool })));
        const h = childTimes(tsv, threads, hugePageEnv());
        if (h) {
          hugeMs = Math.min(hugeMs, h.oneMs);
          hugeNMs = Math.min(hugeNMs, h.poolMs);
        }
        r1 = bestOf(r1, freadTimes(tsv, 1));
        rN = bestOf(rN, freadTimes(tsv, threads));
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
        sigscoreTsv1HugeMs: Number.isFinite(hugeMs) ? +hugeMs.toFixed(0) : null,
        [`sigscoreTsv${threads}HugeMs`]: Number.isFinite(hugeNMs) ? +hugeNMs.toFixed(0) : null,
        fread1FirstMs: r1 ? +r1.firstMs.toFixed(0) : null,
        fread1AgainMs: r1 ? +r1.againMs.toFixed(0) : null,
        [`fread${threads}FirstMs`]: rN ? +rN.firstMs.toFixed(0) : null,
        [`fread${threads}AgainMs`]: rN ? +rN.againMs.toFixed(0) : null,
        freadThreads: rN?.threads ?? null,
        freadDefaultThreads: rN?.defaultThreads ?? null,
        rPackageLoadMs: r1 ? +r1.loadMs.toFixed(0) : null,
        ...ratios(threads, { tsvMs, tsvNMs, hugeMs, hugeNMs }, r1, rN),
      });
      rmSync(tsv);
      rmSync(arrow);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await pool.close();
  }
  if (json) {
    process.stdout.write(JSON.stringify({ node: process.version, reps, loadAverage: loadavg(), rows }, null, 1) + '\n');
    return;
  }
  const cols = Object.keys(rows[0] ?? {});
  process.stdout.write(`sigscore io benchmark (best of ${reps}; times include reading the file; R times measured inside R; ${threads} threads/workers in the N columns; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})\n`);
  // one line per measure, one column per matrix
  for (const c of cols) process.stdout.write([c.padEnd(34), ...rows.map((r) => String(r[c]).padStart(8))].join(' ') + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench/io: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
