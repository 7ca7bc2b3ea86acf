/**
 * Shared options of the survival commands (km, logrank, cox, cutpoint, riskgroups): read the
 * clinical table, optionally join a scores table by sample id, and turn --time/--event/--event-code
 * into numeric vectors (NaN = missing). Also writes result tables whose test-level values are
 * repeated as columns in TSV/CSV and kept once as keys in JSON.
 */
import type { Argv } from 'yargs';
import { extname } from 'node:path';
import { DataError } from '../../src/core/errors.js';
import { msg } from '../../src/core/messages.js';
import type { SampleTable, Column } from '../../src/core/sample-table.js';
import { readClinical } from './clinical-args.js';
import { codeEvents } from '../../src/survival/data.js';
import { survivalMsg } from '../../src/survival/messages.js';
import { writeTableFile, type GlobalArgs } from '../util.js';
import type { Cell } from '../../src/io/write-text.js';

export interface SurvivalArgs extends GlobalArgs {
  clinical: string;
  scores?: string;
  time: string;
  event: string;
  'event-code': string;
  'id-column'?: string;
  output: string;
}

export function survivalOptions<T>(y: Argv<T>) {
  return y
    .positional('clinical', { type: 'string', demandOption: true, describe: 'clinical table (TSV/CSV, first column = sample id)' })
    .option('scores', { type: 'string', describe: 'per-sample scores (signatures × samples or samples × scores) joined by sample id' })
    .option('time', { type: 'string', demandOption: true, describe: 'column with the follow-up time (≥ 0)' })
    .option('event', { type: 'string', demandOption: true, describe: 'column with the event indicator' })
    .option('event-code', { type: 'string', default: 'auto', describe: 'event coding: auto, 0/1, 1/2, TRUE/FALSE or <censored>/<event> names (e.g. alive/dead)' })
    .option('id-column', { type: 'string', describe: 'sample id column of the clinical table (default: the first)' })
    .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'output table (.tsv, .csv or .json)' });
}

export interface LoadedSurvival {
  table: SampleTable;
  time: Float64Array;
  event: Float64Array;
  inputs: string[];
  warnings: string[];
}

export function getColumn(table: SampleTable, name: string): Column {
  const c = table.columns.get(name);
  if (!c) throw new DataError(msg.noSuchColumn(name, [...table.columns.keys()]));
  return c;
}

/** Numeric values of a column (categorical → NaN is refused: it must be numeric). */
export function numericColumn(table: SampleTable, name: string): Float64Array {
  const c = getColumn(table, name);
  if (c.kind !== 'numeric') throw new DataError(`column ${JSON.stringify(name)} is not numeric`);
  return c.values;
}

/** Labels of a column as strings (null when missing). */
export function labelColumn(table: SampleTable, name: string): (string | null)[] {
  const c = getColumn(table, name);
  if (c.kind === 'numeric') return Array.from(c.values, (v) => (Number.isNaN(v) ? null : String(v)));
  return Array.from(c.codes, (k) => (k < 0 ? null : c.levels[k]));
}

export async function loadSurvival(args: SurvivalArgs): Promise<LoadedSurvival> {
  const { table, inputs, warnings } = await readClinical(args.clinical, { scores: args.scores, idColumn: args['id-column'], threads: args.threads });
  const time = numericColumn(table, args.time);
  for (let i = 0; i < time.length; i++)
    if (time[i] < 0) throw new DataError(`${args.clinical}: ${survivalMsg.negativeTime(i, time[i])} (sample ${table.ids[i]})`);
  const ev = getColumn(table, args.event);
  const raw = ev.kind === 'numeric' ? Array.from(ev.values) : Array.from(ev.codes, (k) => (k < 0 ? null : ev.levels[k]));
  const { event } = codeEvents(raw, args['event-code']);
  return { table, time, event, inputs, warnings };
}

/** Comma-separated or repeated list option. */
export const list = (v?: string[] | string): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);

/** Write rows plus test-level scalars: JSON keeps scalars once, TSV/CSV repeats them as columns. */
export async function writeResultTable(
  path: string,
  columns: Record<string, ArrayLike<Cell>>,
  scalars: Record<string, Cell>,
  inputs: readonly string[],
  meta: Record<string, unknown> = {},
): Promise<void> {
  const ext = extname(path.replace(/\.gz$/, '')).toLowerCase();
  if (ext === '.json') return writeTableFile(path, columns, { inputs, meta: { ...meta, ...scalars } });
  const nrow = Object.values(columns)[0]?.length ?? 0;
  const all: Record<string, ArrayLike<Cell>> = { ...columns };
  for (const [k, v] of Object.entries(scalars)) all[k] = new Array(nrow).fill(v);
  return writeTableFile(path, all, { inputs });
}
