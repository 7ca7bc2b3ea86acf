/** Write the simulated example cohort to a directory: clinical.tsv, rnaseq_counts.tsv, rcc/, truth.json. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { simulateCohort, type CohortOptions } from './cohort.js';
import { writeAtomic } from '../src/io/node/files.js';
import { formatTable, formatMatrixText } from '../src/io/write-text.js';
import { matrixFrom } from '../src/core/matrix.js';
import { createExpressionSet } from '../src/core/expression-set.js';

export async function writeExampleCohort(dir: string, options: CohortOptions = {}): Promise<string[]> {
  const c = simulateCohort(options);
  await mkdir(join(dir, 'rcc'), { recursive: true });
  const written: string[] = [];
  const put = async (name: string, text: string): Promise<void> => {
    await writeAtomic(join(dir, name), text);
    written.push(join(dir, name));
  };
  await put('clinical.tsv', formatTable(c.clinical));
  const { genes, samples, counts } = c.rnaseq;
  await put('rnaseq_counts.tsv', formatMatrixText(createExpressionSet(matrixFrom(genes.length, samples.length, counts), genes, samples)));
  for (const [name, text] of c.rcc) await put(join('rcc', name), text);
  await put('truth.json', JSON.stringify(c.truth, null, 1) + '\n');
  await put(
    'README.txt',
    'Simulated example trial cohort written by `sigscore demo` (seeded). No real patient is represented.\n' +
      'clinical.tsv: one row per patient; rnaseq_counts.tsv: raw counts, genes x samples; rcc/: NanoString RCC files;\n' +
      'truth.json: the effects planted by the simulator.\n',
  );
  return written;
}

// `node --import tsx examples/write-cohort.ts <dir> [seed]` writes the cohort without the demo.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'demo-output/data';
  writeExampleCohort(dir, { seed: process.argv[3] ? Number(process.argv[3]) : 42 }).then((w) => process.stdout.write(`${w.length} files in ${dir}\n`));
}
