/**
 * Executor on node:worker_threads. Workers import the task's module by URL and call the named
 * export. From `.ts` sources (tests, tsx) a worker cannot load TypeScript by itself on Node 20,
 * so it starts from a small bootstrap that registers tsx first; from `dist/` it loads the
 * compiled runner directly.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Executor, Task } from '../../core/pool.js';
import { inlineExecutor } from '../../core/pool.js';

const RUNNER_TS = new URL('./worker-runner.ts', import.meta.url).href;
const RUNNER_JS = new URL('./worker-runner.js', import.meta.url).href;

function startWorker(): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const code =
      `(async () => { const { register } = await import(${JSON.stringify(tsxApi)}); register();` +
      ` await import(${JSON.stringify(RUNNER_TS)}); })().catch((e) => { throw e; });`;
    return new Worker(code, { eval: true });
  }
  return new Worker(new URL(RUNNER_JS));
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * A pool of `threads` workers (default: all cores). With `threads` = 1 tasks run in this thread.
 * Call `close()` when done.
 */
export function createWorkerPool(options: { threads?: number } = {}): Executor {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  if (threads === 1) return inlineExecutor();
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const pending = new Map<Worker, Pending>();
  const queue: { task: Task<any[], unknown>; p: Pending }[] = [];
  let closed = false;

  const dispatch = (): void => {
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const { task, p } = queue.shift()!;
      pending.set(w, p);
      w.ref(); // keep the process alive while a task runs
      w.postMessage({ module: task.module, fn: task.fn, args: task.args });
    }
  };
  const spawn = (): void => {
    const w = startWorker();
    w.on('message', (m: { ok: boolean; value?: unknown; error?: { message: string; name: string; stack?: string } }) => {
      const p = pending.get(w);
      pending.delete(w);
      idle.push(w);
      w.unref(); // an idle pool never holds the process open
      if (p) {
        if (m.ok) p.resolve(m.value);
        else {
          const e = new Error(m.error?.message ?? 'worker task failed');
          e.name = m.error?.name ?? 'Error';
          p.reject(e);
        }
      }
      dispatch();
    });
    w.on('error', (e) => {
      const p = pending.get(w);
      pending.delete(w);
      if (p) p.reject(e);
    });
    w.unref();
    workers.push(w);
    idle.push(w);
  };
  for (let i = 0; i < threads; i++) spawn();

  return {
    size: threads,
    run<R>(tasks: Task<any[], R>[]): Promise<R[]> {
      if (closed) return Promise.reject(new Error('pool is closed'));
      const promises = tasks.map(
        (task) =>
          new Promise<R>((resolve, reject) => {
            queue.push({ task: task as Task<any[], unknown>, p: { resolve: resolve as (v: unknown) => void, reject } });
          }),
      );
      dispatch();
      return Promise.all(promises);
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
