/** Helpers shared by the sub-commands: output by extension, warnings, errors, progress. */
import { extname } from 'node:path';
import { SigscoreError } from '../src/core/errors.js';
import { writeAtomic } from '../src/io/node/files.js';
import { formatTable, tableToRecords, type Cell } from '../src/io/write-text.js';

/** Global options every command receives. */
export interface GlobalArgs {
  threads?: number;
  seed?: number;
  quiet: boolean;
}

/** Print an error as one line and return the exit code. Stack traces only with SIGSCORE_DEBUG. */
export function reportError(e: unknown): number {
  if (e instanceof SigscoreError) {
    process.stderr.write(`sigscore: ${e.message}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  process.stderr.write(`sigscore: internal error: ${err?.message ?? String(e)}\n`);
  if (process.env.SIGSCORE_DEBUG) process.stderr.write(`${err?.stack}\n`);
  return 1;
}

/** Warnings go to stderr unless --quiet. */
export function warn(args: { quiet?: boolean }, warnings: readonly string[]): void {
  if (args.quiet) return;
  for (const w of warnings) process.stderr.write(`sigscore: warning: ${w}\n`);
}

/** A progress reporter that writes to stderr only when it is a terminal. */
export function progress(args: { quiet?: boolean }): (text: string) => void {
  if (args.quiet || !process.stderr.isTTY) return () => {};
  return (text) => process.stderr.write(`\r\x1b[K${text}`);
}

/**
 * Write a column-oriented table to `path`: `.json` → array of records (with `meta` when given),
 * `.csv` → CSV, anything else → TSV. Atomic; refuses to overwrite `inputs`.
 */
export async function writeTableFile(
  path: string,
  columns: Record<string, ArrayLike<Cell>>,
  options: { inputs?: readonly string[]; meta?: Record<string, unknown> } = {},
): Promise<void> {
  const ext = extname(path.replace(/\.gz$/, '')).toLowerCase();
  let text: string;
  if (ext === '.json') {
    const rows = tableToRecords(columns);
    text = JSON.stringify(options.meta ? { ...options.meta, rows } : rows, null, 1) + '\n';
  } else text = formatTable(columns, { delimiter: ext === '.csv' ? ',' : '\t' });
  await writeAtomic(path, text, { inputs: options.inputs });
}

/** Write JSON atomically. */
export async function writeJsonFile(path: string, value: unknown, options: { inputs?: readonly string[] } = {}): Promise<void> {
  await writeAtomic(path, JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1) + '\n', options);
}
