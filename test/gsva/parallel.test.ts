/** gsva()/ssgsea() give bit-identical scores with 1 and 2 workers. */
import { describe, it, expect, afterAll } from 'vitest';
import { gsva, ssgsea } from '../../src/score/gsva/index.js';
import { createWorkerPool } from '../../src/io/node/worker-pool.js';
import { FIXTURES, readSets, readTsvMatrix } from './fixtures.js';

const x = readTsvMatrix(`${FIXTURES}synth_expr.tsv.gz`);
const sets = readSets(`${FIXTURES}synth_sets.gmt`);
const counts = readTsvMatrix(`${FIXTURES}synth_counts.tsv.gz`);
const countSets = readSets(`${FIXTURES}synth_counts_sets.gmt`);
const pool = createWorkerPool({ threads: 2 });
afterAll(() => pool.close());

describe('gsva()/ssgsea() with a 2-worker pool', () => {
  it('gsva gaussian: bit-identical to the inline executor', async () => {
    const a = await gsva(x, sets, { blockSize: 128, sampleBlockSize: 8 });
    const b = await gsva(x, sets, { executor: pool, blockSize: 128, sampleBlockSize: 8 });
    expect(b.setIds).toEqual(a.setIds);
    expect(Buffer.from(b.scores.data.buffer).equals(Buffer.from(a.scores.data.buffer))).toBe(true);
  }, 60000);
  it('gsva poisson: bit-identical to the inline executor', async () => {
    const a = await gsva(counts, countSets, { kcdf: 'poisson', sampleBlockSize: 4 });
    const b = await gsva(counts, countSets, { kcdf: 'poisson', sampleBlockSize: 4, executor: pool });
    expect(Array.from(b.scores.data)).toEqual(Array.from(a.scores.data));
  }, 60000);
  it('ssgsea: bit-identical to the inline executor', async () => {
    const a = await ssgsea(x, sets, { sampleBlockSize: 8 });
    const b = await ssgsea(x, sets, { sampleBlockSize: 8, executor: pool });
    expect(Array.from(b.scores.data)).toEqual(Array.from(a.scores.data));
  }, 60000);
});
