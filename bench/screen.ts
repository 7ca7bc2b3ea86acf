/**
 * Screen benchmark, sigscore vs the same loop in R in one run, on seeded data written to a
 * temporary directory (both sides read the same TSV; timings exclude file reading):
 *   A. 300 covariates × 3 endpoints (binary response, PFS, rare binary) × 124 patients:
 *      Wilcoxon + AUC per binary endpoint; Cox HR (Wald CI, p) and log-rank at the median for PFS;
 *      BH q per endpoint. R: wilcox.test, survival::coxph + summary, survdiff, p.adjust.
 *   B. 20,000 genes × 1 binary endpoint × 500 patients: Wilcoxon + AUC per gene, BH q.
 *      R: wilcox.test per gene, p.adjust.
 * R is timed inside R (`proc.time`), package load reported separately.
 *
 *   node --import tsx bench/screen.ts [--json] [--genes 20000] [--patients 500]
 *
 * Under tsx the script bundles itself with esbuild and re-runs as plain JavaScript, so the
 * timings are those of compiled code. Asserts nothing.
 */
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { rng } from '../src/core/random.js';
import type { SampleTable, Column } from '../src/core/sample-table.js';
import { screen } from '../src/workflow/screen.js';
import { parseEndpoint } from '../src/workflow/screen-endpoints.js';
import { argv, opt, selfBundle } from './args.js';


/** Seeded table: `ncov` numeric covariates, response (0/1), pfs_time/pfs_event, rare (8 events). */
function makeTable(ncov: number, n: number, seed: number, prefix: string): { table: SampleTable; tsv: string } {
  const r = rng(seed, 0);
  const ids = Array.from({ length: n }, (_, i) => `S${i + 1}`);
  const cols = new Map<string, Column>();
  const signal = Array.from({ length: n }, () => r.normal());
  const add = (name: string, values: Float64Array): void => void cols.set(name, { kind: 'numeric', name, values });
  const response = Float64Array.from(signal, (s) => (s + r.normal() > 0 ? 1 : 0));
  const time = Float64Array.from(signal, (s) => Math.round(1000 * (0.1 + 24 * r.uniform()) * Math.exp(-0.4 * s)) / 1000);
  const event = Float64Array.from(signal, () => (r.uniform() < 0.65 ? 1 : 0));
  const order = signal.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]).map((x) => x[1]);
  const rare = new Float64Array(n);
  for (const k of [0, 2, 5, 9, 14, 30, 60, 100]) if (k < n) rare[order[k]] = 1;
  for (let j = 0; j < ncov; j++) {
    const w = j % 10 === 0 ? 0.6 : 0;
    add(`${prefix}${j + 1}`, Float64Array.from(signal, (s) => Math.round(1000 * (w * s + r.normal())) / 1000));
  }
  add('response', response);
  add('pfs_time', time);
  add('pfs_event', event);
  add('rare', rare);
  const names = [...cols.keys()];
  const lines = ['id\t' + names.join('\t')];
  for (let i = 0; i < n; i++) lines.push(ids[i] + '\t' + names.map((c) => (cols.get(c) as { values: Float64Array }).values[i]).join('\t'));
  return { table: { ids, columns: cols, idColumn: 'id' }, tsv: lines.join('\n') + '\n' };
}

