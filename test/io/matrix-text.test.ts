import { describe, it, expect } from 'vitest';
import { parseMatrixText, parseNumericCell } from '../../src/io/matrix-text.js';
import { rng } from '../../src/core/random.js';
import { ParseError, DataError } from '../../src/core/errors.js';
import { errorOf } from '../helpers/error-of.js';

const enc = new TextEncoder();


describe('parseMatrixText', () => {
  it('reads a TSV: gene ids, sample ids, values row-major', () => {
    const es = parseMatrixText('gene\tA\tB\ng1\t1\t2.5\ng2\t-3\t4e2\n');
    expect(es.genes).toEqual(['g1', 'g2']);
    expect(es.samples).toEqual(['A', 'B']);
    expect([...es.x.data]).toEqual([1, 2.5, -3, 400]);
  });

  it('sniffs comma and semicolon, accepts a given delimiter', () => {
    expect([...parseMatrixText('id,A,B\ng,1,2\n').x.data]).toEqual([1, 2]);
    expect([...parseMatrixText('id;A;B\ng;1;2\n').x.data]).toEqual([1, 2]);
    expect(parseMatrixText('id|A|B\ng|1|2\n', { delimiter: '|' }).samples).toEqual(['A', 'B']);
  });

  it('handles a UTF-8 BOM, CRLF, quoted header cells and no final newline', () => {
    const es = parseMatrixText(enc.encode('\uFEFF"gene"\t"S 1"\t"S,2"\r\n"g1"\t1\t2\r\ng2\t3\t4'));
    expect(es.samples).toEqual(['S 1', 'S,2']);
    expect(es.genes).toEqual(['g1', 'g2']);
    expect([...es.x.data]).toEqual([1, 2, 3, 4]);
  });

  it('reads NA, NaN, empty, Inf, -Inf and quoted numbers', () => {
    const es = parseMatrixText('g\ta\tb\tc\td\te\tf\nx\tNA\tNaN\t\tInf\t-Inf\t"7"\n');
    const d = [...es.x.data];
    expect(d.slice(0, 3).every(Number.isNaN)).toBe(true);
    expect(d.slice(3)).toEqual([Infinity, -Infinity, 7]);
  });

  it('is bit-identical to Number() on 100 000 varied decimal texts', () => {
    const r = rng(11, 0);
    const texts: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const u = r.uniform();
      const kind = i % 8;
      texts.push(
        kind === 0 ? String(r.normal() * 10) :
        kind === 1 ? (r.normal() * 5).toFixed(1 + (i % 7)) :
        kind === 2 ? String(Math.floor(u * 1e9)) :
        kind === 3 ? (u * 1e-5).toExponential(i % 17) :
        kind === 4 ? String(r.normal() * 1e300) :
        kind === 5 ? '0.' + '12345678901234567890123'.slice(0, 1 + (i % 23)) :
        kind === 6 ? (u * 1e6).toPrecision(1 + (i % 21)) :
        kind === 7 && i % 16 === 7
          ? ['-0', '+3', '1.', '.5', '1E5', '1e-22', '1e22', '123456789012345678', '4.9e-324', '9007199254740993', '-1.7976931348623157e308'][(i >> 4) % 11]
          : ['-.25', '+.5', '1.e5', '1e+05', '1E-05', '00012.5000', '0e0', '-0.0', '0.000000000000000000001', '999999999999999', '9007199254740991', '-4503599627370497.5', '12.5e-30', '3e23'][(i >> 4) % 14],
      );
    }
    const ncol = 100;
    const lines = ['g\t' + Array.from({ length: ncol }, (_, j) => `s${j}`).join('\t')];
    for (let i = 0; i < texts.length / ncol; i++) lines.push(`g${i}\t` + texts.slice(i * ncol, (i + 1) * ncol).join('\t'));
    const es = parseMatrixText(lines.join('\n'));
    let mismatches = 0;
    texts.forEach((t, k) => {
      if (!Object.is(es.x.data[k], Number(t))) mismatches++;
    });
    expect(mismatches).toBe(0);
  });

  it('skips annotation columns by count or by name and keeps them as gene annotation', () => {
    const text = 'gene\tsymbol\tA\tlength\tB\nENSG1\tTP53\t1\t100\t2\n';
    const byCount = parseMatrixText('gene\tsymbol\tA\tB\nENSG1\tTP53\t1\t2\n', { skipColumns: 1 });
    expect(byCount.samples).toEqual(['A', 'B']);
    expect(byCount.geneAnnotation?.get('symbol')).toEqual(['TP53']);
    const byName = parseMatrixText(text, { skipColumns: ['symbol', 'length'] });
    expect(byName.samples).toEqual(['A', 'B']);
    expect([...byName.x.data]).toEqual([1, 2]);
    expect(byName.geneAnnotation?.get('length')).toEqual(['100']);
  });

  it('skipColumns auto skips the leading non-numeric columns; otherwise the error hints at them', () => {
    const text = 'probe\tsymbol\tA\tB\n1007_s_at\tMIR4640\t1\t2\n1053_at\tRFC2\t3\t4\n';
    const es = parseMatrixText(text, { skipColumns: 'auto' });
    expect(es.samples).toEqual(['A', 'B']);
    expect(es.geneAnnotation?.get('symbol')).toEqual(['MIR4640', 'RFC2']);
    expect(errorOf(() => parseMatrixText(text)).message).toBe(
      '<input>:2:2: not a number: "MIR4640"; if column "symbol" is an annotation, skip it (--skip-columns symbol or auto)',
    );
    expect(parseMatrixText('g\tA\nx\t1\n', { skipColumns: 'auto' }).samples).toEqual(['A']);
  });

  it('accepts R write.table headers that omit the row-name column', () => {
    const es = parseMatrixText('"A"\t"B"\n"g1"\t1\t2\n');
    expect(es.samples).toEqual(['A', 'B']);
    expect(es.genes).toEqual(['g1']);
  });

  it('skips blank lines and names lines correctly after them', () => {
    const es = parseMatrixText('g\tA\n\ng1\t1\n\n\ng2\t2\n\n');
    expect(es.genes).toEqual(['g1', 'g2']);
    const e = errorOf(() => parseMatrixText('g\tA\n\ng1\t1\n\ng1\t2\n'));
    expect(e.message).toBe('<input>:5:1: duplicate gene id "g1" (first seen on line 3); choose a policy with --duplicates mean|max|sum|first|maxMean');
  });

  it('reports ragged rows with the line and the expected and found field counts', () => {
    expect(errorOf(() => parseMatrixText('g\tA\tB\ng1\t1\t2\ng2\t1\n', { source: 'f.tsv' })).message).toBe('f.tsv:3: expected 3 fields, found 2');
    expect(errorOf(() => parseMatrixText('g\tA\tB\ng1\t1\t2\t3\t4\n', { source: 'f.tsv' })).message).toBe('f.tsv:2: expected 3 fields, found 5');
  });

  it('reports a non-numeric cell with line:column and its text', () => {
    const e = errorOf(() => parseMatrixText('g\tA\tB\ng1\t1\t2\ng2\t1\tabc\n', { source: 'f.tsv' }));
    expect(e).toBeInstanceOf(ParseError);
    expect(e.message).toBe('f.tsv:3:3: not a number: "abc"');
    expect(errorOf(() => parseMatrixText('g\tA\ng1\t0x1F\n')).message).toBe('<input>:2:2: not a number: "0x1F"');
    expect(errorOf(() => parseMatrixText('g\tA\ng1\t1e\n')).message).toBe('<input>:2:2: not a number: "1e"');
  });

  it('rejects duplicate and empty sample ids, empty files and header-only files', () => {
    expect(errorOf(() => parseMatrixText('g\tA\tB\tA\ng1\t1\t2\t3\n')).message).toBe('<input>:1:4: duplicate sample id "A" (also column 2)');
    expect(errorOf(() => parseMatrixText('g\tA\t\tB\ng1\t1\t2\t3\n')).message).toBe('<input>:1:3: empty sample id in the header');
    expect(errorOf(() => parseMatrixText('', { source: 'e.tsv' }))).toBeInstanceOf(DataError);
    expect(errorOf(() => parseMatrixText('\n\n', { source: 'e.tsv' })).message).toBe('e.tsv: file is empty');
    expect(errorOf(() => parseMatrixText('g\tA\tB\n\n', { source: 'h.tsv' })).message).toBe('h.tsv:1: header only, no data rows');
  });

  it('handles n = 1 (one gene, one sample) and huge magnitudes', () => {
    const es = parseMatrixText('g\tA\nx\t1.7976931348623157e308\n');
    expect(es.x.nrow).toBe(1);
    expect(es.x.data[0]).toBe(Number.MAX_VALUE);
  });

  it('applies the duplicate policy and reports it', () => {
    const text = 'g\tA\tB\nx\t1\t10\ny\t5\t5\nx\t3\tNA\n';
    const mean = parseMatrixText(text, { duplicates: 'mean' });
    expect(mean.genes).toEqual(['x', 'y']);
    expect([...mean.x.data]).toEqual([2, 10, 5, 5]);
    expect(mean.report.duplicates).toMatchObject({ policy: 'mean', duplicatedIds: 1, rowsBefore: 3, rowsAfter: 2, examples: ['x'] });
    expect([...parseMatrixText(text, { duplicates: 'max' }).x.data]).toEqual([3, 10, 5, 5]);
    expect([...parseMatrixText(text, { duplicates: 'sum' }).x.data]).toEqual([4, 10, 5, 5]);
    expect([...parseMatrixText(text, { duplicates: 'first' }).x.data]).toEqual([1, 10, 5, 5]);
    expect([...parseMatrixText(text, { duplicates: 'maxMean' }).x.data]).toEqual([1, 10, 5, 5]);
    expect(parseMatrixText(text, { duplicates: 'keep' }).genes).toEqual(['x', 'y', 'x']);
  });

  it('detects Ensembl ids with versions and strips them on request', () => {
    const text = 'g\tA\nENSG00000141510.17\t1\nENSG00000141511.2\t2\nENSG00000141510.18\t3\n';
    expect(errorOf(() => parseMatrixText(text, { stripVersions: true })).message).toMatch(/^<input>:4:1: duplicate gene id "ENSG00000141510" \(first seen on line 2\)/);
    const es = parseMatrixText(text, { stripVersions: true, duplicates: 'sum' });
    expect(es.genes).toEqual(['ENSG00000141510', 'ENSG00000141511']);
    expect(es.report.ids).toMatchObject({ type: 'ensembl', ensembl: 3, ensemblVersioned: 3 });
    expect(es.report.versionsStripped).toBe(3);
  });

  it('reads quoted gene ids holding the delimiter, non-ASCII ids and a trailing delimiter on every line', () => {
    const es = parseMatrixText('gene,"Échantillon 1",B\n"g,1",1,2\n"say ""x""",3,4\nμ-gène,5,6\n');
    expect(es.samples).toEqual(['Échantillon 1', 'B']);
    expect(es.genes).toEqual(['g,1', 'say "x"', 'μ-gène']);
    expect([...es.x.data]).toEqual([1, 2, 3, 4, 5, 6]);
    const trailing = parseMatrixText('gene\tA\tB\t\ng1\t1\t2\t\ng2\t3\t4\t\n');
    expect(trailing.samples).toEqual(['A', 'B']);
    expect([...trailing.x.data]).toEqual([1, 2, 3, 4]);
  });

  it('round-trips ids __proto__, constructor and toString', () => {
    const es = parseMatrixText('__proto__\tconstructor\ttoString\n__proto__\t1\t2\nconstructor\t3\t4\ntoString\t5\t6\n');
    expect(es.samples).toEqual(['constructor', 'toString']);
    expect(es.genes).toEqual(['__proto__', 'constructor', 'toString']);
  });
});

describe('parseNumericCell', () => {
  it('reads NA tokens as NaN and rejects non-decimal literals', () => {
    expect(parseNumericCell('NA')).toBeNaN();
    expect(parseNumericCell(' 2.5 ')).toBe(2.5);
    expect(parseNumericCell('0b101')).toBeUndefined();
    expect(parseNumericCell('Infinity')).toBe(Infinity);
    expect(parseNumericCell('abc')).toBeUndefined();
  });
});
