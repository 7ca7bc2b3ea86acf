/**
 * `sigscore nanostring qc|normalize`: read RCC files (files, directories, .zip archives), merge
 * them, then write the QC table or the nSolver-style normalised matrix and its factors.
 */
import type { Argv, CommandModule } from 'yargs';
import { extname } from 'node:path';
import type { GlobalArgs } from '../util.js';
import { warn, writeTableFile } from '../util.js';
import { UsageError } from '../../src/core/errors.js';
import type { ExpressionSet } from '../../src/core/expression-set.js';
import { collectRccSources, readRlfFile } from '../../src/io/node/rcc-inputs.js';
import { writeAtomic } from '../../src/io/node/files.js';
import { parseRcc, checkRccAgainstRlf, mergeRcc } from '../../src/io/rcc/index.js';
import { formatMatrixText } from '../../src/io/write-text.js';
import { qcNanoString, normalizeNanoString, type NanoStringQc, type BackgroundEstimate, type BackgroundMethod } from '../../src/normalize/nanostring/index.js';

interface Args extends GlobalArgs {
  inputs: string[];
  out: string;
  'sample-id': 'id' | 'file';
  'allow-mixed': boolean;
  rlf?: string;
  sprint: boolean;
  'drop-pos-f': boolean;
  housekeeping?: string;
  qc?: string;
  factors?: string;
  scale: 'log2' | 'linear';
  background: BackgroundMethod;
  'background-estimate': BackgroundEstimate;
  'background-sd': number;
  'auto-housekeeping': number;
  'log2-floor': number;
  'min-imaging': number;
  'binding-density'?: string;
  'min-linearity': number;
  'lod-sd': number;
  'positive-factor-range': string;
  'housekeeping-factor-range': string;
  'min-housekeeping-geomean': number;
}

const common = (y: Argv<GlobalArgs>): Argv<Args> =>
  y
    .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'RCC files, directories of RCC files, or .zip archives' })
    .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'output table (.tsv, .csv or .json)' })
    .option('sample-id', { choices: ['id', 'file'] as const, default: 'id' as const, describe: 'sample ids from the RCC ID attribute or the file name' })
    .option('allow-mixed', { type: 'boolean', default: false, describe: 'allow different codesets, keeping only the probes all files share' })
    .option('rlf', { type: 'string', describe: 'RLF (codeset) file: check every RCC against it' })
    .option('housekeeping', { type: 'string', describe: 'comma-separated reference genes (default: the Housekeeping class)' })
    .option('drop-pos-f', { type: 'boolean', default: false, describe: 'leave POS_F out of the positive-control geometric mean' })
    .option('sprint', { type: 'boolean', default: false, describe: 'nCounter SPRINT data: binding density limit 1.8 instead of 2.25' })
    .option('min-imaging', { type: 'number', default: 0.75, describe: 'QC: minimum FovCounted/FovCount' })
    .option('binding-density', { type: 'string', describe: 'QC: binding density range MIN,MAX (default 0.1,2.25; 0.1,1.8 with --sprint)' })
    .option('min-linearity', { type: 'number', default: 0.95, describe: 'QC: minimum positive-control R²' })
    .option('lod-sd', { type: 'number', default: 2, describe: 'QC: k in POS_E > mean(NEG) + k·SD(NEG)' })
    .option('positive-factor-range', { type: 'string', default: '0.3,3', describe: 'QC: positive scaling factor range MIN,MAX' })
    .option('housekeeping-factor-range', { type: 'string', default: '0.1,10', describe: 'QC: housekeeping scaling factor range MIN,MAX' })
    .option('min-housekeeping-geomean', { type: 'number', default: 32, describe: 'QC: minimum housekeeping geometric mean' }) as unknown as Argv<Args>;

/** `"0.1,2.25"` → [0.1, 2.25]; a UsageError names the option otherwise. */
function range(name: string, s: string): [number, number] {
  const v = s.split(',').map((x) => Number(x.trim()));
  if (v.length !== 2 || !v.every(Number.isFinite) || v[0] > v[1]) throw new UsageError(`--${name} must be MIN,MAX with MIN ≤ MAX, got ${JSON.stringify(s)}`);
  return [v[0], v[1]];
}

/** Read, check and merge the RCC inputs. */
async function load(args: Args): Promise<{ set: ExpressionSet; inputs: string[] }> {
  const sources = await collectRccSources(args.inputs);
  const files = sources.map((s) => parseRcc(s.text, { file: s.file }));
  if (args.rlf) {
    const rlf = await readRlfFile(args.rlf);
    for (const f of files) checkRccAgainstRlf(f, rlf);
  }
  const merged = mergeRcc(files, { sampleId: args['sample-id'], allowMixed: args['allow-mixed'] });
  warn(args, merged.warnings);
  return { set: merged.set, inputs: [...args.inputs, ...sources.map((s) => s.file), ...(args.rlf ? [args.rlf] : [])] };
}

const hkList = (s?: string): string[] => (s ? s.split(',').map((g) => g.trim()).filter(Boolean) : []);

