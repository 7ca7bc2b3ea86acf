import { describe, it, expect, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReportHtml, escapeHtml, jsonForScript, inlineScript, type ReportInput } from '../../src/plot/index.js';
import { reportAssets, writeReportFile } from '../../src/plot/node/index.js';
import { exampleSpecs, EVIL } from './examples.js';
import { writeResultTables } from './tables.js';
import { run } from '../../cli/app.js';

function exampleReport(): ReportInput {
  const specs = exampleSpecs();
  return {
    title: `Report for ${EVIL[1]}`,
    subtitle: EVIL[0],
    sections: Object.entries(specs).map(([name, spec]) => ({
      title: `${name} ${EVIL[2]}`,
      text: `Section about ${EVIL[0]}.\n\nSecond paragraph ${EVIL[1]}`,
      charts: [{ title: name, spec, caption: EVIL[1] }],
      tables: [{ title: 'rows', columns: ['sample', 'value', EVIL[0]], rows: [[EVIL[0], 1.23456789, null], [EVIL[1], NaN, 'x'], ['</SCRIPT >', 1e-300, '<!--']] }],
    })),
    footer: `generated from ${EVIL[1]}`,
  };
}

describe('escaping', () => {
  it('escapeHtml escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('jsonForScript leaves no < > & and round-trips', () => {
    const v = { a: EVIL, b: '\u2028', c: NaN };
    const s = jsonForScript(v);
    expect(s).not.toMatch(/[<>&]/);
    expect(JSON.parse(s)).toEqual({ a: EVIL, b: '\u2028', c: null });
  });
  it('inlineScript breaks up </script and <!--', () => {
    expect(inlineScript('var a="</script>";var b="<!--";')).toBe('var a="<\\/script>";var b="<\\!--";');
  });
});

describe('buildReportHtml', () => {
  const html = buildReportHtml(exampleReport(), reportAssets());
  it('inlines vega, vega-lite and vega-embed and loads nothing from the network', () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html.length).toBeGreaterThan(700_000);
  });
  it('contains hostile sample names only escaped', () => {
    expect(html).not.toContain(EVIL[0]);
    expect(html).not.toContain('</script><script>alert(2)');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // exactly the five script elements the page needs (specs, vega, vega-lite, vega-embed, boot)
    expect(html.match(/<script/gi)!.length).toBe(5);
    expect(html.match(/<\/script>/gi)!.length).toBe(5);
  });
  it('has one section per analysis and one chart element per spec', () => {
    expect(html.match(/<section /g)!.length).toBe(Object.keys(exampleSpecs()).length);
    expect(html.match(/class="chart"/g)!.length).toBe(Object.keys(exampleSpecs()).length);
  });
});

const chromium = '/usr/bin/chromium';
const haveChromium = existsSync(chromium);
if (!haveChromium) console.warn('SKIPPED: report browser test — /usr/bin/chromium is not installed (apt-get install chromium)');

let browser: import('playwright-core').Browser | undefined;

/** Sweep the mouse over a chart and collect vega-tooltip's text; report whether its HTML ever held a tag. */
async function hover(page: import('playwright-core').Page, chart?: number): Promise<{ tooltipTexts: string[]; tooltipHtmlHasTag: boolean }> {
  const texts = new Set<string>();
  let tag = false;
  if (chart === undefined) return { tooltipTexts: [], tooltipHtmlHasTag: false };
  const el = (await page.$(`#chart-${chart} svg.marks`))!;
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  if (!box) return { tooltipTexts: [], tooltipHtmlHasTag: false };
  for (let i = 1; i < 16; i++) {
    for (let j = 1; j < 16; j++) {
      await page.mouse.move(box.x + (box.width * i) / 16, box.y + (box.height * j) / 16);
      const t = (await page.evaluate(`(() => { const e = document.getElementById('vg-tooltip-element'); return e && e.textContent ? [e.textContent, e.innerHTML] : null; })()`)) as [string, string] | null;
      if (t) {
        texts.add(t[0]);
        if (/<(img|script)/i.test(t[1])) tag = true;
      }
    }
  }
  return { tooltipTexts: [...texts], tooltipHtmlHasTag: tag };
}

