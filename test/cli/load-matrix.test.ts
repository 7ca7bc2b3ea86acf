import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './helpers.js';
import { loadMatrix, DEFAULT_MIN_POOL_BYTES } from '../../cli/load-matrix.js';
import { createWorkerPool } from '../../src/io/node/worker-pool.js';
import type { Executor } from '../../src/core/pool.js';
import { rng } from '../../src/core/random.js';

let dir = '';
const p = (name: string): string => join(dir, name);

/** A seeded genes × samples TSV with a few NA, Inf and exponent cells; `bad` puts a non-numeric cell on that data row. */
function tsv(ngenes: number, nsamples: number, seed: number, bad = -1): string {
  const r = rng(seed, 0);
  const parts = [['gene', ...Array.from({ length: nsamples }, (_, j) => `S${j + 1}`)].join('\t')];
  for (let i = 0; i < ngenes; i++) {
    const row = [`G${i + 1}`];
    for (let j = 0; j < nsamples; j++) {
      const u = r.uniform();
      row.push(u < 0.001 ? 'NA' : u < 0.002 ? '-Inf' : u < 0.01 ? (r.normal() * 1e-5).toExponential(9) : String(Math.round((8 + 2.5 * r.normal()) * 1e6) / 1e6));
    }
    if (i === bad) row[7] = '7.5x';
    parts.push(row.join('\t'));
  }
  return parts.join('\n') + '\n';
}

/** A pool of 2 that counts the task batches it runs. */
function countingPool(): Executor & { batches: number } {
  const pool = createWorkerPool({ threads: 2 });
  const counted = {
    size: pool.size,
    batches: 0,
    run: <R>(tasks: Parameters<Executor['run']>[0]) => {
      counted.batches++;
      return pool.run(tasks) as Promise<R[]>;
    },
    close: () => pool.close(),
  };
  return counted;
}

beforeAll(() => {
  dir = tempDir();
  // above the reader's 4 MiB parallel chunk, so the pool really scans byte ranges
  writeFileSync(p('mid.tsv'), tsv(2500, 260, 7));
  writeFileSync(p('mid-bad.tsv'), tsv(2500, 260, 7, 2100));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadMatrix', () => {
  it('reads a text matrix above the threshold on the pool, bit-identical to one thread', async () => {
    const size = statSync(p('mid.tsv')).size;
    expect(size).toBeGreaterThan(4 << 20);
    const one = await loadMatrix(p('mid.tsv'), {}, 1, { minPoolBytes: 1 << 20 });
    const two = await loadMatrix(p('mid.tsv'), {}, 2, { minPoolBytes: 1 << 20 });
    const pool = countingPool();
    try {
      const reused = await loadMatrix(p('mid.tsv'), {}, 2, { minPoolBytes: 1 << 20, executor: pool });
      expect(pool.batches).toBeGreaterThan(0);
      for (const es of [two, reused]) {
        expect(es.genes).toEqual(one.genes);
        expect(es.samples).toEqual(one.samples);
        expect(es.x.data.length).toBe(2500 * 260);
        let same = 0;
        for (let k = 0; k < one.x.data.length; k++) if (Object.is(es.x.data[k], one.x.data[k])) same++;
        expect(same).toBe(one.x.data.length);
      }
      // below the threshold the pool is left alone
      const before = pool.batches;
      await loadMatrix(p('mid.tsv'), {}, 2, { minPoolBytes: size + 1, executor: pool });
      expect(pool.batches).toBe(before);
    } finally {
      await pool.close();
    }
  });

  it('gives the one-thread error, with file:line:column, on the pool', async () => {
    const msg = async (threads: number): Promise<string> =>
      loadMatrix(p('mid-bad.tsv'), {}, threads, { minPoolBytes: 1 << 20 }).then(
        () => 'no error',
        (e: Error) => e.message,
      );
    const one = await msg(1);
    expect(one).toContain(`${p('mid-bad.tsv')}:2102:8`);
    expect(one).toContain('7.5x');
    expect(await msg(2)).toBe(one);
  });

  it('leaves the missing-file message to the reader', async () => {
    await expect(loadMatrix(p('none.tsv'), {}, 2, { minPoolBytes: 1 })).rejects.toThrow(/none\.tsv/);
  });
});

describe('sigscore convert --threads', () => {
  it('writes the same Arrow file with --threads 1 and 2 from a TSV above the default threshold', async () => {
    const big = p('big.tsv');
    writeFileSync(big, tsv(4000, 460, 11));
    expect(statSync(big).size).toBeGreaterThanOrEqual(DEFAULT_MIN_POOL_BYTES);
    for (const t of ['1', '2']) {
      const r = await cli(['convert', big, p(`big-${t}.arrow`), '--threads', t, '--quiet']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(readFileSync(p('big-2.arrow')).equals(readFileSync(p('big-1.arrow')))).toBe(true);
  });
});
