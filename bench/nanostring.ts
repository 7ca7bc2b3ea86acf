/**
 * Benchmark: 1,000 RCC files made by resampling the 48 real GSE74821 RCCs (PAM50 codeset, 72
 * probes; each synthetic file copies a random real file's header and attributes and draws every
 * count from Poisson(real count · lane scale)) are written to a temporary directory, then read,
 * parsed, merged, QC'd and normalised. When Rscript is present, the same files are read with
 * NanoStringQCPro::readRcc and normalised by the R transcription of the nSolver steps, timed
 * inside R (package load reported separately).
 * Run: `node --import tsx bench/nanostring.ts [--files 1000] [--json]` (or on a bundle/dist).
 * Prints a table; asserts nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { rng } from '../src/core/random.js';
import { collectRccSources } from '../src/io/node/rcc-inputs.js';
import { mergeRcc, parseRcc } from '../src/io/rcc/index.js';
import { normalizeNanoString, qcNanoString } from '../src/normalize/nanostring/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const SRC = [`${here}../../shared/data/nanostring/nacho_GSE74821/rcc_reconstructed`, `${here}../../../shared/data/nanostring/nacho_GSE74821/rcc_reconstructed`].find((d) => existsSync(d));
if (!SRC) {
  process.stderr.write('bench/nanostring: ../shared/data/nanostring not found\n');
  process.exit(0);
}
const argv = process.argv.slice(2);
const nFiles = argv.includes('--files') ? Number(argv[argv.indexOf('--files') + 1]) : 1000;

/** Poisson draw (Knuth for small means, normal approximation above 50). */
function poisson(r: ReturnType<typeof rng>, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * r.normal()));
  const l = Math.exp(-mean);
  let k = 0;
  let p = r.uniform();
  while (p > l) (k++, (p *= r.uniform()));
  return k;
}

// 1. write the resampled files
const real = readdirSync(SRC).filter((n) => n.endsWith('.RCC')).sort().map((n) => readFileSync(join(SRC, n), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'sigscore-bench-rcc-'));
const r = rng(2024, 0);
for (let i = 0; i < nFiles; i++) {
  const lines = real[r.int(real.length)].split(/\r?\n/);
  const scale = Math.exp(0.2 * r.normal());
  let inCode = false;
  const out = lines.map((l) => {
    if (l === '<Code_Summary>') inCode = true;
    else if (l === '</Code_Summary>') inCode = false;
    else if (l.startsWith('ID,') && !inCode && !/^ID,\d+$/.test(l)) return `ID,S${String(i + 1).padStart(4, '0')}`;
    else if (inCode && !l.startsWith('CodeClass')) {
      const f = l.split(',');
      f[f.length - 1] = String(poisson(r, Number(f[f.length - 1]) * scale));
      return f.join(',');
    }
    return l;
  });
  writeFileSync(join(dir, `S${String(i + 1).padStart(4, '0')}.RCC`), out.join('\r\n'));
}

// 2. sigscore: read + parse, merge, QC, normalise
const t0 = performance.now();
const sources = await collectRccSources([dir]);
const t1 = performance.now();
const files = sources.map((s) => parseRcc(s.text, { file: s.file }));
const t2 = performance.now();
const { set } = mergeRcc(files);
const q = qcNanoString(set);
const t3 = performance.now();
const n = normalizeNanoString(set);
const t4 = performance.now();
const total = (t4 - t0) / 1000;

// 3. R: NanoStringQCPro::readRcc + nSolver transcription, timed inside R
let rRead = NaN, rNorm = NaN, rLoad = NaN;
const rs = spawnSync('Rscript', ['-e', `
t0 <- proc.time()[["elapsed"]]; suppressPackageStartupMessages(library(NanoStringQCPro)); tl <- proc.time()[["elapsed"]] - t0
fs <- sort(list.files("${dir}", full.names = TRUE))
t0 <- proc.time()[["elapsed"]]
cs <- lapply(fs, function(f) readRcc(f)$Code_Summary)
X <- sapply(cs, function(c) as.numeric(c$Count)); rownames(X) <- cs[[1]]$Name
tr <- proc.time()[["elapsed"]] - t0
t0 <- proc.time()[["elapsed"]]
cl <- cs[[1]]$CodeClass; gm <- function(v) exp(mean(log(v)))
pg <- apply(X[cl == "Positive", ], 2, gm); Z <- sweep(X, 2, mean(pg) / pg, "*")
N <- Z[cl == "Negative", ]; thr <- colMeans(N) + 2 * apply(N, 2, sd)
tgt <- cl %in% c("Endogenous", "Housekeeping"); for (j in seq_len(ncol(Z))) Z[tgt, j] <- pmax(Z[tgt, j], thr[j])
hg <- apply(Z[cl == "Housekeeping", ], 2, gm); Z <- log2(pmax(sweep(Z, 2, mean(hg) / hg, "*"), 1))
tn <- proc.time()[["elapsed"]] - t0
cat(tl, tr, tn, "\\n")`], { encoding: 'utf8' });
if (rs.status === 0) [rLoad, rRead, rNorm] = rs.stdout.trim().split(/\s+/).map(Number);
rmSync(dir, { recursive: true, force: true });

const rows = [
  { step: 'read files (directory)', sigscore_s: (t1 - t0) / 1000, r_s: NaN },
  { step: 'parse RCC', sigscore_s: (t2 - t1) / 1000, r_s: rRead },
  { step: 'merge + QC', sigscore_s: (t3 - t2) / 1000, r_s: NaN },
  { step: 'normalise (positive, background, housekeeping, log2)', sigscore_s: (t4 - t3) / 1000, r_s: rNorm },
  { step: 'total', sigscore_s: total, r_s: rRead + rNorm },
];
const summary = { files: nFiles, probes: set.genes.length, filesPerSecond: nFiles / total, rFilesPerSecond: nFiles / (rRead + rNorm), rPackageLoad_s: rLoad, qcFail: q.status.filter((s) => s === 'fail').length, finite: n.set.x.data.every(Number.isFinite) };
if (argv.includes('--json')) process.stdout.write(JSON.stringify({ summary, rows }, null, 1) + '\n');
else {
  process.stdout.write(`${nFiles} RCC files × ${set.genes.length} probes (resampled GSE74821)\nstep\tsigscore_s\tR_s (NanoStringQCPro readRcc + nSolver transcription)\tratio R/sigscore\n`);
  for (const row of rows) process.stdout.write(`${row.step}\t${row.sigscore_s.toFixed(3)}\t${Number.isNaN(row.r_s) ? '—' : row.r_s.toFixed(3)}\t${Number.isNaN(row.r_s) ? '—' : (row.r_s / row.sigscore_s).toFixed(1)}\n`);
  process.stdout.write(`sigscore: ${summary.filesPerSecond.toFixed(0)} files/s; R: ${summary.rFilesPerSecond.toFixed(1)} files/s (package load ${rLoad} s, not counted)\n`);
}
