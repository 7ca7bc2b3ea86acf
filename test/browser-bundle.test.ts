import { it, expect } from 'vitest';
import { build } from 'esbuild';

it('src/index.ts bundles for the browser with no node: imports', async () => {
  const result = await build({
    entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    metafile: true,
    external: ['mathjs', 'vega', 'vega-lite'],
  });
  const inputs = Object.keys(result.metafile!.inputs);
  const nodeImports = Object.values(result.metafile!.inputs).flatMap((i) => i.imports.filter((x) => x.path.startsWith('node:')).map((x) => x.path));
  expect(nodeImports).toEqual([]);
  expect(inputs.some((p) => p.includes('io/node/'))).toBe(false);
});