function qcColumns(q: NanoStringQc) {
  return {
    sample: q.sample, status: q.status,
    imaging: q.imaging, imaging_flag: q.imagingFlag,
    binding_density: q.bindingDensity, binding_flag: q.bindingFlag,
    positive_linearity: q.positiveLinearity, linearity_flag: q.linearityFlag,
    pos_e: q.posE, lod_threshold: q.lodThreshold, lod_flag: q.lodFlag,
    positive_factor: q.positiveFactor, positive_flag: q.positiveFlag,
    housekeeping_geomean: q.housekeepingGeoMean, housekeeping_geomean_flag: q.housekeepingGeoMeanFlag,
    housekeeping_factor: q.housekeepingFactor, housekeeping_flag: q.housekeepingFlag,
    pct_above_background: q.percentAboveBackground,
  };
}

async function writeQc(path: string, set: ExpressionSet, args: Args, inputs: string[]): Promise<void> {
  const [minPositiveFactor, maxPositiveFactor] = range('positive-factor-range', args['positive-factor-range']);
  const [minHousekeepingFactor, maxHousekeepingFactor] = range('housekeeping-factor-range', args['housekeeping-factor-range']);
  const bd = args['binding-density'] ? range('binding-density', args['binding-density']) : undefined;
  const q = qcNanoString(set, {
    sprint: args.sprint, dropPosF: args['drop-pos-f'], housekeeping: hkList(args.housekeeping), minImaging: args['min-imaging'],
    minBindingDensity: bd?.[0], maxBindingDensity: bd?.[1], minLinearity: args['min-linearity'], lodSd: args['lod-sd'],
    minPositiveFactor, maxPositiveFactor, minHousekeepingFactor, maxHousekeepingFactor, minHousekeepingGeoMean: args['min-housekeeping-geomean'],
  });
  warn(args, q.warnings);
  await writeTableFile(path, qcColumns(q), { inputs, meta: { params: q.params } });
}

const qcCommand: CommandModule<GlobalArgs, Args> = {
  command: 'qc <inputs..>',
  describe: 'per-sample QC (imaging, binding density, positive linearity, limit of detection, scaling factors) with pass/warn/fail',
  builder: (y) => common(y).usage('sigscore nanostring qc data/rcc/ -o qc.tsv'),
  handler: async (args) => {
    const { set, inputs } = await load(args);
    await writeQc(args.out, set, args, inputs);
  },
};

const normalizeCommand: CommandModule<GlobalArgs, Args> = {
  command: 'normalize <inputs..>',
  describe: 'nSolver-style normalisation: positive controls, background, housekeeping, log2',
  builder: (y) =>
    common(y)
      .usage('sigscore nanostring normalize data/rcc/ -o normalized.tsv --factors factors.tsv [--qc qc.tsv]')
      .option('qc', { type: 'string', describe: 'also write the QC table here' })
      .option('factors', { type: 'string', describe: 'write the per-sample factors table here' })
      .option('scale', { choices: ['log2', 'linear'] as const, default: 'log2' as const, describe: 'output scale' })
      .option('log2-floor', { type: 'number', default: 1, describe: 'values below this are raised to it before log2' })
      .option('background', { choices: ['none', 'threshold', 'subtract'] as const, default: 'threshold' as const, describe: 'use of the negative-control background' })
      .option('background-estimate', { choices: ['mean-sd', 'max', 'mean'] as const, default: 'mean-sd' as const, describe: 'background per lane from the negatives' })
      .option('background-sd', { type: 'number', default: 2, describe: 'k in mean + k·SD' })
      .option('auto-housekeeping', { type: 'number', default: 0, describe: 'keep the N most stable reference genes (geNorm); 0 = off' }) as unknown as Argv<Args>,
  handler: async (args) => {
    const { set, inputs } = await load(args);
    const outs = [args.out, args.factors, args.qc].filter((s): s is string => !!s);
    if (new Set(outs).size !== outs.length) throw new UsageError('--out, --factors and --qc must be different files');
    const r = normalizeNanoString(set, {
      dropPosF: args['drop-pos-f'], background: args.background, backgroundEstimate: args['background-estimate'],
      backgroundSd: args['background-sd'], housekeeping: hkList(args.housekeeping), autoHousekeeping: args['auto-housekeeping'],
      scale: args.scale, log2Floor: args['log2-floor'],
    });
    warn(args, r.warnings);
    if (args.qc) await writeQc(args.qc, set, args, inputs);
    if (args.factors) {
      const f = r.factors;
      await writeTableFile(args.factors, {
        sample: f.sample, positive_geomean: f.positiveGeoMean, positive_factor: f.positiveFactor, background_threshold: f.backgroundThreshold,
        housekeeping_geomean: f.housekeepingGeoMean, housekeeping_factor: f.housekeepingFactor,
      }, { inputs, meta: { params: r.params, housekeepingGenes: r.housekeepingGenes } });
    }
    const text = formatMatrixText(r.set, { delimiter: extname(args.out).toLowerCase() === '.csv' ? ',' : '\t', idHeader: 'probe' });
    await writeAtomic(args.out, text, { inputs });
  },
};

export const nanostringCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'nanostring <command>',
  describe: 'NanoString nCounter RCC files: QC and nSolver-style normalisation',
  builder: (y) => y.command(qcCommand).command(normalizeCommand).demandCommand(1, 'name a nanostring command: qc or normalize'),
  handler: () => {},
};
