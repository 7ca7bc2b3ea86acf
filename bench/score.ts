/**
 * Benchmark: per-sample signature scores on a synthetic cohort (default 100 signatures of 10–200
 * genes × 20,000 genes × 1,000 samples) for weighted, mean, zscore, plage and singscore, and
 * GSVA 1.46 `gsva(method = "zscore" | "plage")` in R on the same matrix and sets in the same run
 * (timed inside R; package load reported separately), when Rscript and GSVA are installed.
 * Run on the compiled code (`npm run build && node dist/bench/score.js`) or under tsx
 * (`node --import tsx bench/score.ts`). Options: --genes N --samples N --sets N --seed N --no-r --json.
 * Prints a table; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMatrix } from '../src/core/matrix.js';
import { createExpressionSet } from '../src/core/expression-set.js';
import { rng } from '../src/core/random.js';
import { scoreSignatures, type Signature } from '../src/score/index.js';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const G = arg('genes', 20000), N = arg('samples', 1000), S = arg('sets', 100), seed = arg('seed', 1);
const json = process.argv.includes('--json');
const log = (s: string) => (json ? undefined : process.stderr.write(s + '\n'));

// Synthetic log2 expression: gene baseline + noise + a latent factor shared by each set's genes.
const r = rng(seed, 0);
const x = createMatrix(G, N);
const genes = Array.from({ length: G }, (_, i) => `G${i + 1}`);
const samples = Array.from({ length: N }, (_, j) => `S${j + 1}`);
for (let i = 0; i < G; i++) {
  const base = 2 + 8 * r.uniform();
  for (let j = 0; j < N; j++) x.data[i * N + j] = base + r.normal();
}
const signatures: Signature[] = [];
for (let s = 0; s < S; s++) {
  const k = 10 + r.int(191);
  const picked = new Set<number>();
  while (picked.size < k) picked.add(r.int(G));
  const rows = [...picked];
  const factor = Float64Array.from({ length: N }, () => r.normal());
  for (const i of rows) for (let j = 0; j < N; j++) x.data[i * N + j] += 0.5 * factor[j];
  signatures.push({ id: `SIG${s + 1}`, genes: rows.map((i) => genes[i]), weights: Float64Array.from(rows, () => r.uniform() - 0.2) });
}
const housekeeping = genes.slice(0, 10);
const es = createExpressionSet(x, genes, samples);
log(`bench/score: ${S} signatures × ${G} genes × ${N} samples (seed ${seed})`);

type Row = { method: string; sigscore_s: number; r_gsva_s: number; ratio: number };
const rows: Row[] = [];
for (const method of ['weighted', 'mean', 'zscore', 'plage', 'singscore'] as const) {
  const sigs = method === 'weighted' ? signatures.map((s) => ({ ...s, housekeeping })) : signatures.map((s) => ({ ...s, weights: undefined }));
  const t0 = performance.now();
  await scoreSignatures(es, sigs, { method, minCoverage: 0 });
  const t = (performance.now() - t0) / 1000;
  rows.push({ method, sigscore_s: t, r_gsva_s: NaN, ratio: NaN });
  log(`  ${method}: ${t.toFixed(3)} s`);
}

let rLoad = NaN;
const haveR = !process.argv.includes('--no-r') && spawnSync('Rscript', ['-e', 'cat(requireNamespace("GSVA", quietly = TRUE))'], { encoding: 'utf8' }).stdout?.trim() === 'TRUE';
if (haveR) {
  const dir = mkdtempSync(join(tmpdir(), 'sigscore-bench-score-'));
  try {
    writeFileSync(join(dir, 'x.bin'), new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength));
    writeFileSync(join(dir, 'sets.gmt'), signatures.map((s) => [s.id, 'bench', ...s.genes].join('\t')).join('\n') + '\n');
    const script = `
      t0 <- proc.time()[["elapsed"]]
      suppressPackageStartupMessages(library(GSVA))
      load <- proc.time()[["elapsed"]] - t0
      x <- matrix(readBin("${dir}/x.bin", "double", n = ${G * N}, endian = "little"), nrow = ${G}, byrow = TRUE)
      rownames(x) <- paste0("G", seq_len(${G})); colnames(x) <- paste0("S", seq_len(${N}))
      l <- strsplit(readLines("${dir}/sets.gmt"), "\\t", fixed = TRUE)
      sets <- lapply(l, function(f) f[-(1:2)]); names(sets) <- vapply(l, "[", "", 1)
      tz <- system.time(gsva(x, sets, method = "zscore", verbose = FALSE))[["elapsed"]]
      tp <- system.time(gsva(x, sets, method = "plage", verbose = FALSE))[["elapsed"]]
      cat(load, tz, tp, "\\n", sep = "\\t")`;
    const out = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const [load, tz, tp] = (out.stdout ?? '').trim().split('\t').map(Number);
    rLoad = load;
    for (const row of rows) {
      if (row.method === 'zscore') row.r_gsva_s = tz;
      if (row.method === 'plage') row.r_gsva_s = tp;
      row.ratio = row.sigscore_s / row.r_gsva_s;
    }
    if (out.status !== 0) log(`R failed: ${out.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else log('Rscript with GSVA not found: R columns are NA');

if (json) process.stdout.write(JSON.stringify({ genes: G, samples: N, sets: S, seed, r_package_load_s: rLoad, rows }, null, 1) + '\n');
else {
  process.stdout.write(`method\tsigscore_s\tGSVA_1.46_in_R_s\tratio (sigscore/R)\n`);
  for (const row of rows) process.stdout.write(`${row.method}\t${row.sigscore_s.toFixed(3)}\t${Number.isNaN(row.r_gsva_s) ? 'NA' : row.r_gsva_s.toFixed(3)}\t${Number.isNaN(row.ratio) ? 'NA' : row.ratio.toFixed(3)}\n`);
  process.stdout.write(`(R: GSVA package load ${Number.isNaN(rLoad) ? 'NA' : rLoad.toFixed(2)} s, not included; both single-threaded)\n`);
}
