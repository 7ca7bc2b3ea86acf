import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli, tempDir } from './helpers.js';

const odd = ['__proto__', 'constructor', 'toString'];
let dir = '';
const p = (name: string): string => join(dir, name);
const ORIGINAL = `gene\t${odd.join('\t')}\n__proto__\t1\tNA\t-2.5\nconstructor\t1e-300\tInf\t3\ntoString\t0.1\t0.2\t0.30000000000000004\n`;

beforeAll(() => {
  dir = tempDir();
  writeFileSync(p('odd.tsv'), ORIGINAL);
  writeFileSync(p('odd.gmt'), '__proto__\tdesc\tconstructor\ttoString\ntoString\t\t__proto__\n');
  writeFileSync(p('odd-table.csv'), '__proto__,constructor,toString\n__proto__,1,a\nconstructor,2,b\ntoString,3,c\n');
  writeFileSync(p('dup.tsv'), 'gene\tA\tB\nENSG00000000001.1\t1\t10\nENSG00000000002.4\t5\t5\nENSG00000000001.2\t3\tNA\n');
  writeFileSync(p('log.tsv'), 'gene\tA\tB\nTP53\t7.25\t-0.5\nKRAS\t3.1\t12.75\n');
});

describe('sigscore convert', () => {
  it('round-trips ids __proto__, constructor, toString and exact values through TSV → CSV → GCT → Arrow → Arrow stream → JSON → TSV.gz → TSV', async () => {
    const chain = ['odd.tsv', 'a.csv', 'b.gct', 'c.arrow', 'd.arrows', 'e.feather', 'j.json', 'f.tsv.gz', 'g.tsv'];
    for (let k = 1; k < chain.length; k++) {
      const r = await cli(['convert', p(chain[k - 1]), p(chain[k])]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(readFileSync(p('g.tsv'), 'utf8')).toBe(ORIGINAL);
  });

  it('round-trips gene sets with odd names through GMT → GMX → GMT', async () => {
    expect((await cli(['convert', p('odd.gmt'), p('odd.gmx')])).code).toBe(0);
    expect((await cli(['convert', p('odd.gmx'), p('odd2.gmt')])).code).toBe(0);
    expect(readFileSync(p('odd2.gmt'), 'utf8')).toBe(readFileSync(p('odd.gmt'), 'utf8'));
  });

  it('--strip-versions --duplicates mean collapses and reports on stderr', async () => {
    const r = await cli(['convert', p('dup.tsv'), p('dup-mean.tsv'), '--strip-versions', '--duplicates', 'mean']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'sigscore: warning: stripped Ensembl versions from 3 gene ids\n' +
        'sigscore: warning: collapsed 1 repeated gene ids by mean: 3 → 2 rows (e.g. ENSG00000000001)\n',
    );
    expect(readFileSync(p('dup-mean.tsv'), 'utf8')).toBe('gene\tA\tB\nENSG00000000001\t2\t10\nENSG00000000002\t5\t5\n');
    const q = await cli(['convert', p('dup.tsv'), p('dup-max.csv'), '--strip-versions', '--duplicates', 'max', '--quiet']);
    expect(q.stderr).toBe('');
    expect(readFileSync(p('dup-max.csv'), 'utf8')).toBe('gene,A,B\nENSG00000000001,3,10\nENSG00000000002,5,5\n');
  });
});

describe('sigscore inspect', () => {
  it('inspect --json on raw counts and on log values guesses the scale', async () => {
    const r = await cli(['inspect', p('dup.tsv'), '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ genes: 3, samples: 2, missing: 1, duplicateGenes: 0, scale: 'raw counts', integerFraction: 1, min: 1, max: 10 });
    expect(s.ids).toMatchObject({ type: 'ensembl', ensemblVersioned: 3 });
    const l = JSON.parse((await cli(['inspect', p('log.tsv'), '--json'])).stdout);
    expect(l).toMatchObject({ scale: 'log scale', negative: 1 });
    expect(l.ids.type).toBe('symbol');
  });

  it('inspect prints a text summary of a matrix, gene sets and a sample table with odd ids', async () => {
    const m = await cli(['inspect', p('odd.tsv')]);
    expect(m.stdout.split('\n')[0]).toBe(`${p('odd.tsv')}: 3 genes × 3 samples`);
    expect(m.stdout).toContain('missing:    1 NA, 1 infinite');
    const s = await cli(['inspect', p('odd.gmt')]);
    expect(s.stdout).toBe(`${p('odd.gmt')}: 2 gene sets, 1–2 genes each, 3 distinct genes (symbols (3 of 3))\n`);
    const t = JSON.parse((await cli(['inspect', '--kind', 'table', p('odd-table.csv'), '--json'])).stdout);
    expect(t).toMatchObject({ rows: 3, idColumn: '__proto__' });
    expect(t.columns.map((c: { name: string; kind: string }) => [c.name, c.kind])).toEqual([['constructor', 'numeric'], ['toString', 'categorical']]);
  });
});

const here = dirname(fileURLToPath(import.meta.url));
const TCGA = join(here, '../../../shared/data/tcga_stad/tcga_stad_counts_10samples.tsv.gz');
const haveTcga = existsSync(TCGA);
if (!haveTcga) console.warn(`skipping the TCGA-STAD inspect test: ${TCGA} is absent`);

describe.skipIf(!haveTcga)('sigscore inspect on real TCGA-STAD counts', () => {
  it('reports 60 483 Ensembl ids (this file carries no .N versions) and integer raw counts', async () => {
    const r = await cli(['inspect', TCGA, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ genes: 60483, samples: 10, missing: 0, duplicateGenes: 0, integerFraction: 1, scale: 'raw counts', negative: 0 });
    expect(s.ids).toMatchObject({ type: 'ensembl', ensembl: 60483, ensemblVersioned: 0 });
  });
});
