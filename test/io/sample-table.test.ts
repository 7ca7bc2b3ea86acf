import { describe, it, expect } from 'vitest';
import { parseSampleTable } from '../../src/io/sample-table-text.js';
import { formatTable } from '../../src/io/write-text.js';
import type { CategoricalColumn, NumericColumn } from '../../src/core/sample-table.js';
import { errorOf } from '../helpers/error-of.js';


describe('parseSampleTable', () => {
  it('infers numeric, boolean and categorical columns with NA tokens', () => {
    const t = parseSampleTable('id,age,resp,arm,flag\np1,61,R,A,TRUE\np2,NA,NR,B,false\np3,47.5,,A,T\n');
    expect(t.ids).toEqual(['p1', 'p2', 'p3']);
    const age = t.columns.get('age') as NumericColumn;
    expect(age.kind).toBe('numeric');
    expect(age.values[0]).toBe(61);
    expect(age.values[1]).toBeNaN();
    const resp = t.columns.get('resp') as CategoricalColumn;
    expect(resp.kind).toBe('categorical');
    expect(resp.levels).toEqual(['NR', 'R']);
    expect([...resp.codes]).toEqual([1, 0, -1]);
    expect(t.columns.get('flag')!.kind).toBe('boolean');
    expect([...(t.columns.get('flag') as CategoricalColumn).codes]).toEqual([1, 0, 1]);
  });

  it('handles quotes with delimiters, escaped quotes and line breaks inside quotes, CRLF and a BOM', () => {
    const t = parseSampleTable('\uFEFFid,note,x\r\n"p,1","say ""hi""",1\r\np2,"two\nlines",2\r\np3,plain,3\r\n');
    expect(t.ids).toEqual(['p,1', 'p2', 'p3']);
    expect((t.columns.get('note') as CategoricalColumn).levels).toEqual(['plain', 'say "hi"', 'two\nlines']);
    expect(errorOf(() => parseSampleTable('id,x\np1,1\np2,1\np2,2\n', { source: 'c.csv' })).message).toBe('c.csv:4:1: duplicate sample id "p2" (first seen on line 3)');
    // the row after a two-line cell starts on line 4
    expect(errorOf(() => parseSampleTable('id,n\np1,"a\nb"\np1,c\n', { source: 'c.csv' })).message).toBe('c.csv:4:1: duplicate sample id "p1" (first seen on line 2)');
  });

  it('honours idColumn, categorical and naTokens options', () => {
    const t = parseSampleTable('a\tsid\tcode\n1\ts1\t01\n2\ts2\t-\n', { idColumn: 'sid', categorical: ['code'], naTokens: ['-'] });
    expect(t.ids).toEqual(['s1', 's2']);
    expect(t.idColumn).toBe('sid');
    const code = t.columns.get('code') as CategoricalColumn;
    expect(code.levels).toEqual(['01']);
    expect([...code.codes]).toEqual([0, -1]);
  });

  it('rejects ragged rows, unterminated quotes, empty files, header only and missing id columns', () => {
    expect(errorOf(() => parseSampleTable('id,x\np1,1,2\n', { source: 't.csv' })).message).toBe('t.csv:2: expected 2 fields, found 3');
    expect(errorOf(() => parseSampleTable('id,x\np1,"open\n', { source: 't.csv' })).message).toBe('t.csv:2: unterminated quoted field');
    expect(errorOf(() => parseSampleTable('id,x\np1,"a"b\n', { source: 't.csv' })).message).toMatch(/^t\.csv:2: malformed quoted field/);
    expect(errorOf(() => parseSampleTable(' \n', { source: 't.csv' })).message).toBe('t.csv: file is empty');
    expect(errorOf(() => parseSampleTable('id,x\n', { source: 't.csv' })).message).toBe('t.csv:1: header only, no data rows');
    expect(errorOf(() => parseSampleTable('id,x\np,1\n', { idColumn: 'sample' })).message).toMatch(/^<input>:1: no column "sample"/);
  });

  it('handles n = 1 and a constant column', () => {
    const t = parseSampleTable('id,x\np1,5\n');
    expect((t.columns.get('x') as NumericColumn).values[0]).toBe(5);
  });

  it('round-trips ids and column names __proto__, constructor and toString through formatTable', () => {
    const text = formatTable(new Map<string, string[]>([['__proto__', ['__proto__', 'constructor', 'toString']], ['constructor', ['toString', 'x', 'y']], ['toString', ['1', '2', '3']]]));
    const t = parseSampleTable(text);
    expect(t.idColumn).toBe('__proto__');
    expect(t.ids).toEqual(['__proto__', 'constructor', 'toString']);
    expect([...t.columns.keys()]).toEqual(['constructor', 'toString']);
    expect((t.columns.get('constructor') as CategoricalColumn).levels).toEqual(['toString', 'x', 'y']);
  });
});
