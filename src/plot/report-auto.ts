/**
 * Assemble a report from whatever result tables a run produced: each table is recognised by its
 * columns (DE, KM + summary + log-rank, Cox, screen, forest importance, correlation, predicted
 * probability, cross-correlation of two feature sets, GSEA with the running sums of its top sets,
 * signature scores) and gets its plots and a result table; anything else is listed as a table.
 */
import type { ReportInput, ReportSection, ReportTable } from './report.js';
import type { VegaLiteSpec } from './theme.js';
import { numbers, strings, hasColumn, cellNumber, type PlotTable, type CellValue } from './table.js';
import { volcanoSpec } from './volcano.js';
import { kmSpec } from './km.js';
import { forestSpec } from './forest.js';
import { importanceSpec } from './importance.js';
import { correlationSpec } from './correlation.js';
import { probabilitySpec } from './probability.js';
import { heatmapSpec } from './heatmap.js';
import { boxSpec } from './box.js';
import { correlationFromTable, annotationFor, annotationTrack, boxFromScores } from './inputs.js';
import { createMatrix } from '../core/matrix.js';
import { crossCorrelationSpec } from './report-cross-correlation.js';
import { enrichmentSpec } from './enrichment.js';
import { cutpointCurveSpec } from './report-cutpoint.js';
import { formatP } from './theme.js';

export interface ReportItem {
  /** File name (relative path) shown in the report. */
  name: string;
  table?: PlotTable;
  json?: Record<string, unknown>;
  /** A ready Vega-Lite spec (a `.vl.json` file). */
  spec?: VegaLiteSpec;
}

export interface AssembleOptions {
  title?: string;
  subtitle?: string;
  footer?: string;
  /** Sample table (first column = sample id) for heatmap tracks and box-plot groups. */
  clinical?: PlotTable;
  /** Clinical column for box-plot groups and the first heatmap track. Default `response`. */
  group?: string;
  /** Seed of box-plot jitter. Default 42. */
  seed?: number;
}

/** First-column names of signature × sample score tables (score, gsva, ssgsea outputs). */
const SCORE_IDS = new Set(['signature', 'gene_set']);
/** Per-row annotation columns of score tables (not samples). */
const SCORE_ANNOTATIONS = new Set(['n_genes', 'size', 'description', 'coverage']);

const has = (t: PlotTable, ...c: string[]): boolean => c.every((x) => hasColumn(t, x));
const stem = (name: string): string => name.replace(/\.(tsv|csv|json|txt)(\.gz)?$/i, '');

/** Rows of a table sorted by a numeric column (ascending, NaN last), as report table rows. */
function tableRows(t: PlotTable, sortBy?: string, max = 50, filter?: (i: number) => boolean): ReportTable {
  let idx = Array.from({ length: t.nrow }, (_, i) => i);
  if (filter) idx = idx.filter(filter);
  if (sortBy && hasColumn(t, sortBy)) {
    const v = numbers(t, sortBy);
    idx.sort((a, b) => (Number.isNaN(v[a]) ? 1 : Number.isNaN(v[b]) ? -1 : v[a] - v[b]) || a - b);
  }
  const cols = t.names.map((n) => t.columns.get(n)!);
  const rows = idx.map((i) => cols.map((c) => {
    const v = c[i];
    const x = typeof v === 'string' ? cellNumber(v) : v;
    return (typeof x === 'number' && !Number.isNaN(x) ? x : v) as CellValue;
  }));
  return { columns: t.names, rows, maxRows: max };
}

function nearest(name: string, candidates: ReportItem[]): ReportItem | undefined {
  if (candidates.length <= 1) return candidates[0];
  const s = stem(name);
  let best: ReportItem | undefined;
  let bestLen = -1;
  for (const c of candidates) {
    const o = stem(c.name);
    let k = 0;
    while (k < s.length && k < o.length && s[k] === o[k]) k++;
    if (k > bestLen) { bestLen = k; best = c; }
  }
  return best;
}

