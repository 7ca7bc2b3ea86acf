/**
 * Merge parsed RCC files into one ExpressionSet: probes × samples raw counts, probe annotation
 * (`CodeClass`, `Accession`) and sample annotation (every header, sample and lane attribute).
 */
import { DataError } from '../../core/errors.js';
import { createMatrix } from '../../core/matrix.js';
import type { Annotation, ExpressionSet } from '../../core/expression-set.js';
import { rccMsg } from './messages.js';
import type { RccFile } from './rcc.js';

export interface MergeRccOptions {
  /** Where sample ids come from: the RCC `ID` sample attribute (the file name when it is empty) or the file name without `.RCC`. Default `'id'`. */
  sampleId?: 'id' | 'file';
  /** Allow files from different codesets, keeping only the probes all share. Default `false`. */
  allowMixed?: boolean;
}

export interface MergedRcc {
  set: ExpressionSet;
  warnings: string[];
}

/** `dir/a.RCC` → `a`. */
export const rccFileStem = (file: string): string => file.replace(/^.*[\\/]/, '').replace(/\.rcc$/i, '');

/** Lane `ID` becomes `LaneID`; other lane keys that clash with sample keys get a `Lane` prefix. */
function annotationKeys(f: RccFile): [string, string][] {
  const out: [string, string][] = [['FileName', f.file.replace(/^.*[\\/]/, '')]];
  for (const [k, v] of f.header) out.push([k, v]);
  for (const [k, v] of f.sampleAttributes) out.push([k, v]);
  for (const [k, v] of f.laneAttributes) out.push([k === 'ID' || f.sampleAttributes.has(k) || f.header.has(k) ? `Lane${k}` : k, v]);
  return out;
}

/** Merge RCC files (same codeset unless `allowMixed`). Throws DataError on duplicate ids or mixed codesets. */
export function mergeRcc(files: readonly RccFile[], options: MergeRccOptions = {}): MergedRcc {
  const { sampleId = 'id', allowMixed = false } = options;
  if (files.length === 0) throw new DataError(rccMsg.noFiles());
  const warnings: string[] = [];
  const first = files[0];
  // sample ids
  const samples: string[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const id = sampleId === 'file' ? rccFileStem(f.file) : f.sampleAttributes.get('ID') || rccFileStem(f.file);
    const prev = seen.get(id);
    if (prev !== undefined) throw new DataError(rccMsg.duplicateSampleId(id, prev, f.file));
    seen.set(id, f.file);
    samples.push(id);
  }
  // codeset consistency: shared probes in the first file's order
  const index = files.map((f) => new Map(f.probes.name.map((n, i) => [n, i] as const)));
  const rlf0 = first.sampleAttributes.get('GeneRLF') ?? '';
  let shared = first.probes.name.slice();
  for (let s = 1; s < files.length; s++) {
    const f = files[s];
    const rlf = f.sampleAttributes.get('GeneRLF') ?? '';
    const onlyB = f.probes.name.filter((n) => !index[0].has(n)).length;
    const onlyA = first.probes.name.filter((n) => !index[s].has(n)).length;
    if (!allowMixed && rlf !== rlf0) throw new DataError(rccMsg.mixedCodesets(rlf0, first.file, rlf, f.file));
    if (!allowMixed && (onlyA || onlyB)) throw new DataError(rccMsg.mixedProbes(first.file, f.file, onlyA, onlyB));
    shared = shared.filter((n) => index[s].has(n));
  }
  if (shared.length === 0) throw new DataError(rccMsg.noSharedProbes());
  if (shared.length < first.probes.name.length || files.some((f) => f.probes.name.length !== shared.length)) {
    const all = new Set(files.flatMap((f) => f.probes.name));
    warnings.push(rccMsg.mixedKept(shared.length, all.size - shared.length));
  }
  const nrow = shared.length;
  const ncol = files.length;
  const x = createMatrix(nrow, ncol);
  const codeClass: string[] = [];
  const accession: string[] = [];
  for (let g = 0; g < nrow; g++) {
    const i0 = index[0].get(shared[g])!;
    codeClass.push(first.probes.codeClass[i0]);
    accession.push(first.probes.accession[i0]);
    for (let s = 0; s < ncol; s++) {
      const i = index[s].get(shared[g])!;
      const cls = files[s].probes.codeClass[i];
      if (cls !== codeClass[g]) throw new DataError(rccMsg.classConflict(shared[g], first.file, codeClass[g], files[s].file, cls));
      x.data[g * ncol + s] = files[s].probes.count[i];
    }
  }
  // sample annotation: union of keys in first-seen order
  const sampleAnnotation: Annotation = new Map();
  files.forEach((f, s) => {
    for (const [k, v] of annotationKeys(f)) {
      let col = sampleAnnotation.get(k);
      if (!col) sampleAnnotation.set(k, (col = new Array<string>(ncol).fill('')));
      col[s] = v;
    }
  });
  const geneAnnotation: Annotation = new Map([
    ['CodeClass', codeClass],
    ['Accession', accession],
  ]);
  return { set: { x, genes: shared, samples, geneAnnotation, sampleAnnotation }, warnings };
}
