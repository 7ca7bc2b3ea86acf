/**
 * The biomarker screen: every covariate against every endpoint, one row per pair with
 * `covariate, endpoint, n, test, effect, effect_lower, effect_upper, p, q, median_cutoff,
 * logrank_p_median` (tests and effects in `screen-tests.ts`; q = Benjamini–Hochberg within the
 * endpoint). Optional: the Spearman correlation matrix of the numeric covariates with p and BH q,
 * the collinearity clusters (|ρ| > threshold) with one representative each, and predicted
 * probability bands (logistic regression, Firth under separation) for the top numeric hits of
 * each binary endpoint. Cost: O(covariates · endpoints · n log n) plus O(v² n log n) for the
 * correlation matrix.
 */
import type { SampleTable, Column } from '../core/sample-table.js';
import { UsageError } from '../core/errors.js';
import { DEFAULT_SEED } from '../core/random.js';
import { pAdjust } from '../stats/p-adjust.js';
import { corMatrix, type CorMatrixResult } from '../stats/cor-matrix.js';
import { collinearityFilter, type CollinearityOptions, type CollinearityResult } from '../ml/collinearity.js';
import { type EndpointSpec, endpointColumns, binaryOutcome, survivalOutcome } from './screen-endpoints.js';
import { binaryRow, survivalRow, type ScreenRow } from './screen-tests.js';
import { probabilityBands, type ProbabilityRows } from './screen-probability.js';
import { screenMsg } from './messages.js';

export interface ScreenOptions {
  /** Endpoints to screen against (at least one; see `parseEndpoint`). Required. */
  endpoints: EndpointSpec[];
  /** Covariate columns, or 'all' (every column that is not an endpoint column or excluded). Default 'all'. */
  covariates?: readonly string[] | 'all';
  /** Columns never screened (with 'all'). Default []. */
  exclude?: readonly string[];
  /** Minimum complete observations for a row (fewer: NA row with a warning), ≥ 2. Default 5. */
  minN?: number;
  /** Monte Carlo replicates of Fisher's test for tables with ≥ 3 levels. Default 2000. */
  replicates?: number;
  /** Seed of the Monte Carlo tests (stream from the covariate and endpoint names). Default 42. */
  seed?: number;
  /** Compute the Spearman matrix of the numeric covariates. Default false. */
  correlation?: boolean;
  /** Collinearity clustering options, or false. Default false. */
  collinearity?: false | CollinearityOptions;
  /** Probability bands for the `top` best numeric covariates of each binary endpoint on `points` grid values; false for none. Default false. */
  probability?: false | { top?: number; points?: number };
}

export interface ScreenTable {
  covariate: string[];
  endpoint: string[];
  n: Int32Array;
  test: string[];
  effect: Float64Array;
  effect_lower: Float64Array;
  effect_upper: Float64Array;
  p: Float64Array;
  q: Float64Array;
  median_cutoff: Float64Array;
  logrank_p_median: Float64Array;
}

export interface ScreenResult {
  table: ScreenTable;
  correlation: CorMatrixResult | null;
  collinearity: CollinearityResult | null;
  probability: ProbabilityRows | null;
  /** Per-endpoint counts: complete outcome values and events. */
  endpoints: { name: string; kind: string; n: number; events: number }[];
  params: { endpoints: EndpointSpec[]; covariates: string[]; minN: number; replicates: number; seed: number };
  warnings: string[];
}

