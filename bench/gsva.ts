/**
 * Benchmark: GSVA (Gaussian kernel) and ssGSEA on synthetic log-expression, 20,000 genes ×
 * {100, 500, 1000} samples × 50 gene sets (15–500 genes), sigscore with 1 and 2 threads against
 * GSVA 1.46 `gsva(method = "gsva" | "ssgsea")` in R on the same matrix and sets in the same run
 * (timed inside R with parallel.sz = 1; package load reported separately), when Rscript and GSVA
 * are installed. Also reports the largest |sigscore − R| and the process's peak resident memory.
 * Run on the compiled code (`npm run build && node dist/bench/gsva.js`) or under tsx
 * (`node --import tsx bench/gsva.ts`). Options: --genes N --samples 100,500,1000 --sets N
 * --seed N --threads N --no-r --json. Prints a table; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMatrix } from '../src/core/matrix.js';
import { createExpressionSet } from '../src/core/expression-set.js';
import { rng } from '../src/core/random.js';
import type { GeneSet } from '../src/core/gene-set.js';
import { gsva, ssgsea, type EnrichmentScores } from '../src/score/gsva/index.js';
import { createWorkerPool } from '../src/io/node/worker-pool.js';

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const G = Number(argValue('genes') ?? 20000);
const sizes = (argValue('samples') ?? '100,500,1000').split(',').map(Number);
const S = Number(argValue('sets') ?? 50);
const seed = Number(argValue('seed') ?? 1);
const threads = Number(argValue('threads') ?? 2);
const json = process.argv.includes('--json');
const useR = !process.argv.includes('--no-r') && spawnSync('Rscript', ['-e', 'library(GSVA)'], { stdio: 'ignore' }).status === 0;
const log = (s: string) => (json ? undefined : process.stderr.write(s + '\n'));

const genes = Array.from({ length: G }, (_, i) => `G${i + 1}`);
const r0 = rng(seed, 0);
const sets: GeneSet[] = Array.from({ length: S }, (_, s) => {
  const picked = new Set<number>();
  const k = 15 + r0.int(486);
  while (picked.size < k) picked.add(r0.int(G));
  return { id: `SET${s + 1}`, genes: [...picked].map((i) => genes[i]) };
});

const R_SCRIPT = `
args <- commandArgs(TRUE); dir <- args[1]; G <- as.integer(args[2]); N <- as.integer(args[3])
t0 <- proc.time()[["elapsed"]]; suppressPackageStartupMessages(library(GSVA)); load <- proc.time()[["elapsed"]] - t0
x <- matrix(readBin(file.path(dir, "x.bin"), "double", n = G * N, endian = "little"), nrow = G, byrow = TRUE)
dimnames(x) <- list(paste0("G", seq_len(G)), paste0("S", seq_len(N)))
l <- strsplit(readLines(file.path(dir, "sets.gmt")), "\\t"); sets <- lapply(l, function(f) f[-(1:2)]); names(sets) <- sapply(l, "[", 1)
tg <- system.time(g <- gsva(x, sets, method = "gsva", kcdf = "Gaussian", parallel.sz = 1, verbose = FALSE))[["elapsed"]]
ts <- system.time(s <- gsva(x, sets, method = "ssgsea", parallel.sz = 1, verbose = FALSE))[["elapsed"]]
writeBin(as.vector(t(g)), file.path(dir, "gsva.bin"), endian = "little"); writeBin(as.vector(t(s)), file.path(dir, "ssgsea.bin"), endian = "little")
cat(load, tg, ts, "\\n")
`;

type Row = { samples: number; method: string; t1_s: number; t2_s: number; r_s: number; ratio_2t_vs_r: number; max_abs_diff: number };
const rows: Row[] = [];
let rLoad = NaN;
const pool = createWorkerPool({ threads });
{
  // start the workers and load the task module in them outside the timings
  const tiny = createExpressionSet(createMatrix(20, 8, { shared: true }), genes.slice(0, 20), Array.from({ length: 8 }, (_, j) => `W${j}`));
  tiny.x.data.forEach((_, i) => (tiny.x.data[i] = r0.normal()));
  const warm = [{ id: 'W', genes: genes.slice(0, 5) }];
  await gsva(tiny, warm, { executor: pool, sampleBlockSize: 1, blockSize: 1 });
  await ssgsea(tiny, warm, { executor: pool, sampleBlockSize: 1 });
}

for (const N of sizes) {
  const r = rng(seed, N);
  const x = createMatrix(G, N, { shared: true });
  for (let i = 0; i < G; i++) {
    const base = 2 + 8 * r.uniform();
    const sd = 0.3 + 1.5 * r.uniform();
    for (let j = 0; j < N; j++) x.data[i * N + j] = base + sd * r.normal();
  }
  const es = createExpressionSet(x, genes, Array.from({ length: N }, (_, j) => `S${j + 1}`));
  log(`bench/gsva: ${G} genes × ${N} samples × ${S} sets`);
  const time = async (f: () => Promise<EnrichmentScores>): Promise<[number, EnrichmentScores]> => {
    const t0 = performance.now();
    const out = await f();
    return [(performance.now() - t0) / 1000, out];
  };
  const [g1, gRes] = await time(() => gsva(es, sets));
  const [g2, gRes2] = await time(() => gsva(es, sets, { executor: pool }));
  const [s1, sRes] = await time(() => ssgsea(es, sets));
  const [s2] = await time(() => ssgsea(es, sets, { executor: pool }));
  const same = Buffer.from(gRes.scores.data.buffer).equals(Buffer.from(gRes2.scores.data.buffer));
  log(`  gsva 1 thread ${g1.toFixed(2)} s, ${threads} threads ${g2.toFixed(2)} s (identical: ${same}); ssgsea ${s1.toFixed(2)} s / ${s2.toFixed(2)} s`);
  let rg = NaN, rs = NaN, dg = NaN, ds = NaN;
  if (useR) {
    const dir = mkdtempSync(join(tmpdir(), 'sigscore-bench-gsva-'));
    writeFileSync(join(dir, 'x.bin'), new Uint8Array(x.data.buffer));
    writeFileSync(join(dir, 'sets.gmt'), sets.map((s) => [s.id, 'bench', ...s.genes].join('\t')).join('\n') + '\n');
    writeFileSync(join(dir, 'run.R'), R_SCRIPT);
    const p = spawnSync('Rscript', [join(dir, 'run.R'), dir, String(G), String(N)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (p.status === 0) {
      [rLoad, rg, rs] = p.stdout.trim().split("\n").pop()!.trim().split(/\s+/).map(Number);
      const diff = (file: string, ours: EnrichmentScores) => {
        const b = readFileSync(join(dir, file));
        const ref = new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
        let m = 0;
        for (let i = 0; i < ref.length; i++) m = Math.max(m, Math.abs(ref[i] - ours.scores.data[i]));
        return m;
      };
      dg = diff('gsva.bin', gRes);
      ds = diff('ssgsea.bin', sRes);
      log(`  R: load ${rLoad.toFixed(1)} s, gsva ${rg.toFixed(2)} s, ssgsea ${rs.toFixed(2)} s; max |diff| gsva ${dg.toExponential(1)}, ssgsea ${ds.toExponential(1)}`);
    } else log(`  R failed: ${p.stderr.split('\n').slice(-3).join(' ')}`);
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push({ samples: N, method: 'gsva', t1_s: g1, t2_s: g2, r_s: rg, ratio_2t_vs_r: g2 / rg, max_abs_diff: dg });
  rows.push({ samples: N, method: 'ssgsea', t1_s: s1, t2_s: s2, r_s: rs, ratio_2t_vs_r: s2 / rs, max_abs_diff: ds });
}
await pool.close();
const peakMiB = resourceUsage().maxRSS / 1024;

if (json) process.stdout.write(JSON.stringify({ genes: G, sets: S, seed, threads, rPackageLoad_s: rLoad, peakRss_MiB: peakMiB, rows }, null, 1) + '\n');
else {
  const f = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : 'NA');
  console.log(`\nGSVA / ssGSEA, ${G} genes × ${S} sets (R package load ${f(rLoad, 1)} s, not included; peak RSS ${f(peakMiB, 0)} MiB)`);
  console.log(['samples', 'method', 'sigscore 1t (s)', `sigscore ${threads}t (s)`, 'R (s)', `${threads}t / R`, 'max |diff|'].join('\t'));
  for (const r of rows)
    console.log([r.samples, r.method, f(r.t1_s), f(r.t2_s), f(r.r_s), f(r.ratio_2t_vs_r, 3), Number.isFinite(r.max_abs_diff) ? r.max_abs_diff.toExponential(1) : 'NA'].join('\t'));
}
