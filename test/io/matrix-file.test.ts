import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMatrixTextFile } from '../../src/io/node/matrix-file.js';
import { parseMatrixText, type MatrixReadOptions } from '../../src/io/matrix-text.js';
import { rng } from '../../src/core/random.js';
import { DataError } from '../../src/core/errors.js';
import { createWorkerPool } from '../../src/io/node/worker-pool.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigscore-matrix-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function file(content: string | Uint8Array): string {
  const path = join(dir, `m${fileNo++}.tsv`);
  writeFileSync(path, content);
  return path;
}

type Outcome = { genes: string[]; samples: string[]; data: number[]; annotation: unknown } | { error: string; name: string };

function outcomeOf(f: () => { genes: readonly string[]; samples: readonly string[]; x: { data: Float64Array }; geneAnnotation?: unknown }): Outcome {
  try {
    const es = f();
    return { genes: [...es.genes], samples: [...es.samples], data: [...es.x.data], annotation: es.geneAnnotation };
  } catch (e) {
    return { error: (e as Error).message, name: (e as Error).name };
  }
}

async function outcomeOfAsync(p: Promise<{ genes: readonly string[]; samples: readonly string[]; x: { data: Float64Array }; geneAnnotation?: unknown }>): Promise<Outcome> {
  try {
    const es = await p;
    return outcomeOf(() => es);
  } catch (e) {
    return { error: (e as Error).message, name: (e as Error).name };
  }
}

/** The chunked file reader gives what parseMatrixText gives on the whole bytes (values compared bit for bit by toEqual's Object.is). */
async function expectSameAsWhole(content: string | Uint8Array, options: MatrixReadOptions = {}, chunks = [1024, 1500, 4096, 1 << 16]): Promise<Outcome> {
  const path = file(content);
  const whole = outcomeOf(() => parseMatrixText(content, { ...options, source: path }));
  for (const chunkBytes of chunks) {
    const got = await outcomeOfAsync(readMatrixTextFile(path, { ...options, chunkBytes }));
    expect(got, `chunkBytes ${chunkBytes}`).toEqual(whole);
  }
  return whole;
}

/** A seeded matrix text with varied number spellings, NA tokens, quoted ids and the given line ending. */
function matrixText(seed: number, nrow: number, ncol: number, eol: string): string {
  const r = rng(seed, 0);
  const cell = (): string => {
    const u = r.uniform();
    if (u < 0.02) return ['NA', '', 'NaN', 'Inf', '-Inf', '"3.5"', ' 7 ', '1e400', '123456789012345678'][Math.floor(r.uniform() * 9)];
    if (u < 0.4) return String(Math.round((8 + 2.5 * r.normal()) * 1e6) / 1e6);
    if (u < 0.6) return String(Math.floor(r.uniform() * 100000));
    if (u < 0.7) return (r.normal() * 1e-3).toExponential(Math.floor(r.uniform() * 12));
    if (u < 0.8) return String(r.normal() * 1e12);
    if (u < 0.9) return ['-0', '+3', '1.', '.5', '-.25', '1E5', '1e+05', '1e-22', '1e22', '00012.5000', '0e0'][Math.floor(r.uniform() * 11)];
    return String(r.normal());
  };
  const lines = ['gene\t' + Array.from({ length: ncol }, (_, j) => `S${j}`).join('\t')];
  for (let i = 0; i < nrow; i++) {
    const id = i % 7 === 3 ? `"g ${i}"` : `g${i}`;
    lines.push(id + '\t' + Array.from({ length: ncol }, cell).join('\t'));
  }
  return lines.join(eol) + eol;
}

