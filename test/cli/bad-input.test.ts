import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { cli, tempDir } from './helpers.js';
import { formatArrow } from '../../src/io/arrow.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { matrixFromRows } from '../../src/core/matrix.js';

let dir = '';

/** A gzip of distinct rows cut in the middle of the compressed stream. */
function truncatedGzip(): Uint8Array {
  const rows = Array.from({ length: 5000 }, (_, i) => `g${i}\t${(i * 7919) % 1000}`).join('\n');
  const gz = gzipSync(Buffer.from(`gene\tA\n${rows}\n`));
  return gz.subarray(0, gz.length >> 1);
}
const p = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = tempDir();
  const files: Record<string, string | Uint8Array> = {
    'ragged.tsv': 'gene\tA\tB\ng1\t1\t2\ng2\t3\n',
    'ragged.csv': 'gene,A,B\ng1,1,2\ng2,1,2,9\n',
    'text.tsv': 'gene\tA\tB\ng1\t1\t2\ng2\t3\tlow\n',
    'dupsample.tsv': 'gene\tA\tB\tA\ng1\t1\t2\t3\n',
    'dupgene.tsv': 'gene\tA\ng1\t1\ng2\t2\ng1\t3\n',
    'empty.tsv': '',
    'header.tsv': 'gene\tA\tB\n',
    'truncated.tsv.gz': truncatedGzip(),
    'ragged.gct': '#1.2\n2\t1\nName\tDescription\tA\ng1\tna\t1\ng2\tna\n',
    'dupsample.gct': '#1.2\n1\t2\nName\tDescription\tA\tA\ng1\tna\t1\t2\n',
    'header.gct': '#1.2\n0\t1\nName\tDescription\tA\n',
    'notarrow.arrow': 'gene\tA\ng1\t1\n',
    'empty.arrow': '',
    'dupgene.arrow': formatArrow(createExpressionSet(matrixFromRows([[1], [2]]), ['g', 'g'], ['A'])),
    'nogenes.gmt': 'SET1\tdesc\tA\tB\nSET2\tdesc\t\n',
    'nogenes.gmx': 'SET1\tSET2\nd\td\nA\t\n',
    'dupid.csv': 'id,x\np1,1\np2,2\np1,3\n',
    'ragged-table.csv': 'id,x\np1,1,5\n',
    'header-table.csv': 'id,x\n',
    'empty-table.csv': '',
    'good.tsv': 'gene\tA\ng1\t1\n',
    'ragged.json': '{"genes":["g1","g2"],"samples":["A","B"],"values":[[1,2],[3]]}',
    'text.json': '{"genes":["g1"],"samples":["A","B"],"values":[[1,"low"]]}',
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(p(name), data);
  mkdirSync(p('adir.tsv'));
});

async function expectError(argv: string[], code: number, message: string | RegExp, output?: string): Promise<void> {
  const before = readdirSync(dir).sort();
  const r = await cli(argv);
  expect(r.code).toBe(code);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  if (typeof message === 'string') expect(lines[0]).toBe(`sigscore: ${message}`);
  else expect(lines[0]).toMatch(message);
  if (output) expect(existsSync(output)).toBe(false);
  expect(readdirSync(dir).sort()).toEqual(before);
}