async function openInChromium(file: string, hoverChart?: number): Promise<{ tooltipTexts: string[]; tooltipHtmlHasTag: boolean; state: { errors: string[]; total: number; rendered: number }; errors: string[]; dialogs: string[]; requests: string[]; svgCount: number; marks: number[]; imgs: number; tableText: string }> {
  browser ??= await (await import('playwright-core')).chromium.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  try {
    const errors: string[] = [];
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction('window.__sigscoreReport && window.__sigscoreReport.done === true', undefined, { timeout: 60_000 });
    return {
      state: (await page.evaluate('window.__sigscoreReport')) as { errors: string[]; total: number; rendered: number },
      errors, dialogs, requests,
      svgCount: (await page.evaluate(`document.querySelectorAll('.chart[data-rendered="true"] svg.marks').length`)) as number,
      marks: (await page.evaluate(`Array.from(document.querySelectorAll('.chart')).map((c) => c.querySelectorAll('svg.marks path, svg.marks text, svg.marks line').length)`)) as number[],
      imgs: (await page.evaluate(`document.querySelectorAll('img').length`)) as number,
      tableText: (await page.evaluate(`(document.querySelector('table td') || {}).textContent`)) as string,
      ...(await hover(page, hoverChart)),
    };
  } finally {
    await page.close();
  }
}

describe.skipIf(!haveChromium)('report in headless Chromium', () => {
  afterAll(async () => { await browser?.close(); });
  it('renders every chart with no script error, no dialog and no network request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigscore-report-'));
    const file = join(dir, 'report.html');
    try {
      await writeReportFile(exampleReport(), file);
      const r = await openInChromium(file, Object.keys(exampleSpecs()).indexOf('heatmap'));
      expect(r.state.errors).toEqual([]);
      expect(r.errors).toEqual([]);
      expect(r.dialogs).toEqual([]);
      expect(r.requests).toEqual([]);
      expect(r.state.total).toBe(Object.keys(exampleSpecs()).length);
      expect(r.state.rendered).toBe(r.state.total);
      expect(r.svgCount).toBe(r.state.total);
      for (const n of r.marks) expect(n).toBeGreaterThan(20);
      expect(r.imgs).toBe(0);
      expect(r.tableText).toBe(EVIL[0]);
      // tooltips work and show hostile sample names as text, never as markup
      expect(r.tooltipTexts.length).toBeGreaterThan(5);
      expect(r.tooltipTexts.some((t) => t.includes(EVIL[0]))).toBe(true);
      expect(r.tooltipHtmlHasTag).toBe(false);
      expect(r.dialogs).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('sigscore report on a results directory renders every chart it recognised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigscore-report-cli-'));
    try {
      const f = writeResultTables(join(dir, 'out'));
      const out = join(dir, 'report.html');
      const code = await run(['report', join(dir, 'out'), '--clinical', f['clinical.tsv'], '-o', out, '--quiet']);
      expect(code).toBe(0);
      const html = readFileSync(out, 'utf8');
      for (const s of ['Differential expression', 'Survival', 'Cox model', 'Biomarker screen', 'Variable importance', 'Correlation', 'Predicted probability', 'Gene-set enrichment', 'Signature scores']) expect(html).toContain(s);
      expect(html).not.toContain(EVIL[0]);
      const r = await openInChromium(out);
      expect(r.state.errors).toEqual([]);
      expect(r.errors).toEqual([]);
      expect(r.dialogs).toEqual([]);
      expect(r.requests).toEqual([]);
      expect(r.state.total).toBe(10);
      expect(r.state.rendered).toBe(r.state.total);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
