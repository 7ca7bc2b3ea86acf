/**
 * Benchmark: differential expression on 20,000 genes × 500 samples (two groups + a numeric
 * covariate, seeded counts), limma on TMM log-CPM (plain and with robust empirical Bayes) and
 * voom + TMM, sigscore against limma/edgeR in
 * the same run. R's time is measured inside R around the same steps (package load and reading the
 * input reported separately). Agreement of the two results is printed too (max relative
 * difference of P.Value and logFC). A second table times each stage on its own (TMM factors,
 * log-CPM, voom, lmFit, eBayes, topTable), sigscore and R side by side.
 * Run compiled: `npx esbuild bench/de.ts --bundle --platform=node --format=esm --packages=external
 *   --outfile=dist/bench/de.mjs && node dist/bench/de.mjs [--json] [--genes N] [--samples N]`,
 * or `node --import tsx bench/de.ts`. Prints a table; asserts nothing.
 */
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { rng } from '../src/core/random.js';
import { matrixFrom } from '../src/core/matrix.js';
import { parseSampleTable } from '../src/io/sample-table-text.js';
import { differentialExpression } from '../src/de/differential-expression.js';
import { designFromFormula } from '../src/de/design.js';
import { parseContrasts } from '../src/de/contrast.js';
import { normFactors } from '../src/normalize/rnaseq/norm-factors.js';
import { cpm } from '../src/normalize/rnaseq/cpm.js';
import { voom } from '../src/de/voom.js';
import { lmFit } from '../src/de/lm-fit.js';
import { contrastsFit } from '../src/de/contrasts-fit.js';
import { eBayes } from '../src/de/ebayes.js';
import { topTable } from '../src/de/top-table.js';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const G = arg('--genes', 20000);
const N = arg('--samples', 500);
const r = rng(2026, 0);
const group = Array.from({ length: N }, (_, j) => (j < N / 2 ? 'A' : 'B'));
const age = Array.from({ length: N }, () => Math.round(30 + 50 * r.uniform()));
const libf = Array.from({ length: N }, () => Math.log(0.5 + 1.5 * r.uniform()));
const data = new Float64Array(G * N);
for (let g = 0; g < G; g++) {
  const base = 3 + 2 * r.normal();
  const lfc = r.uniform() < 0.1 ? r.normal() : 0;
  const sd = 0.2 + 0.6 * r.uniform();
  for (let j = 0; j < N; j++) {
    const mu = Math.exp(base + libf[j] + (group[j] === 'B' ? lfc * Math.LN2 : 0) + sd * r.normal());
    // Poisson noise by the normal approximation (rounded, floored at 0): enough for timing
    data[g * N + j] = Math.max(0, Math.round(mu + Math.sqrt(mu) * r.normal()));
  }
}
const genes = Array.from({ length: G }, (_, g) => `G${g + 1}`);
const samples = Array.from({ length: N }, (_, j) => `S${j + 1}`);
const table = parseSampleTable('sample_id\tgroup\tage\n' + samples.map((s, j) => `${s}\t${group[j]}\t${age[j]}`).join('\n'));
const es = { x: matrixFrom(G, N, data), genes, samples };

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, (performance.now() - t0) / 1000];
};
const opts = { formula: '~ group + age', contrasts: ['group:B:A'] };
const [limma, tLimma] = time(() => differentialExpression(es, table, { ...opts, method: 'limma', normalize: 'tmm' }));
const [voomR, tVoom] = time(() => differentialExpression(es, table, { ...opts, method: 'voom', normalize: 'tmm' }));
const [robust, tRobust] = time(() => differentialExpression(es, table, { ...opts, method: 'limma', normalize: 'tmm', robust: true }));

