/**
 * A self-contained HTML report: sections with charts (rendered in the page by vega-embed from
 * inlined vega, vega-lite and vega-embed; no network) and result tables. Every data string is
 * escaped: HTML text through `escapeHtml`, chart specs through `jsonForScript`.
 */
import type { CellValue } from './table.js';
import type { VegaLiteSpec } from './theme.js';
import { escapeHtml, jsonForScript, inlineScript } from './escape.js';
import { fmt } from './theme.js';

export interface ReportChart {
  title?: string;
  spec: VegaLiteSpec;
  caption?: string;
}

export interface ReportTable {
  title?: string;
  columns: string[];
  rows: readonly (readonly CellValue[])[];
  /** Rows shown (the rest are counted). Default 100. */
  maxRows?: number;
}

export interface ReportSection {
  title: string;
  /** Plain text paragraphs (escaped; blank lines separate paragraphs). */
  text?: string;
  charts?: ReportChart[];
  tables?: ReportTable[];
}

export interface ReportInput {
  title: string;
  subtitle?: string;
  sections: ReportSection[];
  /** Plain text under the last section (e.g. version, seed, inputs). */
  footer?: string;
}

/** The JavaScript libraries the page inlines (contents of their UMD builds). */
export interface ReportAssets {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

const CSS = `body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1f3b57;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85}
nav{padding:10px 28px;background:#eef2f6;font-size:14px}nav a{margin-right:14px;color:#1f3b57}
main{padding:8px 28px 40px}section{background:#fff;border:1px solid #dde3ea;border-radius:6px;margin:18px 0;padding:8px 20px 18px}
h2{font-size:18px;border-bottom:1px solid #eee;padding-bottom:6px}h3{font-size:15px;margin:14px 0 6px}
.chart{margin:8px 0 4px;min-height:40px}.caption{font-size:12px;color:#555;margin:0 0 12px}
table{border-collapse:collapse;font-size:12px;margin:6px 0}th,td{border:1px solid #dde3ea;padding:3px 7px;text-align:left}
th{background:#f1f4f8;position:sticky;top:0}td.n{text-align:right;font-variant-numeric:tabular-nums}.more{font-size:12px;color:#666}
.tablewrap{max-height:460px;overflow:auto;display:inline-block;max-width:100%}footer{font-size:12px;color:#666;padding:0 28px 30px;white-space:pre-wrap}
.error{color:#b00020;font-weight:bold}`;

function cell(v: CellValue): string {
  if (typeof v === 'number') return `<td class="n">${escapeHtml(fmt(v, 4))}</td>`;
  if (v === null || v === undefined) return '<td class="n">NA</td>';
  return `<td>${escapeHtml(String(v))}</td>`;
}

function table(t: ReportTable): string {
  const max = t.maxRows ?? 100;
  const shown = t.rows.slice(0, max);
  const head = `<tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = shown.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n');
  const more = t.rows.length > max ? `<p class="more">showing ${max} of ${t.rows.length} rows</p>` : '';
  return `${t.title ? `<h3>${escapeHtml(t.title)}</h3>` : ''}<div class="tablewrap"><table><thead>${head}</thead><tbody>\n${body}\n</tbody></table></div>${more}`;
}

const BOOT = `(function(){
var state={errors:[],total:0,rendered:0,done:false};window.__sigscoreReport=state;
window.addEventListener('error',function(e){state.errors.push(String(e.message||e));});
var specs=JSON.parse(document.getElementById('sigscore-specs').textContent);state.total=specs.length;
var jobs=specs.map(function(spec,i){var el=document.getElementById('chart-'+i);
return vegaEmbed(el,spec,{renderer:'svg',actions:{export:true,source:false,compiled:false,editor:false}}).then(function(){el.setAttribute('data-rendered','true');state.rendered++;})
.catch(function(err){state.errors.push('chart '+i+': '+err);var p=document.createElement('p');p.className='error';p.textContent='This chart could not be drawn: '+err;el.appendChild(p);});});
Promise.all(jobs).then(function(){state.done=true;});})();`;

/** Build the report page. O(total size of specs and tables). */
export function buildReportHtml(report: ReportInput, assets: ReportAssets): string {
  const specs: VegaLiteSpec[] = [];
  const sections = report.sections.map((s, si) => {
    const id = `s${si + 1}`;
    const text = (s.text ?? '').split(/\n\s*\n/).filter((p) => p.trim()).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('');
    const charts = (s.charts ?? []).map((c) => {
      const k = specs.push(c.spec) - 1;
      return `${c.title ? `<h3>${escapeHtml(c.title)}</h3>` : ''}<div class="chart" id="chart-${k}"></div>${c.caption ? `<p class="caption">${escapeHtml(c.caption)}</p>` : ''}`;
    });
    return `<section id="${id}"><h2>${escapeHtml(s.title)}</h2>${text}${charts.join('\n')}${(s.tables ?? []).map(table).join('\n')}</section>`;
  });
  const nav = report.sections.map((s, si) => `<a href="#s${si + 1}">${escapeHtml(s.title)}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title><style>${CSS}</style></head>
<body><header><h1>${escapeHtml(report.title)}</h1>${report.subtitle ? `<p>${escapeHtml(report.subtitle)}</p>` : ''}</header>
<nav>${nav}</nav><main>
${sections.join('\n')}
</main>${report.footer ? `<footer>${escapeHtml(report.footer)}</footer>` : ''}
<script type="application/json" id="sigscore-specs">${jsonForScript(specs)}</script>
<script>${inlineScript(assets.vega)}</script>
<script>${inlineScript(assets.vegaLite)}</script>
<script>${inlineScript(assets.vegaEmbed)}</script>
<script>${BOOT}</script>
</body></html>
`;
}
