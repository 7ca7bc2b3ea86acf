/** Shared start-up of the benchmarks: command-line options and running a bundled copy. */
import { mkdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const argv = process.argv.slice(2);

/** Value of `--name`, or `dflt`. */
export const opt = (name: string, dflt: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};

/**
 * Under tsx, bundle the benchmark with esbuild and run the bundle instead (tsx slows hot loops);
 * returns true when it did, so the caller stops. Compiled runs (dist/bench) return false.
 */
export async function selfBundle(metaUrl: string): Promise<boolean> {
  const self = fileURLToPath(metaUrl);
  if (!self.endsWith('.ts') || process.env.SIGSCORE_BENCH_BUNDLED) return false;
  const { build } = await import('esbuild');
  const out = join(dirname(self), '..', 'node_modules', '.cache', 'sigscore-bench', basename(self).replace(/\.ts$/, '.mjs'));
  mkdirSync(dirname(out), { recursive: true });
  await build({ entryPoints: [self], bundle: true, platform: 'node', format: 'esm', outfile: out, packages: 'external', logLevel: 'warning' });
  const r = spawnSync(process.execPath, [out, ...argv], { stdio: 'inherit', env: { ...process.env, SIGSCORE_BENCH_BUNDLED: '1' } });
  process.exitCode = r.status ?? 1;
  return true;
}
