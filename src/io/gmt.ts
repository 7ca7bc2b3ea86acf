/**
 * GMT gene-set files: one set per line, `name<TAB>description<TAB>gene<TAB>gene…`.
 * Empty gene fields are ignored; a set with no genes is an error naming its line.
 */
import type { GeneSet } from '../core/gene-set.js';
import { ParseError, DataError } from '../core/errors.js';
import { msg } from '../core/messages.js';

const decoder = new TextDecoder('utf-8');

export function parseGmt(input: Uint8Array | string, options: { source?: string } = {}): GeneSet[] {
  const source = options.source ?? '<input>';
  let text = typeof input === 'string' ? input : decoder.decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  const sets: GeneSet[] = [];
  const names = new Map<string, number>();
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const f = line.split('\t');
    const where = { file: source, line: i + 1 };
    if (f.length < 3) throw new ParseError(where, msg.gmtTooFewFields());
    const id = f[0].trim();
    if (!id) throw new ParseError({ ...where, column: 1 }, msg.emptyId());
    const genes = f.slice(2).map((g) => g.trim()).filter((g) => g !== '');
    if (!genes.length) throw new ParseError(where, msg.gmtNoGenes(id));
    if (names.has(id)) throw new ParseError(where, msg.duplicateSet(id));
    names.set(id, i + 1);
    sets.push({ id, description: f[1], genes, source });
  });
  if (!sets.length) throw new DataError(msg.fileEmpty(source));
  return sets;
}

/** Format gene sets as GMT text. */
export function formatGmt(sets: readonly GeneSet[]): string {
  return sets.map((s) => [s.id, s.description ?? '', ...s.genes].join('\t')).join('\n') + '\n';
}