// each stage on its own
const stages = new Map<string, number>();
{
  const d = designFromFormula(table, samples, opts.formula);
  const con = parseContrasts(opts.contrasts, d.design.columns, d.terms);
  const [nf, tNf] = time(() => normFactors(es.x, { method: 'tmm' }));
  stages.set('TMM factors', tNf);
  const lib = nf.libSize.map((l, j) => l * nf.factors[j]);
  const [E, tCpm] = time(() => cpm(es.x, { libSize: lib, log: true, priorCount: 2 }));
  stages.set('log-CPM', tCpm);
  const [fit, tFit] = time(() => contrastsFit(lmFit(E, d.design), con));
  stages.set('lmFit (+ contrast)', tFit);
  const [eb, tEb] = time(() => eBayes(fit));
  stages.set('eBayes', tEb);
  stages.set('topTable', time(() => topTable(eb, genes))[1]);
  stages.set('eBayes robust', time(() => eBayes(fit, { robust: true }))[1]);
  const [v, tV] = time(() => voom(es.x, d.design, { libSize: lib }));
  stages.set('voom', tV);
  stages.set('lmFit weighted (+ contrast)', time(() => contrastsFit(lmFit(v.E, d.design, { weights: v.weights }), con))[1]);
}

interface Row { job: string; sigscore_s: number; r_s: number; ratio: number; maxRelDiffP: number; maxRelDiffLogFC: number }
const rows: Row[] = [];
let rLoad = NaN;
let rRead = NaN;
let rStages = new Map<string, number>();
const rscript = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'sigscore-bench-de-'));
try {
  let rt: Map<string, number> = new Map();
  let rTables: Map<string, Map<string, [number, number]>> = new Map();
  if (rscript.status === 0) {
    const lines = ['gene\t' + samples.join('\t')];
    for (let g = 0; g < G; g++) lines.push(genes[g] + '\t' + Array.from(data.subarray(g * N, (g + 1) * N)).join('\t'));
    writeFileSync(join(dir, 'counts.tsv'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'samples.tsv'), 'sample_id\tgroup\tage\n' + samples.map((s, j) => `${s}\t${group[j]}\t${age[j]}`).join('\n') + '\n');
    const R = `
t0 <- proc.time()[[3]]; suppressPackageStartupMessages({ library(limma); library(edgeR); library(data.table) }); load <- proc.time()[[3]] - t0
t0 <- proc.time()[[3]]; d <- fread(file.path("${dir}", "counts.tsv")); counts <- as.matrix(d[, -1]); rownames(counts) <- d[[1]]
s <- read.delim(file.path("${dir}", "samples.tsv")); read <- proc.time()[[3]] - t0
group <- factor(s$group); age <- s$age
t0 <- proc.time()[[3]]
design <- model.matrix(~ group + age); y <- calcNormFactors(DGEList(counts)); logcpm <- cpm(y, log = TRUE, prior.count = 2)
tl <- topTable(eBayes(lmFit(logcpm, design)), coef = "groupB", number = Inf, sort.by = "none")
limma_s <- proc.time()[[3]] - t0
t0 <- proc.time()[[3]]
design <- model.matrix(~ group + age); y <- calcNormFactors(DGEList(counts)); v <- voom(y, design)
tv <- topTable(eBayes(lmFit(v, design)), coef = "groupB", number = Inf, sort.by = "none")
voom_s <- proc.time()[[3]] - t0
t0 <- proc.time()[[3]]
design <- model.matrix(~ group + age); y <- calcNormFactors(DGEList(counts)); logcpm <- cpm(y, log = TRUE, prior.count = 2)
tr <- topTable(eBayes(lmFit(logcpm, design), robust = TRUE), coef = "groupB", number = Inf, sort.by = "none")
robust_s <- proc.time()[[3]] - t0
st <- function(e) { t0 <- proc.time()[[3]]; v <- e; list(v, proc.time()[[3]] - t0) }
a <- st(calcNormFactors(DGEList(counts))); y <- a[[1]]; s_tmm <- a[[2]]
a <- st(cpm(y, log = TRUE, prior.count = 2)); logcpm <- a[[1]]; s_cpm <- a[[2]]
a <- st(lmFit(logcpm, design)); fit <- a[[1]]; s_fit <- a[[2]]
a <- st(eBayes(fit)); eb <- a[[1]]; s_eb <- a[[2]]
s_tt <- st(topTable(eb, coef = "groupB", number = Inf, sort.by = "none"))[[2]]
s_ebr <- st(eBayes(fit, robust = TRUE))[[2]]
a <- st(voom(y, design)); v <- a[[1]]; s_voom <- a[[2]]
s_wfit <- st(lmFit(v, design))[[2]]
write.table(data.frame(job = c("load", "read", "limma", "voom", "robust", "TMM factors", "log-CPM", "lmFit (+ contrast)", "eBayes", "topTable", "eBayes robust", "voom", "lmFit weighted (+ contrast)"),
  s = c(load, read, limma_s, voom_s, robust_s, s_tmm, s_cpm, s_fit, s_eb, s_tt, s_ebr, s_voom, s_wfit)), file.path("${dir}", "times.tsv"), sep = "\\t", quote = FALSE, row.names = FALSE)
write.table(data.frame(gene = rownames(tl), lp = sprintf("%.17g", tl$P.Value), lf = sprintf("%.17g", tl$logFC), vp = sprintf("%.17g", tv$P.Value), vf = sprintf("%.17g", tv$logFC), rp = sprintf("%.17g", tr$P.Value), rf = sprintf("%.17g", tr$logFC)), file.path("${dir}", "res.tsv"), sep = "\\t", quote = FALSE, row.names = FALSE)
`;
    writeFileSync(join(dir, 'bench.R'), R);
    const out = spawnSync('Rscript', [join(dir, 'bench.R')], { encoding: 'utf8' });
    if (out.status === 0) {
      const tt = readFileSync(join(dir, 'times.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
      rt = new Map(tt.slice(0, 5).map(([k, v]) => [k, Number(v)]));
      rStages = new Map(tt.slice(5).map(([k, v]) => [k, Number(v)]));
      rLoad = rt.get('load')!;
      rRead = rt.get('read')!;
      const res = readFileSync(join(dir, 'res.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
      rTables.set('limma', new Map(res.map((f) => [f[0], [Number(f[1]), Number(f[2])]])));
      rTables.set('voom', new Map(res.map((f) => [f[0], [Number(f[3]), Number(f[4])]])));
      rTables.set('robust', new Map(res.map((f) => [f[0], [Number(f[5]), Number(f[6])]])));
    } else process.stderr.write(`bench/de: Rscript failed: ${out.stderr.slice(0, 500)}\n`);
  }
  const agree = (job: string, t: typeof limma.table): [number, number] => {
    const ref = rTables.get(job);
    if (!ref) return [NaN, NaN];
    const g = t.get('gene') as string[];
    const p = t.get('P.Value') as Float64Array;
    const lf = t.get('logFC') as Float64Array;
    let mp = 0;
    let ml = 0;
    g.forEach((id, i) => {
      const [rp, rl] = ref.get(id)!;
      mp = Math.max(mp, Math.abs(p[i] - rp) / rp);
      ml = Math.max(ml, Math.abs(lf[i] - rl) / (Math.abs(rl) + 1e-7));
    });
    return [mp, ml];
  };
  for (const [job, s, res] of [['limma', tLimma, limma], ['voom', tVoom, voomR], ['robust', tRobust, robust]] as const) {
    const rs = rt.get(job) ?? NaN;
    const [mp, ml] = agree(job, res.table);
    rows.push({ job: `${job === 'robust' ? 'limma robust' : job} (TMM, ~ group + age), ${G} × ${N}`, sigscore_s: s, r_s: rs, ratio: s / rs, maxRelDiffP: mp, maxRelDiffLogFC: ml });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const stageRows = [...stages].map(([stage, t]) => ({ stage, sigscore_s: t, r_s: rStages.get(stage) ?? NaN, ratio: t / (rStages.get(stage) ?? NaN) }));
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify({ genes: G, samples: N, rPackageLoad_s: rLoad, rRead_s: rRead, rows, stages: stageRows }, null, 1) + '\n');
else {
  process.stdout.write(`R package load ${rLoad.toFixed(2)} s, R input read ${rRead.toFixed(2)} s (both excluded)\n`);
  process.stdout.write('job\tsigscore_s\tR_s\tratio\tmax rel diff P.Value\tmax rel diff logFC\n');
  for (const r of rows)
    process.stdout.write(`${r.job}\t${r.sigscore_s.toFixed(3)}\t${r.r_s.toFixed(3)}\t${r.ratio.toFixed(2)}\t${r.maxRelDiffP.toExponential(2)}\t${r.maxRelDiffLogFC.toExponential(2)}\n`);
  process.stdout.write('\nstage\tsigscore_s\tR_s\tratio\n');
  for (const r of stageRows) process.stdout.write(`${r.stage}\t${r.sigscore_s.toFixed(3)}\t${r.r_s.toFixed(3)}\t${r.ratio.toFixed(2)}\n`);
}