const R_SCRIPT = `
t0 <- proc.time()[["elapsed"]]
suppressPackageStartupMessages(library(survival))
load_s <- proc.time()[["elapsed"]] - t0
args <- commandArgs(TRUE)
auc_w <- function(x, y) { t <- suppressWarnings(wilcox.test(x, y)); c(t$statistic / (length(x) * length(y)), t$p.value) }
d <- read.delim(args[1], check.names = FALSE)
covs <- setdiff(names(d), c("id", "response", "pfs_time", "pfs_event", "rare"))
t1 <- proc.time()[["elapsed"]]
res <- list()
for (ep in c("response", "pfs", "rare")) {
  p <- numeric(length(covs))
  for (k in seq_along(covs)) {
    x <- d[[covs[k]]]
    if (ep == "pfs") {
      f <- coxph(Surv(d$pfs_time, d$pfs_event) ~ x); s <- summary(f)
      hr <- s$conf.int[1, c(1, 3, 4)]; p[k] <- s$coefficients[1, 5]
      m <- median(x); g <- x > m
      lp <- pchisq(survdiff(Surv(d$pfs_time, d$pfs_event) ~ g)$chisq, 1, lower.tail = FALSE)
    } else {
      y <- d[[ep]]; r <- auc_w(x[y == 1], x[y == 0]); p[k] <- r[2]
    }
  }
  res[[ep]] <- p.adjust(p, "BH")
}
tA <- proc.time()[["elapsed"]] - t1
g <- read.delim(args[2], check.names = FALSE)
genes <- setdiff(names(g), c("id", "response", "pfs_time", "pfs_event", "rare"))
t2 <- proc.time()[["elapsed"]]
y <- g$response; p <- numeric(length(genes))
for (k in seq_along(genes)) { x <- g[[genes[k]]]; p[k] <- auc_w(x[y == 1], x[y == 0])[2] }
q <- p.adjust(p, "BH")
tB <- proc.time()[["elapsed"]] - t2
cat(sprintf('{"load": %.4f, "A": %.4f, "B": %.4f, "pA": %.17g, "pB": %.17g}\\n', load_s, tA, tB, res$response[1], p[1]))
`;

async function main(): Promise<void> {
  if (await selfBundle(import.meta.url)) return;
  const genes = Number(opt('genes', '20000'));
  const patients = Number(opt('patients', '500'));
  const dir = mkdtempSync(join(tmpdir(), 'sigscore-bench-screen-'));
  try {
    const A = makeTable(300, 124, 1, 'cov');
    const B = makeTable(genes, patients, 2, 'G');
    writeFileSync(join(dir, 'a.tsv'), A.tsv);
    writeFileSync(join(dir, 'b.tsv'), B.tsv);
    const eps = ['response=binary:response', 'pfs=survival:pfs_time,pfs_event', 'rare=binary:rare'].map(parseEndpoint);
    const exclude = ['response', 'pfs_time', 'pfs_event', 'rare'];
    const time = (f: () => unknown): [number, unknown] => {
      const t0 = performance.now();
      const v = f();
      return [(performance.now() - t0) / 1000, v];
    };
    time(() => screen(A.table, { endpoints: eps, exclude })); // warm-up
    const [tA] = time(() => screen(A.table, { endpoints: eps, exclude }));
    const [tB, resB] = time(() => screen(B.table, { endpoints: [eps[0]], exclude }));
    let r: { load: number; A: number; B: number } | null = null;
    const script = join(dir, 'bench.R');
    writeFileSync(script, R_SCRIPT);
    const out = spawnSync('Rscript', [script, join(dir, 'a.tsv'), join(dir, 'b.tsv')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (out.status === 0) r = JSON.parse(out.stdout.trim().split('\n').pop()!);
    else process.stderr.write(`bench/screen: R not run (${out.error?.message ?? out.stderr.slice(0, 200)})\n`);
    void resB;
    const rows = [
      { job: 'A: 300 covariates × 3 endpoints × 124 patients', sigscore_s: tA, r_s: r?.A ?? NaN },
      { job: `B: ${genes} genes × 1 endpoint × ${patients} patients`, sigscore_s: tB, r_s: r?.B ?? NaN },
    ].map((x) => ({ ...x, ratio: x.sigscore_s / x.r_s }));
    if (argv.includes('--json')) process.stdout.write(JSON.stringify({ rows, r_package_load_s: r?.load ?? null }, null, 1) + '\n');
    else {
      process.stdout.write('job\tsigscore_s\tR_s (in R)\tratio\n');
      for (const x of rows) process.stdout.write(`${x.job}\t${x.sigscore_s.toFixed(3)}\t${x.r_s.toFixed(3)}\t${x.ratio.toFixed(3)}\n`);
      if (r) process.stdout.write(`R package load (survival): ${r.load.toFixed(2)} s, not included\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
