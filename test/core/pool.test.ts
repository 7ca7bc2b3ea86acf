import { describe, it, expect } from 'vitest';
import { blocks, inlineExecutor, type Task } from '../../src/core/pool.js';
import { createWorkerPool } from '../../src/io/node/worker-pool.js';
import { sumBlock } from '../helpers/pool-task.js';

const MODULE = new URL('../helpers/pool-task.ts', import.meta.url).href;

function tasksFor(data: Float64Array): Task<[Float64Array, number, number, number, number], number>[] {
  return blocks(data.length, 1000).map(([s, e], k) => ({ module: MODULE, fn: 'sumBlock', args: [data, s, e, 7, k], impl: sumBlock }));
}

describe('worker pool', () => {
  it('blocks(n, size) covers 0..n in order independent of workers', () => {
    expect(blocks(10, 4)).toEqual([[0, 4], [4, 8], [8, 10]]);
    expect(blocks(0, 4)).toEqual([]);
  });

  it('run(tasks) gives identical results with 1 and 2 workers over SharedArrayBuffer', async () => {
    const data = new Float64Array(new SharedArrayBuffer(8 * 10_000));
    for (let i = 0; i < data.length; i++) data[i] = Math.sin(i);
    const one = await inlineExecutor().run(tasksFor(data));
    const pool = createWorkerPool({ threads: 2 });
    try {
      const two = await pool.run(tasksFor(data));
      expect(two).toEqual(one);
      expect(pool.size).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('a failing task rejects with its message', async () => {
    const pool = createWorkerPool({ threads: 2 });
    try {
      await expect(pool.run([{ module: MODULE, fn: 'nope', args: [] }])).rejects.toThrow(/no export nope/);
    } finally {
      await pool.close();
    }
  });
});
