/** Worker side of `createWorkerPool`: import the module, call the export, post the result. */
import { parentPort } from 'node:worker_threads';

const cache = new Map<string, Record<string, unknown>>();

parentPort!.on('message', async (m: { module: string; fn: string; args: unknown[] }) => {
  try {
    let mod = cache.get(m.module);
    if (!mod) {
      mod = (await import(m.module)) as Record<string, unknown>;
      cache.set(m.module, mod);
    }
    const f = mod[m.fn];
    if (typeof f !== 'function') throw new Error(`${m.module} has no export ${m.fn}`);
    const value = await (f as (...a: unknown[]) => unknown)(...m.args);
    parentPort!.postMessage({ ok: true, value });
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ ok: false, error: { message: err?.message ?? String(e), name: err?.name, stack: err?.stack } });
  }
});
