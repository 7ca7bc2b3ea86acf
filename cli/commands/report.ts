/**
 * `sigscore report <dir|files...> -o report.html`: one self-contained HTML page with a section
 * per analysis found among the inputs (tables recognised by their columns, `.vl.json` specs),
 * in the order of the analysis steps when the directory has a `sigscore analyze` manifest.
 */
import type { CommandModule } from 'yargs';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, basename } from 'node:path';
import { warn, type GlobalArgs } from '../util.js';
import { DataError } from '../../src/core/errors.js';

interface Args extends GlobalArgs {
  inputs: string[];
  output: string;
  title?: string;
  clinical?: string;
  group: string;
}

const TABLE = /\.(tsv|csv|txt|json)(\.gz)?$/i;

/** Files under `dir` (two levels), skipping hidden files, the cohort's `data/` inputs and HTML/images. */
function listFiles(dir: string, depth = 2): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth > 0 && e.name !== 'data' && e.name !== 'node_modules') out.push(...listFiles(p, depth - 1));
    } else if (TABLE.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * Rank of each file in the order of the analysis that wrote it: the `manifest.json` of
 * `sigscore analyze` in `dir` lists each step's outputs in step order. Files it does not list
 * rank after them (their order is kept).
 */
function manifestOrder(dir: string): Map<string, number> {
  const rank = new Map<string, number>();
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { steps?: { outputs?: string[] }[] };
    for (const step of m.steps ?? []) for (const o of step.outputs ?? []) if (!rank.has(o)) rank.set(o, rank.size);
  } catch {
    // no manifest (or not one of ours): keep the listing order
  }
  return rank;
}

export const reportCommand: CommandModule<GlobalArgs, Args> = {
  command: 'report <inputs..>',
  describe: 'assemble a self-contained HTML report (plots and tables) from result files or directories',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'result directories and/or files (TSV/CSV/JSON tables, .vl.json specs)' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'report.html' })
      .option('title', { type: 'string', describe: 'report title' })
      .option('clinical', { type: 'string', describe: 'sample table for score heatmap tracks and box plots (default: <dir>/data/clinical.tsv when present)' })
      .option('group', { type: 'string', default: 'response', describe: 'clinical column that groups samples' }) as any,
  handler: async (args) => {
    const { readPlotTable, readJsonObject, writeReportFile } = await import('../../src/plot/node/index.js');
    const { assembleReport } = await import('../../src/plot/report-auto.js');
    const files: { path: string; name: string }[] = [];
    let clinical = args.clinical;
    const outAbs = resolve(args.output);
    for (const input of args.inputs) {
      if (!existsSync(input)) throw new DataError(`${input}: no such file or directory`);
      if (statSync(input).isDirectory()) {
        const rank = manifestOrder(input);
        const found = listFiles(input).filter((p) => resolve(p) !== outAbs).map((p) => ({ path: p, name: relative(input, p) }));
        const at = (n: string): number => rank.get(n) ?? Infinity;
        files.push(...found.map((f, i) => ({ f, i })).sort((a, b) => at(a.f.name) - at(b.f.name) || a.i - b.i).map((x) => x.f));
        if (!clinical && existsSync(join(input, 'data', 'clinical.tsv'))) clinical = join(input, 'data', 'clinical.tsv');
      } else files.push({ path: input, name: basename(input) });
    }
    const items = [];
    const skipped: string[] = [];
    for (const f of files) {
      try {
        if (/\.vl\.json$/i.test(f.path)) {
          const spec = await readJsonObject(f.path);
          if (typeof spec.$schema === 'string' && spec.$schema.includes('vega-lite')) items.push({ name: f.name, spec: spec as any });
        } else if (/\.json$/i.test(f.path)) {
          const json = await readJsonObject(f.path);
          if (Array.isArray((json as any).rows)) items.push({ name: f.name, table: await readPlotTable(f.path), json });
          else items.push({ name: f.name, json });
        } else items.push({ name: f.name, table: await readPlotTable(f.path) });
      } catch (e) {
        skipped.push(`${f.name}: ${(e as Error).message}`);
      }
    }
    const cl = clinical ? await readPlotTable(clinical) : undefined;
    const { report, warnings } = assembleReport(items, {
      title: args.title ?? 'sigscore report',
      subtitle: `${files.length} result file(s) from ${args.inputs.join(', ')}`,
      clinical: cl,
      group: args.group,
      seed: args.seed ?? 42,
      footer: `sigscore report · seed ${args.seed ?? 42} · ${new Date().toISOString().slice(0, 10)}`,
    });
    if (!report.sections.length) throw new DataError(`no result tables recognised in ${args.inputs.join(', ')}`);
    await writeReportFile(report, args.output, { inputs: [...files.map((f) => f.path), ...(clinical ? [clinical] : [])] });
    warn(args, [...skipped.map((s) => `skipped ${s}`), ...warnings]);
  },
};
