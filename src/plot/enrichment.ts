/**
 * GSEA enrichment plot: the running sum of a gene set over the ranked list, a barcode of the
 * set's genes, and the ranking statistic below. The running sum falls linearly between hits, so
 * it is drawn exactly from 2k + 2 points (just before and at each hit, and both ends); the
 * statistic is thinned to at most `maxPoints` points. O(k + n).
 */
import { topLevel, COLORS, fmt, formatP, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { DataError } from '../core/errors.js';

export interface EnrichmentCurve {
  pathway: string;
  /** 0-based positions of the set's genes in the ranking, ascending. */
  hits: ArrayLike<number>;
  /** Running sum at every position (as `runningSum` returns, or the `running-sum` JSON of `sigscore gsea`). */
  runningSum: ArrayLike<number>;
  /** The ranking statistic in ranked order (optional: draws the bottom panel). */
  stats?: ArrayLike<number>;
  NES?: number;
  padj?: number;
}

export interface EnrichmentOptions extends PlotCommon {
  /** Points of the statistic panel at most. Default 600. */
  maxPoints?: number;
}

export function enrichmentSpec(curve: EnrichmentCurve, options: EnrichmentOptions = {}): { spec: VegaLiteSpec; warnings: string[] } {
  const n = curve.runningSum.length;
  const k = curve.hits.length;
  if (!n || !k) throw new DataError(`enrichment plot of ${JSON.stringify(curve.pathway)}: no running sum or no hits`);
  const width = options.width ?? 480;
  const rs = curve.runningSum;
  const line: { rank: number; es: number }[] = [{ rank: 0, es: 0 }];
  let peak = 0;
  for (let j = 0; j < k; j++) {
    const h = curve.hits[j];
    if (h > 0) line.push({ rank: h, es: rs[h - 1] });
    line.push({ rank: h + 1, es: rs[h] });
    if (Math.abs(rs[h]) > Math.abs(peak)) peak = rs[h];
    if (h > 0 && Math.abs(rs[h - 1]) > Math.abs(peak)) peak = rs[h - 1];
  }
  line.push({ rank: n, es: rs[n - 1] });
  const hits = Array.from(curve.hits, (h) => ({ rank: h + 1 }));
  const x = { field: 'rank', type: 'quantitative', scale: { domain: [0, n], nice: false } };
  const subtitle = [`ES = ${fmt(peak)}`, curve.NES !== undefined ? `NES = ${fmt(curve.NES)}` : '', curve.padj !== undefined ? formatP(curve.padj, 'padj') : '', `${k} genes`]
    .filter(Boolean).join(', ');
  const panels: Record<string, any>[] = [
    {
      width, height: options.height ?? 200,
      data: { values: line },
      layer: [
        { mark: { type: 'rule', color: '#999', strokeDash: [4, 3] }, encoding: { y: { datum: 0 } } },
        { mark: { type: 'line', color: COLORS.up, strokeWidth: 2 }, encoding: { x: { ...x, axis: null }, y: { field: 'es', type: 'quantitative', title: 'running enrichment score' } } },
      ],
    },
    {
      width, height: 36,
      data: { values: hits },
      mark: { type: 'rule', color: '#222', strokeWidth: 1 },
      encoding: { x: { ...x, axis: null }, y: { value: 2 }, y2: { value: 34 }, tooltip: [{ field: 'rank', type: 'quantitative', title: 'rank' }] },
    },
  ];
  if (curve.stats && curve.stats.length === n) {
    const maxPoints = options.maxPoints ?? 600;
    const step = Math.max(1, Math.ceil(n / maxPoints));
    const pts: { rank: number; stat: number }[] = [];
    for (let i = 0; i < n; i += step) pts.push({ rank: i + 1, stat: curve.stats[i] });
    pts.push({ rank: n, stat: curve.stats[n - 1] });
    panels.push({
      width, height: 90,
      data: { values: pts },
      mark: { type: 'area', color: '#888', opacity: 0.7 },
      encoding: { x: { ...x, title: 'rank in the ranked gene list' }, y: { field: 'stat', type: 'quantitative', title: 'ranking statistic' } },
    });
  } else {
    panels[1].encoding.x = { ...x, title: 'rank in the ranked gene list' };
  }
  const title = options.title ?? `${curve.pathway}: ${subtitle}`;
  return { spec: topLevel({ vconcat: panels, spacing: 2 }, title, `GSEA enrichment plot of ${curve.pathway}`), warnings: [] };
}
