/** Small seeded inputs for every plot (tests, and a look at the rendered pictures). */
import { rng } from '../../src/core/random.js';
import { runningSum } from '../../src/enrich/es.js';
import { enrichmentSpec } from '../../src/plot/enrichment.js';
import { matrixFrom, createMatrix } from '../../src/core/matrix.js';
import {
  volcanoSpec, heatmapSpec, kmSpec, boxSpec, importanceSpec, forestSpec, correlationSpec, probabilitySpec, type VegaLiteSpec,
} from '../../src/plot/index.js';

export const EVIL = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>', 'a"b\'c&d'];

export function exampleSpecs(): Record<string, VegaLiteSpec> {
  const r = rng(7, 0);
  // volcano: 600 genes, 40 changed, including p = 1e-300 and a p below the double range
  const gene: string[] = [], logFC: number[] = [], P: string[] = [], Q: number[] = [];
  for (let i = 0; i < 600; i++) {
    gene.push(i < 3 ? EVIL[i] : `GENE${i}`);
    const changed = i < 40;
    logFC.push(changed ? (i % 2 ? 1 : -1) * (1.2 + 2 * r.uniform()) : r.normal() * 0.4);
    const p = changed ? 10 ** -(3 + 25 * r.uniform()) : r.uniform();
    P.push(String(p));
    Q.push(Math.min(1, p * 30));
  }
  P[3] = '1e-300';
  P[5] = '2.5e-400';
  const volcano = volcanoSpec({ gene, logFC, 'P.Value': P, 'adj.P.Val': Q }).spec;

  // heatmap: 30 signatures × 24 samples with two blocks, annotation tracks
  const nr = 30, nc = 24;
  const x = createMatrix(nr, nc);
  for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) x.data[i * nc + j] = r.normal() + (i < 12 && j < 10 ? 2 : 0) + (i >= 20 && j >= 14 ? 1.5 : 0);
  const samples = Array.from({ length: nc }, (_, j) => (j === 0 ? EVIL[0] : j === 1 ? EVIL[1] : `S${j + 1}`));
  const rows = Array.from({ length: nr }, (_, i) => `sig_${i + 1}`);
  const heatmap = heatmapSpec(x, rows, samples, {
    annotations: new Map<string, (string | number | null)[]>([
      ['response', samples.map((_, j) => (j < 10 ? 'R' : 'NR'))],
      ['IFNG', samples.map((_, j) => (j % 3 ? 'high' : 'low'))],
    ]),
  }).spec;

  // KM: two groups from a seeded simulation, step table as survfit writes it
  const km: Record<string, unknown>[] = [];
  const summary: Record<string, unknown>[] = [];
  for (const [gname, rate] of [['high', 0.05], ['low <b>', 0.12]] as const) {
    const n = 60;
    const t = Array.from({ length: n }, () => {
      const ev = -Math.log(1 - r.uniform()) / rate;
      const cen = 5 + 40 * r.uniform();
      return ev <= cen ? { time: Math.ceil(ev), event: 1 } : { time: Math.ceil(cen), event: 0 };
    });
    const times = [...new Set(t.map((d) => d.time))].sort((a, b) => a - b);
    let s = 1, v = 0, atRisk = n, median = NaN;
    for (const tm of times) {
      const d = t.filter((z) => z.time === tm && z.event === 1).length;
      const c = t.filter((z) => z.time === tm && z.event === 0).length;
      if (d) { s *= 1 - d / atRisk; v += d / (atRisk * (atRisk - d || 1)); }
      const se = Math.sqrt(v);
      if (Number.isNaN(median) && s <= 0.5) median = tm;
      km.push({ group: gname, time: tm, n_risk: atRisk, n_event: d, n_censor: c, surv: s, std_err: s * se, lower: s * Math.exp(-1.96 * se), upper: Math.min(1, s * Math.exp(1.96 * se)) });
      atRisk -= d + c;
    }
    summary.push({ group: gname, n, events: t.filter((z) => z.event).length, median, median_lower: NaN, median_upper: NaN });
  }
  const kmPlot = kmSpec(km, { summary, logrank: { chisq: 9.1, df: 1, p: 0.0026 }, timeTitle: 'Months' }).spec;

  // box: two signatures, R vs NR
  const value: number[] = [], group: string[] = [], sample: string[] = [], panel: string[] = [];
  for (const sig of ['TIS', 'IFNG']) for (let i = 0; i < 40; i++) {
    value.push(r.normal() + (i < 18 ? 0.8 : 0));
    group.push(i < 18 ? 'R' : 'NR');
    sample.push(i === 0 ? EVIL[0] : `P${i}`);
    panel.push(sig);
  }
  const box = boxSpec({ value, group, sample, panel }, { pValues: new Map([['TIS', 0.0042], ['IFNG', 0.21]]), groupOrder: ['R', 'NR'] }).spec;

  const importance = importanceSpec(Array.from({ length: 30 }, (_, i) => ({
    covariate: i === 0 ? EVIL[1] : `covariate_${i}`, importance: 0.05 / (1 + i) + 0.001 * r.uniform(), importance_sd: 0.004 * r.uniform(),
    rank_mean: i + 1, top_k_freq: 1, p_janitza: 0.01, direction: i % 3 === 0 ? '-' : '+',
  }))).spec;

  const forest = forestSpec([
    { term: 'flipi', coef: 0.5, hr: 1.65, se: 0.2, z: 2.5, p: 0.012, hr_lower: 1.11, hr_upper: 2.44 },
    { term: 'age', coef: 0.01, hr: 1.01, se: 0.01, z: 1, p: 0.31, hr_lower: 0.99, hr_upper: 1.03 },
    { term: 'IFNG <high>', coef: -0.7, hr: 0.5, se: 0.25, z: -2.8, p: 0.005, hr_lower: 0.3, hr_upper: 0.81 },
    { term: 'LDH', coef: 0.9, hr: 2.46, se: 0.5, z: 1.8, p: 0.07, hr_lower: 0.92, hr_upper: 6.6 },
  ]).spec;

  const k = 9;
  const names = Array.from({ length: k }, (_, i) => (i === 0 ? EVIL[0] : `var${i}`));
  const rm = createMatrix(k, k), pm = createMatrix(k, k);
  for (let i = 0; i < k; i++) for (let j = i; j < k; j++) {
    const v = i === j ? 1 : Math.max(-0.95, Math.min(0.95, (Math.floor(i / 3) === Math.floor(j / 3) ? 0.6 : 0) + 0.3 * r.normal()));
    rm.data[i * k + j] = rm.data[j * k + i] = v;
    pm.data[i * k + j] = pm.data[j * k + i] = i === j ? 0 : Math.abs(v) > 0.45 ? 0.01 : 0.4;
  }
  const correlation = correlationSpec(matrixFrom(k, k, rm.data), names, { p: pm }).spec;

  const grid = Array.from({ length: 50 }, (_, i) => i / 49 * 10);
  const prob = probabilitySpec({
    x: grid,
    probability: grid.map((g) => 1 / (1 + Math.exp(-(g - 5) * 0.8))),
    lower: grid.map((g) => 1 / (1 + Math.exp(-((g - 5) * 0.8 - 0.9)))),
    upper: grid.map((g) => 1 / (1 + Math.exp(-((g - 5) * 0.8 + 0.9)))),
  }, { xTitle: 'IL-6 (pg/mL)', observed: { x: grid.map((g) => g + 0.05), y: grid.map((g, i) => (g > 5 ? (i % 4 ? 1 : 0) : i % 5 ? 0 : 1)) } }).spec;

  const panels = probabilitySpec(['response', 'crs3'].flatMap((endpoint) => grid.map((g) => ({
    endpoint, covariate: 'IL6', x: g, probability: 1 / (1 + Math.exp(-(g - 5))), lower: 1 / (1 + Math.exp(-(g - 6))), upper: 1 / (1 + Math.exp(-(g - 4))), method: 'logistic',
  })))).spec;
  // enrichment: a 25-gene set near the top of a 2000-gene ranking, named with hostile text
  const stats = Float64Array.from({ length: 2000 }, (_, i) => 3 - (6 * i) / 1999 + 0.3 * r.normal()).sort().reverse();
  const hitsE = Int32Array.from({ length: 25 }, (_, j) => Math.floor(j * j * 2.5 + j * 7)).sort();
  const enrichment = enrichmentSpec({ pathway: EVIL[0], hits: hitsE, runningSum: runningSum(stats, hitsE), stats, NES: 2.1, padj: 3e-5 }).spec;
  return { volcano, heatmap, km: kmPlot, box, importance, forest, correlation, probability: prob, probabilityPanels: panels, enrichment };
}