/** Build the report sections. Returns the report and the names of the items it used. */
export function assembleReport(items: ReportItem[], options: AssembleOptions = {}): { report: ReportInput; used: string[]; warnings: string[] } {
  const sections: ReportSection[] = [];
  const used = new Set<string>();
  const warnings: string[] = [];
  const tables = items.filter((i) => i.table) as (ReportItem & { table: PlotTable })[];
  const summaries = tables.filter((i) => has(i.table, 'group', 'n', 'events', 'median'));
  const logranks = items.filter((i) => (i.json && typeof i.json.p === 'number' && 'chisq' in i.json) || (i.table && has(i.table, 'chisq', 'p', 'observed', 'expected')));
  const group = options.group ?? 'response';
  const cutTables = tables.filter((i) => has(i.table, 'marker', 'cutpoint', 'statistic'));
  const runningSums = items.filter((i) => i.json && Array.isArray(i.json.sets));
  const failed = new Set<string>();
  const attemptOr = (item: ReportItem, make: () => ReportSection): void => {
    const n = warnings.length;
    attempt(item, make);
    if (warnings.length > n) failed.add(item.name);
  };
  const curves = tables.filter((i) => has(i.table, 'marker', 'cut', 'statistic') && !hasColumn(i.table, 'cutpoint'));
  const attempt = (item: ReportItem, make: () => ReportSection): void => {
    try {
      sections.push(make());
      used.add(item.name);
    } catch (e) {
      warnings.push(`${item.name}: ${(e as Error).message}`);
    }
  };
  for (const it of tables) {
    const t = it.table;
    if (has(t, 'logFC', 'P.Value')) {
      attempt(it, () => ({ title: `Differential expression — ${it.name}`, charts: [{ spec: volcanoSpec(t).spec }], tables: [{ title: 'Top genes by p', ...tableRows(t, 'P.Value', 30) }] }));
    } else if (has(t, 'time', 'surv', 'n_risk')) {
      const groups = groupSet(t);
      const s = nearest(it.name, summaries.filter((c) => groupSet(c.table!) === groups));
      const lr = nearest(it.name, logranks.filter((c) => (c.table ? groupSet(c.table) === groups : logranks.length === 1)));
      attempt(it, () => {
        const logrank = lr ? logrankOf(lr) : undefined;
        if (s) used.add(s.name);
        if (lr) used.add(lr.name);
        return { title: `Survival — ${it.name}`, text: s?.table ? splitText(s.table) : undefined, charts: [{ spec: kmSpec(t, { summary: s?.table, logrank }).spec }], tables: s?.table ? [{ title: 'Medians', ...tableRows(s.table) }] : [] };
      });
    } else if (has(t, 'term', 'hr', 'hr_lower', 'hr_upper')) {
      attempt(it, () => ({ title: `Cox model — ${it.name}`, charts: [{ spec: forestSpec(t).spec }], tables: [tableRows(t)] }));
    } else if (has(t, 'covariate', 'endpoint', 'effect', 'p', 'q')) {
      attempt(it, () => {
        const ep = strings(t, 'endpoint');
        const test = hasColumn(t, 'test') ? strings(t, 'test') : ep.map(() => '');
        const endpoints = [...new Set(ep)];
        const charts = endpoints.filter((e) => ep.some((x, i) => x === e && /(^|[^a-z])cox|hazard/i.test(test[i]))).map((e) => ({
          title: `${e}: hazard ratio per unit (top 25 by p)`,
          spec: forestSpec(subset(t, sortedIdx(t, 'p', (i) => ep[i] === e).slice(0, 25)), { term: 'covariate', estimate: 'effect', lower: 'effect_lower', upper: 'effect_upper' }).spec,
        }));
        return { title: `Biomarker screen — ${it.name}`, charts, tables: endpoints.map((e) => ({ title: `${e}: top covariates by p`, ...tableRows(t, 'p', 25, (i) => ep[i] === e) })) };
      });
    } else if (has(t, 'covariate', 'importance')) {
      attempt(it, () => ({ title: `Variable importance — ${it.name}`, charts: [{ spec: importanceSpec(t).spec }], tables: [tableRows(t, undefined, 30)] }));
    } else if (has(t, 'feature_a', 'feature_b') && (hasColumn(t, 'rho') || hasColumn(t, 'r'))) {
      attempt(it, () => ({
        title: `Correlation — ${it.name}`,
        text: `${new Set(strings(t, 'feature_a')).size} × ${new Set(strings(t, 'feature_b')).size} features; * q < 0.05, ** q < 0.01 (BH over all pairs).`,
        charts: [{ spec: crossCorrelationSpec(t).spec }],
        tables: [{ title: 'Strongest pairs by p', ...tableRows(t, 'p', 30) }],
      }));
    } else if (has(t, 'covariate_1', 'covariate_2') && (hasColumn(t, 'rho') || hasColumn(t, 'r'))) {
      attempt(it, () => {
        const c = correlationFromTable(t);
        return { title: `Correlation — ${it.name}`, charts: [{ spec: correlationSpec(c.r, c.names, { p: c.p }).spec }] };
      });
    } else if (curves.includes(it)) {
      attempt(it, () => {
        const cuts = nearest(it.name, cutTables);
        if (cuts) used.add(cuts.name);
        return { title: `Cut-points — ${it.name}`, charts: [{ spec: cutpointCurveSpec(t, cuts?.table).spec }], tables: cuts?.table ? [{ title: cuts.name, ...tableRows(cuts.table) }] : [] };
      });
    } else if (curves.length && cutTables.includes(it)) {
      // shown with its curve
    } else if (has(t, 'x', 'probability', 'lower', 'upper')) {
      attempt(it, () => ({ title: `Predicted probability — ${it.name}`, charts: [{ spec: probabilitySpec(t).spec }] }));
    } else if (has(t, 'pathway', 'NES', 'padj')) {
      attempt(it, () => {
        const top = sortedIdx(t, 'padj').slice(0, 30);
        const nes = numbers(t, 'NES');
        const sub = subset(t, top);
        const dir = top.map((i) => (nes[i] > 0 ? 'positive' : 'negative'));
        const spec = importanceSpec({ covariate: strings(sub, 'pathway'), importance: numbers(sub, 'NES'), direction: dir }, { xTitle: 'NES', topN: 30, title: 'Normalised enrichment score (top 30 by adjusted p)' }).spec;
        return { title: `Gene-set enrichment — ${it.name}`, charts: [{ spec }], tables: [tableRows(t, 'padj', 30)] };
      });
      // the enrichment plots of its running sums follow it
      const rs = nearest(it.name, runningSums.filter((r) => !used.has(r.name) && !failed.has(r.name)));
      if (rs) attemptOr(rs, () => runningSumSection(rs, it));
    } else if (SCORE_IDS.has(t.names[0]) && t.names.length > 3 && allNumeric(t)) {
      attempt(it, () => scoresSection(it.name, t, options, group, warnings));
    } else if (!summaries.includes(it) && !logranks.includes(it)) {
      if (t.nrow <= 5000 && t.names.length <= 40) {
        sections.push({ title: `Table — ${it.name}`, tables: [tableRows(t, undefined, 30)] });
        used.add(it.name);
      }
    }
  }
  for (const it of runningSums) if (!used.has(it.name) && !failed.has(it.name)) attempt(it, () => runningSumSection(it, undefined));
  const specs = items.filter((i) => i.spec);
  if (specs.length) {
    sections.push({ title: 'Other plots', charts: specs.map((s) => ({ title: s.name, spec: s.spec! })) });
    specs.forEach((s) => used.add(s.name));
  }
  return { report: { title: options.title ?? 'sigscore report', subtitle: options.subtitle, sections, footer: options.footer }, used: [...used], warnings };
}

