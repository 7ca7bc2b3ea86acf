import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sigscore } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sigscore-gsea-'));
const genes = Array.from({ length: 300 }, (_, i) => (i === 7 ? '__proto__' : i === 8 ? 'constructor' : `G${i}`));
writeFileSync(join(dir, 'ranks.tsv'), 'gene\tlogFC\tt\n' + genes.map((g, i) => `${g}\t${(150 - i) / 50}\t${(150 - i) / 10}`).join('\n') + '\n');
writeFileSync(join(dir, 'sets.gmt'), `TOP\tfirst genes\t${genes.slice(0, 20).join('\t')}\nMIX\tspread\t${genes.filter((_, i) => i % 15 === 0).join('\t')}\n`);
writeFileSync(join(dir, 'empty.gmt'), 'BAD\tno genes\t\t\n');
writeFileSync(join(dir, 'hits.txt'), 'gene\n' + genes.slice(0, 30).join('\n') + '\n');

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const r = await sigscore(args);
  return { code: r.code, err: r.stderr };
}
afterEach(() => vi.restoreAllMocks());

describe('sigscore gsea / ora', () => {
  it('gsea --ranks uses the t column of a de table and writes fgsea-style columns', async () => {
    const out = join(dir, 'gsea.tsv');
    const r = await cli(['gsea', '--ranks', join(dir, 'ranks.tsv'), '--gene-sets', join(dir, 'sets.gmt'), '--min-size', '5', '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('pathway\tpval\tpadj\tlog2err\tES\tNES\tsize\tleadingEdge');
    const top = lines.find((l) => l.startsWith('TOP\t'))!.split('\t');
    expect(Number(top[4])).toBeCloseTo(1, 12);
    expect(Number(top[1])).toBeLessThan(1e-4);
    expect(top[7].split(',')).toContain('__proto__');
  });

  it('a GMT line with no genes is a one-line data error and nothing is written', async () => {
    const out = join(dir, 'bad.tsv');
    const r = await cli(['gsea', '--ranks', join(dir, 'ranks.tsv'), '--gene-sets', join(dir, 'empty.gmt'), '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/empty\.gmt:1: .*BAD/);
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown rank column is a usage error; --ranks with --expr is a usage error', async () => {
    expect((await cli(['gsea', '--ranks', join(dir, 'ranks.tsv'), '--rank-column', 'nope', '--gene-sets', join(dir, 'sets.gmt'), '-o', join(dir, 'x.tsv')])).code).toBe(2);
    expect((await cli(['gsea', '--ranks', 'a', '--expr', 'b', '--gene-sets', 'c', '-o', join(dir, 'y.tsv')])).code).toBe(2);
  });

  it('refuses to overwrite an input', async () => {
    const r = await cli(['gsea', '--ranks', join(dir, 'ranks.tsv'), '--gene-sets', join(dir, 'sets.gmt'), '--min-size', '5', '-o', join(dir, 'ranks.tsv')]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'ranks.tsv'), 'utf8')).toMatch(/^gene\tlogFC\tt/);
  });

  it('ora writes hypergeometric p-values against the universe', async () => {
    writeFileSync(join(dir, 'universe.txt'), genes.join('\n') + '\n');
    const out = join(dir, 'ora.tsv');
    const r = await cli(['ora', '--genes', join(dir, 'hits.txt'), '--universe', join(dir, 'universe.txt'), '--gene-sets', join(dir, 'sets.gmt'), '-o', out]);
    expect(r.code).toBe(0);
    const top = readFileSync(out, 'utf8').split('\n').find((l) => l.startsWith('TOP\t'))!.split('\t');
    expect(top[1]).toBe('20');
    expect(Number(top[8])).toBeLessThan(1e-15);
  });
});