describe('bad input through the CLI: one line, exit code, nothing written', () => {
  it('convert on a ragged row names the line and the expected and found field counts', async () => {
    await expectError(['convert', p('ragged.tsv'), p('out.tsv')], 1, `${p('ragged.tsv')}:3: expected 3 fields, found 2`, p('out.tsv'));
    await expectError(['convert', p('ragged.csv'), p('out.tsv')], 1, `${p('ragged.csv')}:3: expected 3 fields, found 4`, p('out.tsv'));
    await expectError(['convert', p('ragged.gct'), p('out.tsv')], 1, `${p('ragged.gct')}:5: expected 3 fields, found 2`, p('out.tsv'));
    await expectError(['convert', p('ragged.json'), p('out.tsv')], 1, `${p('ragged.json')}:2: expected 2 fields, found 1`, p('out.tsv'));
  });

  it('convert on a non-numeric cell names line:column and the text', async () => {
    await expectError(['convert', p('text.tsv'), p('out.arrow')], 1, `${p('text.tsv')}:3:3: not a number: "low"`, p('out.arrow'));
    await expectError(['convert', p('text.json'), p('out.tsv')], 1, `${p('text.json')}:1:2: not a number: "low"`, p('out.tsv'));
  });

  it('convert on duplicate sample ids names both columns', async () => {
    await expectError(['convert', p('dupsample.tsv'), p('out.tsv')], 1, `${p('dupsample.tsv')}:1:4: duplicate sample id "A" (also column 2)`, p('out.tsv'));
    await expectError(['convert', p('dupsample.gct'), p('out.tsv')], 1, `${p('dupsample.gct')}:3:4: duplicate sample id "A" (also column 3)`, p('out.tsv'));
  });

  it('convert on duplicate gene ids under the default error policy names both lines', async () => {
    await expectError(
      ['convert', p('dupgene.tsv'), p('out.tsv')],
      1,
      `${p('dupgene.tsv')}:4:1: duplicate gene id "g1" (first seen on line 2); choose a policy with --duplicates mean|max|sum|first|maxMean`,
      p('out.tsv'),
    );
    await expectError(['convert', p('dupgene.arrow'), p('out.tsv')], 1, /dupgene\.arrow:2:1: duplicate gene id "g" \(first seen on line 1\)/, p('out.tsv'));
  });

  it('convert on an empty file, a header-only file and a truncated gzip', async () => {
    await expectError(['convert', p('empty.tsv'), p('out.tsv')], 1, `${p('empty.tsv')}: file is empty`, p('out.tsv'));
    await expectError(['convert', p('header.tsv'), p('out.tsv')], 1, `${p('header.tsv')}:1: header only, no data rows`, p('out.tsv'));
    await expectError(['convert', p('header.gct'), p('out.tsv')], 1, `${p('header.gct')}:3: header only, no data rows`, p('out.tsv'));
    await expectError(['convert', p('truncated.tsv.gz'), p('out.tsv')], 1, `${p('truncated.tsv.gz')}: gzip data is truncated or corrupt`, p('out.tsv'));
    await expectError(['convert', p('empty.arrow'), p('out.tsv')], 1, `${p('empty.arrow')}: file is empty`, p('out.tsv'));
    await expectError(['convert', p('notarrow.arrow'), p('out.tsv')], 1, /notarrow\.arrow: not an Arrow IPC file or stream/, p('out.tsv'));
  });

  it('a GMT or GMX set with no genes names the line', async () => {
    await expectError(['convert', p('nogenes.gmt'), p('out.gmx')], 1, `${p('nogenes.gmt')}:2: gene set "SET2" lists no genes`, p('out.gmx'));
    await expectError(['convert', p('nogenes.gmx'), p('out.gmt')], 1, `${p('nogenes.gmx')}:1:2: gene set "SET2" lists no genes`, p('out.gmt'));
    await expectError(['inspect', p('nogenes.gmt')], 1, `${p('nogenes.gmt')}:2: gene set "SET2" lists no genes`);
  });

  it('sample tables: duplicate ids, ragged rows, header only, empty file', async () => {
    await expectError(['inspect', '--kind', 'table', p('dupid.csv')], 1, `${p('dupid.csv')}:4:1: duplicate sample id "p1" (first seen on line 2)`);
    await expectError(['inspect', '--kind', 'table', p('ragged-table.csv')], 1, `${p('ragged-table.csv')}:2: expected 2 fields, found 3`);
    await expectError(['inspect', '--kind', 'table', p('header-table.csv')], 1, `${p('header-table.csv')}:1: header only, no data rows`);
    await expectError(['inspect', '--kind', 'table', p('empty-table.csv')], 1, `${p('empty-table.csv')}: file is empty`);
  });

  it('a missing file and a directory where a file is expected', async () => {
    await expectError(['inspect', p('nope.tsv')], 1, `${p('nope.tsv')}: no such file`);
    await expectError(['convert', p('nope.tsv'), p('out.tsv')], 1, `${p('nope.tsv')}: no such file`, p('out.tsv'));
    await expectError(['inspect', p('adir.tsv')], 1, `${p('adir.tsv')}: is a directory, expected a file`);
    await expectError(['convert', p('good.tsv'), p('adir.tsv')], 2, `${p('adir.tsv')}: is a directory, expected a file`);
  });

  it('an output path equal to the input path is refused (exit 2) and the input is untouched', async () => {
    await expectError(['convert', p('good.tsv'), p('good.tsv')], 2, `refusing to overwrite input file ${p('good.tsv')}; choose another output path`);
    await expectError(['convert', p('good.tsv'), join(dir, '.', 'good.tsv')], 2, /refusing to overwrite input file/);
  });

  it('an unknown output extension and a bad --duplicates value are usage errors (exit 2)', async () => {
    await expectError(['convert', p('good.tsv'), p('out.xlsx')], 2, /cannot tell the format from the extension/, p('out.xlsx'));
    await expectError(['inspect', p('good.tsv'), '--kind', 'genes'], 2, 'option --kind must be one of matrix|sets|table, got "genes"');
    await expectError(['convert', p('good.tsv'), p('out.tsv'), '--duplicates', 'median'], 2, 'unknown duplicate policy "median"; use error|keep|mean|max|sum|first|maxMean', p('out.tsv'));
  });
});