interface RunningSums {
  stats?: number[];
  sets: { pathway: string; hits: number[]; runningSum: number[] }[];
}

/** Enrichment plots (running sum, barcode, ranking) of the top 3 sets by adjusted p of the paired GSEA table. */
function runningSumSection(it: ReportItem, gsea: ReportItem | undefined): ReportSection {
  const rs = it.json as unknown as RunningSums;
  const byName = new Map(rs.sets.map((s) => [s.pathway, s] as const));
  let chosen = rs.sets.slice(0, 3).map((s) => ({ set: s, NES: undefined as number | undefined, padj: undefined as number | undefined }));
  if (gsea?.table) {
    const t = gsea.table;
    const path = strings(t, 'pathway');
    const nes = numbers(t, 'NES');
    const padj = numbers(t, 'padj');
    chosen = sortedIdx(t, 'padj').filter((i) => byName.has(path[i])).slice(0, 3).map((i) => ({ set: byName.get(path[i])!, NES: nes[i], padj: padj[i] }));
  }
  if (!chosen.length) throw new Error('no gene set with a running sum');
  return {
    title: `GSEA enrichment plots — ${it.name}`,
    text: gsea ? `Top ${chosen.length} gene sets by adjusted p in ${gsea.name}.` : undefined,
    charts: chosen.map((c) => ({ title: c.set.pathway, spec: enrichmentSpec({ ...c.set, stats: rs.stats, NES: c.NES, padj: c.padj }).spec })),
  };
}