describe('readMatrixTextFile (chunked)', () => {
  it('reads the same values, bit for bit, as parseMatrixText on the whole file, whatever the chunk size', async () => {
    const text = matrixText(1, 300, 40, '\n');
    const out = await expectSameAsWhole(text);
    expect('data' in out && out.data.length).toBe(300 * 40);
  });

  it('handles CRLF, a BOM, blank lines anywhere, no final newline and lines longer than a chunk', async () => {
    const crlf = matrixText(2, 120, 30, '\r\n');
    await expectSameAsWhole(crlf);
    await expectSameAsWhole('\uFEFF' + crlf.slice(0, -2));
    const lines = matrixText(3, 150, 25, '\n').split('\n');
    const blanky = lines.map((l, i) => (i % 13 === 5 ? '\n\r\n' + l : l)).join('\n') + '\n\n\n';
    await expectSameAsWhole(blanky);
    await expectSameAsWhole('\n\n' + matrixText(4, 20, 700, '\n'));
    await expectSameAsWhole(matrixText(5, 40, 600, '\n').slice(0, -1));
  });

  it('grows the matrix when the first chunk over- or underestimates the row count', async () => {
    const long = (i: number): string => `g${i}\t"${'x'.repeat(300)}"\t${i}.5`;
    const short = (i: number): string => `g${i}\t"a"\t${i}`;
    const longFirst = ['id\tnote\tA', ...Array.from({ length: 2000 }, (_, i) => (i < 100 ? long(i) : short(i)))].join('\n');
    const shortFirst = ['id\tnote\tA', ...Array.from({ length: 2000 }, (_, i) => (i < 1500 ? short(i) : long(i)))].join('\n');
    for (const executor of [undefined, createWorkerPool({ threads: 2 })]) {
      for (const text of [longFirst, shortFirst]) {
        const path = file(text);
        const whole = outcomeOf(() => parseMatrixText(text, { skipColumns: 1, source: path }));
        for (const chunkBytes of [4096, 16384]) expect(await outcomeOfAsync(readMatrixTextFile(path, { skipColumns: 1, chunkBytes, executor }))).toEqual(whole);
      }
      await executor?.close();
    }
  });

  it('keeps annotation columns, skipColumns auto and R write.table headers', async () => {
    const body = Array.from({ length: 400 }, (_, i) => `g${i}\tsym${i}\t"desc, ${i}"\t${i}.5\t-${i}`).join('\n');
    await expectSameAsWhole('id\tsymbol\tdesc\tA\tB\n' + body + '\n', { skipColumns: 'auto' });
    await expectSameAsWhole('id\tsymbol\tdesc\tA\tB\n' + body + '\n', { skipColumns: ['desc', 'symbol'] });
    await expectSameAsWhole('symbol\tdesc\tA\tB\n' + body + '\n', { skipColumns: 2 });
    await expectSameAsWhole('id,A,B\n' + Array.from({ length: 400 }, (_, i) => `"g,${i}",${i},${-i}`).join('\n'));
  });

  it('reports the same errors with the same file:line:column as parseMatrixText', async () => {
    const good = matrixText(6, 200, 20, '\n').split('\n');
    const at = (i: number, line: string): string => [...good.slice(0, i), line, ...good.slice(i + 1)].join('\n');
    const cases = [
      at(150, good[150].replace(/\t[^\t]*$/, '')), // ragged: a field missing
      at(170, good[170] + '\t1'), // ragged: a field too many
      at(160, good[160].replace(/\t[^\t]*/, '\tabc')), // non-numeric cell
      at(1, good[1].replace(/\t[^\t]*/, '\tabc')), // non-numeric cell on the first row (hint)
      at(180, 'g4\t' + good[180].split('\t').slice(1).join('\t')), // duplicate gene id
      at(190, '"unterminated\t1'), // unterminated quote
      at(120, '\t' + good[120].split('\t').slice(1).join('\t')), // empty id
      'gene\tA\tB' + '\n'.repeat(3000), // header only, then blank lines past the first chunk
      '\n'.repeat(3000), // only blank lines
    ];
    for (const c of cases) {
      const out = await expectSameAsWhole(c);
      expect('error' in out, c.slice(0, 40)).toBe(true);
    }
  });

  it('reads gzip, and names a missing file, a directory and an empty file like readBytes', async () => {
    const text = matrixText(7, 300, 10, '\n');
    const gz = file(gzipSync(Buffer.from(text)));
    for (const chunkBytes of [1024, 4096, 1 << 20]) expect((await readMatrixTextFile(gz, { chunkBytes })).x.data).toEqual(parseMatrixText(text).x.data);
    const cut = gzipSync(Buffer.from(text));
    const truncated = file(cut.subarray(0, cut.length >> 1));
    for (const chunkBytes of [1024, 1 << 20]) await expect(readMatrixTextFile(truncated, { chunkBytes })).rejects.toThrow(`${truncated}: gzip data is truncated or corrupt`);
    await expect(readMatrixTextFile(file(gzipSync(Buffer.alloc(0))), { chunkBytes: 64 })).rejects.toThrow(DataError);
    await expect(readMatrixTextFile(join(dir, 'absent.tsv'))).rejects.toThrow(DataError);
    await expect(readMatrixTextFile(join(dir, 'absent.tsv'))).rejects.toThrow(/absent\.tsv/);
    const sub = join(dir, 'adir');
    mkdirSync(sub);
    await expect(readMatrixTextFile(sub)).rejects.toThrow(/adir/);
    await expect(readMatrixTextFile(file(''))).rejects.toThrow(DataError);
  });
});

describe('readMatrixTextFile on a worker pool', () => {
  it('gives bit-identical values, ids, annotation and errors with 1 and 2 workers and in one thread', async () => {
    const pools = [createWorkerPool({ threads: 1 }), createWorkerPool({ threads: 2 })];
    try {
      const lines = matrixText(8, 3000, 40, '\n').split('\n');
      const blanky = lines.map((l, i) => (i % 501 === 250 ? '\n' + l : l)).join('\n');
      const annotated = 'id\tsym\tA\tB\n' + Array.from({ length: 20000 }, (_, i) => `g${i}\t"s,${i}"\t${i}.25\t-${i}e-3`).join('\n');
      const bad = lines.map((l, i) => (i === 2500 ? l.replace(/\t[^\t]*/, '\tx1') : i === 2900 ? l + '\t1' : l)).join('\n');
      for (const [text, options] of [[blanky, {}], [annotated, { skipColumns: 'auto' }], [bad, {}]] as const) {
        const path = file(text);
        const one = await outcomeOfAsync(readMatrixTextFile(path, { ...options }));
        expect(one).toEqual(outcomeOf(() => parseMatrixText(text, { ...options, source: path })));
        for (const executor of pools) {
          for (const chunkBytes of [1 << 17, 3 << 16, 1 << 18]) {
            const got = await outcomeOfAsync(readMatrixTextFile(path, { ...options, executor, chunkBytes }));
            expect(got, `${executor.size} workers, chunkBytes ${chunkBytes}`).toEqual(one);
          }
        }
      }
      const es = await readMatrixTextFile(file(blanky), { executor: pools[1], chunkBytes: 1 << 16 });
      expect(es.x.data.buffer).toBeInstanceOf(SharedArrayBuffer);
      // a gzipped file is split chunk by chunk among the workers
      for (const text of [blanky, bad]) {
        const gz = file(gzipSync(Buffer.from(text)));
        const one = outcomeOf(() => parseMatrixText(text, { source: gz }));
        for (const chunkBytes of [1 << 17, 1 << 18]) expect(await outcomeOfAsync(readMatrixTextFile(gz, { executor: pools[1], chunkBytes }))).toEqual(one);
      }
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });
});
