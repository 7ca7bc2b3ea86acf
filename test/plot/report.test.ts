import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReportHtml, escapeHtml, jsonForScript, inlineScript, type ReportInput } from '../../src/plot/index.js';
import { reportAssets, writeReportFile } from '../../src/plot/node/index.js';
import { exampleSpecs, EVIL } from './examples.js';

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

describe.skipIf(!haveChromium)('report in headless Chromium', () => {
  it('renders every chart with no script error, no dialog and no network request', async () => {
    const { chromium: pw } = await import('playwright-core');
    const dir = mkdtempSync(join(tmpdir(), 'sigscore-report-'));
    const file = join(dir, 'report.html');
    await writeReportFile(exampleReport(), file);
    const browser = await pw.launch({
      executablePath: chromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
      page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction('window.__sigscoreReport && window.__sigscoreReport.done === true', undefined, { timeout: 60_000 });
      const state = (await page.evaluate('window.__sigscoreReport')) as { errors: string[]; total: number; rendered: number };
      const svgCount = await page.evaluate(`document.querySelectorAll('.chart[data-rendered="true"] svg.marks').length`);
      const marks = (await page.evaluate(`Array.from(document.querySelectorAll('.chart')).map((c) => c.querySelectorAll('svg.marks path, svg.marks text, svg.marks line').length)`)) as number[];
      const imgs = await page.evaluate(`document.querySelectorAll('img').length`);
      const tableText = await page.evaluate(`document.querySelector('table td').textContent`);
      expect(state.errors).toEqual([]);
      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(state.rendered).toBe(state.total);
      expect(svgCount).toBe(state.total);
      for (const n of marks) expect(n).toBeGreaterThan(20);
      expect(imgs).toBe(0);
      expect(tableText).toBe(EVIL[0]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