/** Every column after the first holds numbers (checked on the first rows). */
function allNumeric(t: PlotTable): boolean {
  return t.names.slice(1).every((n) => {
    const c = t.columns.get(n)!;
    for (let i = 0; i < Math.min(5, c.length); i++) if (cellNumber(c[i]) === undefined) return false;
    return true;
  });
}

/** For the summary of a covariate split at a cut (`sigscore km --split`): the cut, its kind and the search-corrected p. */
function splitText(t: PlotTable): string | undefined {
  if (!t.nrow || !has(t, 'split', 'cut', 'cut_method')) return undefined;
  const col = strings(t, 'split')[0];
  const method = strings(t, 'cut_method')[0];
  const lau94 = hasColumn(t, 'p_lau94') ? numbers(t, 'p_lau94')[0] : NaN;
  const adjusted = Number.isNaN(lau94) ? '' : `; log-rank ${formatP(lau94)} corrected for the search (Lau94)`;
  return `${col} split at ${Number(numbers(t, 'cut')[0].toPrecision(6))} (${method} cut; low = ${col} ≤ cut)${adjusted}.`;
}

/** The sorted distinct groups of a table (its `group` column), as one key. */
function groupSet(t: PlotTable): string {
  return hasColumn(t, 'group') ? [...new Set(strings(t, 'group'))].sort().join('\u0000') : 'all';
}

function logrankOf(item: ReportItem): { p: number; chisq?: number; df?: number } | undefined {
  if (item.table && item.table.nrow) {
    const first = (c: string): number | undefined => (hasColumn(item.table!, c) ? numbers(item.table!, c)[0] : undefined);
    const p = first('p');
    return p === undefined ? undefined : { p, chisq: first('chisq'), df: first('df') };
  }
  const j = item.json!;
  return { p: j.p as number, chisq: j.chisq as number | undefined, df: j.df as number | undefined };
}

function sortedIdx(t: PlotTable, col: string, filter?: (i: number) => boolean): number[] {
  const v = numbers(t, col);
  return Array.from({ length: t.nrow }, (_, i) => i).filter((i) => !filter || filter(i)).sort((a, b) => (Number.isNaN(v[a]) ? 1 : Number.isNaN(v[b]) ? -1 : v[a] - v[b]) || a - b);
}

function subset(t: PlotTable, idx: number[]): PlotTable {
  const columns = new Map<string, ArrayLike<CellValue>>();
  for (const n of t.names) { const c = t.columns.get(n)!; columns.set(n, idx.map((i) => c[i])); }
  return { names: t.names, nrow: idx.length, columns, source: t.source };
}

function scoresSection(name: string, t: PlotTable, options: AssembleOptions, group: string, warnings: string[]): ReportSection {
  const rows = strings(t, t.names[0]);
  const samples = t.names.slice(1).filter((n) => !SCORE_ANNOTATIONS.has(n));
  const x = createMatrix(rows.length, samples.length);
  samples.forEach((s, j) => { const v = numbers(t, s); for (let i = 0; i < rows.length; i++) x.data[i * samples.length + j] = v[i]; });
  const annotations = new Map<string, (string | number | null)[]>();
  const cl = options.clinical;
  if (cl && hasColumn(cl, group)) annotations.set(group, annotationTrack(annotationFor(cl, group, samples)));
  const charts = [{ title: 'Scores (rows z-scored, clustered)', spec: heatmapSpec(x, rows, samples, { annotations, maxRows: 60 }).spec }];
  if (cl && hasColumn(cl, group)) {
    try {
      const b = boxFromScores(x, rows, samples, annotationFor(cl, group, samples), { signatures: rows.slice(0, 8) });
      warnings.push(...b.warnings);
      charts.push({ title: `Scores by ${group}`, spec: boxSpec(b.data, { pValues: b.pValues, testName: b.testName, groupTitle: group, seed: options.seed ?? 42 }).spec });
    } catch (e) {
      warnings.push(`${name}: box plot: ${(e as Error).message}`);
    }
  }
  return { title: `Signature scores — ${name}`, text: `${rows.length} signatures × ${samples.length} samples.`, charts };
}
