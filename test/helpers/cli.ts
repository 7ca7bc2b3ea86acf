/** Run `sigscore` in-process for tests: the exit code and everything written to stderr. */
import { vi } from 'vitest';
import { run } from '../../cli/app.js';

export async function sigscore(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
  try {
    return { code: await run(args), stderr };
  } finally {
    spy.mockRestore();
  }
}
