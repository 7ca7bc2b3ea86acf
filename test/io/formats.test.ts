import { describe, it, expect } from 'vitest';
import { parseGct, formatGct } from '../../src/io/gct.js';
import { parseGmx, formatGmx } from '../../src/io/gmx.js';
import { parseGmt, formatGmt } from '../../src/io/gmt.js';
import { parseArrow, formatArrow, arrowSampleColumns } from '../../src/io/arrow.js';
import { parseMatrixText } from '../../src/io/matrix-text.js';
import { formatMatrixText } from '../../src/io/write-text.js';
import { matrixFormatOf } from '../../src/io/formats.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { matrixFromRows } from '../../src/core/matrix.js';
import { errorOf } from '../helpers/error-of.js';

const odd = ['__proto__', 'constructor', 'toString'];


function sample() {
  return createExpressionSet(matrixFromRows([[1, NaN, -2.5], [1e-300, Infinity, 3], [0.1, 0.2, 0.30000000000000004]]), [...odd], [...odd]);
}

describe('GCT', () => {
  it('parseGct reads 1.2 with the Description as gene annotation', () => {
    const es = parseGct('#1.2\n2\t2\nName\tDescription\tA\tB\ng1\tna\t1\t2\ng2\tsecond\t3\tNA\n');
    expect(es.genes).toEqual(['g1', 'g2']);
    expect(es.samples).toEqual(['A', 'B']);
    expect(es.geneAnnotation?.get('Description')).toEqual(['na', 'second']);
    expect(es.x.data[3]).toBeNaN();
  });

  it('parseGct reads 1.3 row and column metadata', () => {
    const text = '#1.3\n2\t2\t1\t1\nid\tsymbol\tA\tB\ntreated\tna\tyes\tno\ng1\tTP53\t1\t2\ng2\tKRAS\t3\t4\n';
    const es = parseGct(text);
    expect(es.geneAnnotation?.get('symbol')).toEqual(['TP53', 'KRAS']);
    expect(es.sampleAnnotation?.get('treated')).toEqual(['yes', 'no']);
    expect([...es.x.data]).toEqual([1, 2, 3, 4]);
    const again = parseGct(formatGct(es));
    expect(again.sampleAnnotation?.get('treated')).toEqual(['yes', 'no']);
    expect([...again.x.data]).toEqual([1, 2, 3, 4]);
  });

  it('formatGct → parseGct round-trips values bit for bit and odd ids', () => {
    const es = sample();
    const back = parseGct(formatGct(es));
    expect(back.genes).toEqual(odd);
    expect(back.samples).toEqual(odd);
    expect([...back.x.data]).toEqual([...es.x.data]);
  });

  it('parseGct rejects a wrong version line and dimension mismatches', () => {
    expect(errorOf(() => parseGct('gene\tA\n'), ).message).toBe('<input>:1: not a GCT file: first line must be #1.2 or #1.3, found "gene"');
    expect(errorOf(() => parseGct('#1.2\n3\t1\nName\tDescription\tA\ng\tna\t1\n')).message).toBe('<input>:2: GCT header declares 3 rows, found 1');
    expect(errorOf(() => parseGct('#1.2\n1\t2\nName\tDescription\tA\ng\tna\t1\n')).message).toBe('<input>:3: GCT header declares 2 columns, found 1');
    expect(errorOf(() => parseGct('#1.2\nx\nName\tDescription\tA\ng\tna\t1\n')).message).toMatch(/^<input>:2: GCT dimension line/);
  });
});

describe('GMT and GMX', () => {
  it('formatGmx → parseGmx round-trips sets and odd names', () => {
    const sets = [
      { id: '__proto__', description: 'd1', genes: ['constructor', 'toString', 'A'] },
      { id: 'toString', description: '', genes: ['__proto__'] },
    ];
    const back = parseGmx(formatGmx(sets));
    expect(back.map((s) => [s.id, s.description, s.genes])).toEqual(sets.map((s) => [s.id, s.description, s.genes]));
    const gmt = parseGmt(formatGmt(sets));
    expect(gmt.map((s) => s.genes)).toEqual(sets.map((s) => s.genes));
  });

  it('parseGmx and parseGmt reject a set with no genes, naming where', () => {
    expect(errorOf(() => parseGmx('A\tB\nd\td\nx\t\n', { source: 's.gmx' })).message).toBe('s.gmx:1:2: gene set "B" lists no genes');
    expect(errorOf(() => parseGmt('A\td\tx\nB\td\t\n', { source: 's.gmt' })).message).toBe('s.gmt:2: gene set "B" lists no genes');
  });
});

describe('Arrow IPC', () => {
  it('formatArrow → parseArrow round-trips (file and stream) with odd ids', () => {
    const es = sample();
    for (const format of ['file', 'stream'] as const) {
      const back = parseArrow(formatArrow(es, { format }));
      expect(back.genes).toEqual(odd);
      expect(back.samples).toEqual(odd);
      expect([...back.x.data]).toEqual([...es.x.data]);
    }
  });

  it('arrowSampleColumns returns views on the IPC bytes (zero copy) for single-chunk Float64 columns', () => {
    const bytes = formatArrow(sample());
    const { columns } = arrowSampleColumns(bytes);
    expect(columns[0].buffer).toBe(bytes.buffer);
    expect([...columns[2]]).toEqual([-2.5, 3, 0.30000000000000004]);
  });

  it('parseArrow rejects bytes that are not Arrow', () => {
    expect(errorOf(() => parseArrow(new TextEncoder().encode('gene\tA\n'), { source: 'x.arrow' })).message).toMatch(/^x\.arrow: not an Arrow IPC file or stream/);
  });
});

describe('text writers', () => {
  it('formatMatrixText → parseMatrixText round-trips TSV and CSV bit for bit', () => {
    const es = sample();
    for (const delimiter of ['\t', ',']) {
      const back = parseMatrixText(formatMatrixText(es, { delimiter }));
      expect(back.genes).toEqual(odd);
      expect(back.samples).toEqual(odd);
      expect([...back.x.data]).toEqual([...es.x.data]);
    }
  });

  it('matrixFormatOf(path) reads the extension, ignoring .gz', () => {
    expect(matrixFormatOf('a/b.counts.tsv.gz')).toBe('tsv');
    expect(matrixFormatOf('x.CSV')).toBe('csv');
    expect(matrixFormatOf('x.feather')).toBe('arrow');
    expect(matrixFormatOf('x.arrows')).toBe('arrows');
    expect(matrixFormatOf('dir.v2/x')).toBeUndefined();
  });
});
