/**
 * Benchmark: hierarchical clustering of a 5000 × 200 heatmap matrix (rows and columns, average
 * linkage, Euclidean and 1 − r distances; peak memory), and rendering a 20,000-point volcano to
 * SVG (vega) and PNG (resvg). R's `hclust(dist(x))` runs on the same matrix in the same run when
 * Rscript exists (time measured inside R; R start-up reported separately).
 * Run compiled: `npx esbuild bench/plot.ts --bundle --platform=node --format=esm --packages=external
 *   --outfile=dist/bench/plot.mjs && node dist/bench/plot.mjs [--json] [--rows N] [--cols N] [--points N]`,
 * or `node --import tsx bench/plot.ts`. Prints a table; asserts nothing.
 */
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { rng } from '../src/core/random.js';
import { createMatrix, transpose } from '../src/core/matrix.js';
import { hclustRows } from '../src/plot/hclust.js';
import { volcanoSpec } from '../src/plot/volcano.js';
import { renderSvg, svgToPng } from '../src/plot/node/render.js';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const R = arg('--rows', 5000);
const C = arg('--cols', 200);
const P = arg('--points', 20000);
const json = process.argv.includes('--json');

const r = rng(99, 0);
const x = createMatrix(R, C);
for (let i = 0; i < R; i++) {
  const k = i % 7;
  for (let j = 0; j < C; j++) x.data[i * C + j] = r.normal() + (j % 7 === k ? 1.5 : 0);
}
const rows: { step: string; sigscore_s: number; r_s?: number; ratio?: number; note?: string }[] = [];
const mb = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MB`;
const time = <T>(f: () => T): [T, number] => {
  const t = process.hrtime.bigint();
  const v = f();
  return [v, Number(process.hrtime.bigint() - t) / 1e9];
};

const rss0 = process.memoryUsage().rss;
const [hr, tRowsE] = time(() => hclustRows(x, { distance: 'euclidean', linkage: 'average' }));
const peakAfterRows = process.resourceUsage().maxRSS * 1024;
rows.push({ step: `cluster ${R} rows (euclidean, average)`, sigscore_s: tRowsE, note: `peak RSS ${mb(peakAfterRows)} (start ${mb(rss0)}; distances ${mb((R * (R - 1) / 2) * 8)})` });
const [, tRowsC] = time(() => hclustRows(x, { distance: 'correlation', linkage: 'average' }));
rows.push({ step: `cluster ${R} rows (1 − r, average)`, sigscore_s: tRowsC });
const xt = transpose(x);
const [, tCols] = time(() => hclustRows(xt, { distance: 'correlation', linkage: 'average' }));
rows.push({ step: `cluster ${C} columns (1 − r, average)`, sigscore_s: tCols });
const peak = process.resourceUsage().maxRSS * 1024;

// volcano
const gene: string[] = [], fc: number[] = [], pv: string[] = [], qv: number[] = [];
for (let i = 0; i < P; i++) {
  gene.push(`G${i}`);
  const hit = i < P / 20;
  fc.push(hit ? (i % 2 ? 1 : -1) * (1 + 2 * r.uniform()) : 0.4 * r.normal());
  const p = hit ? 10 ** -(2 + 40 * r.uniform()) : r.uniform();
  pv.push(String(p));
  qv.push(Math.min(1, p * 20));
}
const [v, tSpec] = time(() => volcanoSpec({ gene, logFC: fc, 'P.Value': pv, 'adj.P.Val': qv }));
rows.push({ step: `volcano spec (${P} points)`, sigscore_s: tSpec });
let t = process.hrtime.bigint();
const { svg } = await renderSvg(v.spec);
rows.push({ step: `volcano → SVG (vega)`, sigscore_s: Number(process.hrtime.bigint() - t) / 1e9, note: `${mb(svg.length)}` });
t = process.hrtime.bigint();
const png = await svgToPng(svg, { scale: 2 });
rows.push({ step: `SVG → PNG (resvg, scale 2)`, sigscore_s: Number(process.hrtime.bigint() - t) / 1e9, note: `${(png.length / 1024).toFixed(0)} KB` });

// R
const rs = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
if (rs.status === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'sigscore-bench-plot-'));
  try {
    const bin = join(dir, 'x.bin');
    writeFileSync(bin, Buffer.from(x.data.buffer));
    const script = `
t0 <- proc.time()[["elapsed"]]
x <- matrix(readBin("${bin}", "double", n = ${R * C}), nrow = ${R}, ncol = ${C}, byrow = TRUE)
t1 <- proc.time()[["elapsed"]]
h1 <- hclust(dist(x), method = "average"); t2 <- proc.time()[["elapsed"]]
h2 <- hclust(as.dist(1 - cor(t(x))), method = "average"); t3 <- proc.time()[["elapsed"]]
h3 <- hclust(as.dist(1 - cor(x)), method = "average"); t4 <- proc.time()[["elapsed"]]
cat(t1 - t0, t2 - t1, t3 - t2, t4 - t3, "\\n")
cat(h1$merge[${R - 1}, ], format(h1$height[${R - 1}], digits = 15), "\\n")`;
    writeFileSync(join(dir, 'b.R'), script);
    const out = spawnSync('Rscript', [join(dir, 'b.R')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const [times, last] = out.stdout.trim().split('\n');
    const [read, e, c, cc] = times.split(/\s+/).map(Number);
    rows[0].r_s = e;
    rows[1].r_s = c;
    rows[2].r_s = cc;
    const lastR = Number(last.split(/\s+/)[2]);
    rows[0].note += `; last height sigscore ${hr.height[R - 2].toPrecision(12)} R ${lastR.toPrecision(12)}; R read ${read.toFixed(2)} s`;
    for (const row of rows) if (row.r_s !== undefined) row.ratio = row.sigscore_s / row.r_s;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (json) process.stdout.write(JSON.stringify({ rows: R, cols: C, points: P, peakRssBytes: peak, results: rows }, null, 1) + '\n');
else {
  console.log(`plot bench: ${R} × ${C} matrix, ${P}-point volcano; peak RSS ${mb(peak)}`);
  console.log('step'.padEnd(42), 'sigscore s'.padStart(11), 'R s'.padStart(9), 'ratio'.padStart(7), ' note');
  for (const row of rows) {
    console.log(row.step.padEnd(42), row.sigscore_s.toFixed(3).padStart(11), (row.r_s?.toFixed(3) ?? '—').padStart(9), (row.ratio?.toFixed(2) ?? '—').padStart(7), ' ' + (row.note ?? ''));
  }
}
