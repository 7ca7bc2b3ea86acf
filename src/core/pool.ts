/**
 * Task execution over a pool. A task names an exported function of an ES module (by the module's
 * URL, usually `import.meta.url`, and the export name) and its arguments, which must be
 * structured-cloneable; typed arrays over `SharedArrayBuffer` pass to workers without copying.
 * `impl` is the same function, used when the task runs in this thread.
 *
 * Results come back in task order, whatever the executor, so a computation that splits its work
 * into tasks by a fixed rule (not by the number of workers) gives bit-identical results for any
 * pool size. Randomness inside a task must come from `rng(seed, taskIndex)`.
 *
 * This module is browser-safe; the worker_threads executor is in `io/node/worker-pool.ts`.
 */
export interface Task<A extends unknown[] = unknown[], R = unknown> {
  /** URL of the module that exports `fn`. */
  module: string;
  /** Export name of the function to call. */
  fn: string;
  args: A;
  /** The function itself, for in-thread execution. */
  impl?: (...args: A) => R | Promise<R>;
}

export interface Executor {
  /** Number of tasks that can run at the same time. */
  readonly size: number;
  run<R>(tasks: Task<any[], R>[]): Promise<R[]>;
  close(): Promise<void>;
}

/** Runs tasks one after another in the calling thread. */
export function inlineExecutor(): Executor {
  return {
    size: 1,
    async run<R>(tasks: Task<any[], R>[]): Promise<R[]> {
      const out: R[] = [];
      for (const t of tasks) {
        let f = t.impl;
        if (!f) {
          const mod = (await import(/* @vite-ignore */ t.module)) as Record<string, (...a: unknown[]) => R>;
          f = mod[t.fn];
          if (typeof f !== 'function') throw new Error(`${t.module} has no export ${t.fn}`);
        }
        out.push(await f(...t.args));
      }
      return out;
    },
    async close() {},
  };
}

/**
 * Split `n` items into contiguous blocks of at most `blockSize`. Block boundaries depend only on
 * `n` and `blockSize`, never on the number of workers.
 */
export function blocks(n: number, blockSize: number): [start: number, end: number][] {
  const out: [number, number][] = [];
  const b = Math.max(1, Math.floor(blockSize));
  for (let s = 0; s < n; s += b) out.push([s, Math.min(n, s + b)]);
  return out;
}
