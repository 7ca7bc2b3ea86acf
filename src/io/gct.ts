/**
 * GCT expression files (Broad). 1.2: `#1.2`, `nrow<TAB>ncol`, header `Name Description s1 …`,
 * rows. 1.3: `#1.3`, `nrow ncol nRowMeta nColMeta`, header `id rowMeta… s1 …`, nColMeta lines
 * of per-sample metadata (`name na… v1 …`), rows. Row metadata (1.2's Description) becomes
 * `geneAnnotation`, column metadata `sampleAnnotation`. The rows are read by the byte scanner.
 */
import type { Annotation, ExpressionSet } from '../core/expression-set.js';
import { ParseError, DataError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { ioMsg } from './messages.js';
import { splitFields, lineEnd, nextLine } from './fields.js';
import { scanMatrixBody } from './matrix-scan.js';
import { toBytes, headerLayout, buildExpressionSet, type LoadedExpressionSet, type MatrixReadOptions } from './matrix-text.js';
import { formatNumber } from './write-text.js';

export type GctReadOptions = Omit<MatrixReadOptions, 'delimiter' | 'skipColumns'>;

const decoder = new TextDecoder('utf-8');

/** Read a GCT 1.2 or 1.3 file. O(bytes). Errors name file:line:column. */
export function parseGct(input: Uint8Array | string, options: GctReadOptions = {}): LoadedExpressionSet {
  const source = options.source ?? '<input>';
  const b = toBytes(input);
  let pos = 0;
  const text = (p: number): string => decoder.decode(b.subarray(p, lineEnd(b, p)));
  if (b.length === 0 || text(0).trim() === '') throw new DataError(msg.fileEmpty(source));
  const version = text(0).trim().split('\t')[0];
  if (version !== '#1.2' && version !== '#1.3') throw new ParseError({ file: source, line: 1 }, ioMsg.gctVersion(version));
  pos = nextLine(b, pos);
  const dimText = text(pos);
  const dims = dimText.trim().split(/\s+/).map(Number);
  const want = version === '#1.3' ? 4 : 2;
  if (dims.length < want || dims.slice(0, want).some((v) => !Number.isInteger(v) || v < 0)) {
    throw new ParseError({ file: source, line: 2 }, ioMsg.gctDimensions(dimText));
  }
  const [nrow, ncol] = dims;
  const nRowMeta = version === '#1.3' ? dims[2] : 1;
  const nColMeta = version === '#1.3' ? dims[3] : 0;
  pos = nextLine(b, pos);
  if (pos >= b.length) throw new ParseError({ file: source, line: 2 }, msg.headerOnly());
  const header = splitFields(text(pos), '\t');
  const layout = headerLayout(header, source, nRowMeta, 3);
  if (layout.samples.length !== ncol) throw new ParseError({ file: source, line: 3 }, ioMsg.gctCountMismatch('columns', ncol, layout.samples.length));
  pos = nextLine(b, pos);
  let line = 4;
  let sampleAnnotation: Annotation | undefined;
  if (nColMeta > 0) {
    sampleAnnotation = new Map();
    for (let k = 0; k < nColMeta; k++, line++) {
      if (pos >= b.length) throw new ParseError({ file: source, line }, msg.headerOnly());
      const f = splitFields(text(pos), '\t');
      if (f.length !== header.length) throw new ParseError({ file: source, line }, msg.raggedRow(header.length, f.length));
      sampleAnnotation.set(f[0], f.slice(1 + nRowMeta));
      pos = nextLine(b, pos);
    }
  }
  const scan = scanMatrixBody(b, pos, line, {
    source,
    delim: 9,
    nfields: header.length,
    kind: layout.kind,
    ncol,
    annotationIndex: layout.annotationIndex,
    nannotation: layout.annotationNames.length,
  });
  if (scan.nrow === 0) throw new ParseError({ file: source, line: line - 1 }, msg.headerOnly());
  if (scan.nrow !== nrow) throw new ParseError({ file: source, line: 2 }, ioMsg.gctCountMismatch('rows', nrow, scan.nrow));
  return buildExpressionSet(scan, layout.samples, layout.annotationNames, { source, duplicates: options.duplicates, stripVersions: options.stripVersions }, { sampleAnnotation });
}

export interface GctWriteOptions {
  /** `1.2` (default when there is no sample annotation) or `1.3` (keeps all annotation). */
  version?: '1.2' | '1.3';
}

/** Format an ExpressionSet as GCT text. 1.2 writes the `Description` annotation (or `na`). */
export function formatGct(es: ExpressionSet, options: GctWriteOptions = {}): string {
  const version = options.version ?? (es.sampleAnnotation?.size ? '1.3' : '1.2');
  const { x, genes, samples } = es;
  const rowMeta = version === '1.3' ? [...(es.geneAnnotation ?? new Map<string, string[]>()).entries()] : [];
  const colMeta = version === '1.3' ? [...(es.sampleAnnotation ?? new Map<string, string[]>()).entries()] : [];
  const out: string[] = [];
  if (version === '1.2') {
    const desc = es.geneAnnotation?.get('Description');
    out.push('#1.2', `${x.nrow}\t${x.ncol}`, ['Name', 'Description', ...samples].join('\t'));
    for (let i = 0; i < x.nrow; i++) out.push(rowText(genes[i], [desc ? desc[i] : 'na'], x.data, i * x.ncol, x.ncol));
  } else {
    out.push('#1.3', `${x.nrow}\t${x.ncol}\t${rowMeta.length}\t${colMeta.length}`, ['id', ...rowMeta.map(([k]) => k), ...samples].join('\t'));
    for (const [name, values] of colMeta) out.push([name, ...rowMeta.map(() => 'na'), ...values].join('\t'));
    for (let i = 0; i < x.nrow; i++) out.push(rowText(genes[i], rowMeta.map(([, v]) => v[i]), x.data, i * x.ncol, x.ncol));
  }
  return out.join('\n') + '\n';
}

function rowText(id: string, meta: string[], d: Float64Array, base: number, n: number): string {
  let s = id;
  for (const m of meta) s += '\t' + m;
  for (let j = 0; j < n; j++) s += '\t' + formatNumber(d[base + j]);
  return s;
}