/** Random stream of a covariate × endpoint pair (FNV-1a of the names): results do not depend on which other covariates are screened. */
export function streamOf(cov: string, ep: string): number {
  let h = 0x811c9dc5;
  const s = `${cov}\u0000${ep}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 0x7fffffff;
}

/** Covariate names the screen will use, in table order. */
export function screenCovariates(table: SampleTable, options: Pick<ScreenOptions, 'endpoints' | 'covariates' | 'exclude'>): string[] {
  const used = new Set(options.endpoints.flatMap(endpointColumns));
  const exclude = new Set(options.exclude ?? []);
  const sel = options.covariates ?? 'all';
  if (sel === 'all') return [...table.columns.keys()].filter((c) => !used.has(c) && !exclude.has(c) && c !== table.idColumn);
  for (const c of sel) if (!table.columns.has(c)) throw new UsageError(screenMsg.unknownCovariate(c));
  return [...sel];
}

/** Run the screen on a sample table (clinical covariates, scores already joined). */
export function screen(table: SampleTable, options: ScreenOptions): ScreenResult {
  const minN = options.minN ?? 5;
  const replicates = options.replicates ?? 2000;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!options.endpoints?.length) throw new UsageError('option endpoints is required: give at least one --endpoint');
  const names = new Set<string>();
  for (const e of options.endpoints) {
    if (names.has(e.name)) throw new UsageError(screenMsg.duplicateEndpoint(e.name));
    names.add(e.name);
  }
  const covs = screenCovariates(table, options);
  if (!covs.length) throw new UsageError(screenMsg.noCovariates());
  const warnings: string[] = [];
  const cols: Column[] = [];
  const covNames: string[] = [];
  for (const c of covs) {
    const col = table.columns.get(c)!;
    if (col.kind !== 'numeric' && col.levels.length > 20) {
      warnings.push(`covariate ${JSON.stringify(c)} has ${col.levels.length} categories (more than 20); skipped`);
      continue;
    }
    cols.push(col);
    covNames.push(c);
  }
  const out: { cov: string; ep: string; row: ScreenRow }[] = [];
  const epInfo: ScreenResult['endpoints'] = [];
  const qs: Float64Array[] = [];
  const bandInputs: { ep: string; y: Float64Array; rows: { cov: string; p: number }[] }[] = [];
  for (const ep of options.endpoints) {
    const start = out.length;
    if (ep.kind === 'binary') {
      const y = binaryOutcome(table, ep);
      let n = 0, ev = 0;
      for (const v of y) if (!Number.isNaN(v)) { n++; ev += v; }
      epInfo.push({ name: ep.name, kind: 'binary', n, events: ev });
      if (ev < 10 || n - ev < 10) warnings.push(screenMsg.fewEvents(ep.name, Math.min(ev, n - ev), n));
      cols.forEach((col, k) => out.push({ cov: covNames[k], ep: ep.name, row: binaryRow(col, covNames[k], y, ep.name, { minN, replicates, seed, stream: streamOf(covNames[k], ep.name) }, warnings) }));
      bandInputs.push({ ep: ep.name, y, rows: out.slice(start).filter((r, k) => cols[k].kind === 'numeric').map((r) => ({ cov: r.cov, p: r.row.p })) });
    } else {
      const { time, event } = survivalOutcome(table, ep);
      let n = 0, ev = 0;
      for (let i = 0; i < time.length; i++) if (!Number.isNaN(time[i]) && !Number.isNaN(event[i])) { n++; ev += event[i]; }
      epInfo.push({ name: ep.name, kind: 'survival', n, events: ev });
      if (ev < 10) warnings.push(screenMsg.fewEvents(ep.name, ev, n));
      cols.forEach((col, k) => out.push({ cov: covNames[k], ep: ep.name, row: survivalRow(col, covNames[k], time, event, ep.name, { minN }, warnings) }));
    }
    qs.push(pAdjust(out.slice(start).map((r) => r.row.p), { method: 'BH' }));
  }
  const m = out.length;
  const t: ScreenTable = {
    covariate: out.map((r) => r.cov), endpoint: out.map((r) => r.ep), n: Int32Array.from(out, (r) => r.row.n), test: out.map((r) => r.row.test),
    effect: Float64Array.from(out, (r) => r.row.effect), effect_lower: Float64Array.from(out, (r) => r.row.lower),
    effect_upper: Float64Array.from(out, (r) => r.row.upper), p: Float64Array.from(out, (r) => r.row.p), q: new Float64Array(m),
    median_cutoff: Float64Array.from(out, (r) => r.row.medianCutoff), logrank_p_median: Float64Array.from(out, (r) => r.row.logrankPMedian),
  };
  let off = 0;
  for (const q of qs) { t.q.set(q, off); off += q.length; }
  const numIdx = cols.map((c, k) => (c.kind === 'numeric' ? k : -1)).filter((k) => k >= 0);
  const numVals = numIdx.map((k) => (cols[k] as Extract<Column, { kind: 'numeric' }>).values);
  const numNames = numIdx.map((k) => covNames[k]);
  const correlation = options.correlation ? corMatrix(numVals, numNames, { method: 'spearman' }) : null;
  const collinearity = options.collinearity ? collinearityFilter(numVals, numNames, options.collinearity) : null;
  let probability: ProbabilityRows | null = null;
  if (options.probability) {
    const top = options.probability.top ?? 3;
    const points = options.probability.points ?? 50;
    const numeric = new Map(numNames.map((nm, k) => [nm, numVals[k]]));
    probability = probabilityBands(bandInputs, numeric, { top, points }, warnings);
  }
  return {
    table: t, correlation, collinearity, probability, endpoints: epInfo,
    params: { endpoints: options.endpoints, covariates: covNames, minN, replicates, seed }, warnings,
  };
}
