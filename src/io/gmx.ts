/**
 * GMX gene-set files: the transpose of GMT. Line 1 holds the set names, line 2 their
 * descriptions, and each column below lists a set's genes (empty cells are padding).
 */
import type { GeneSet } from '../core/gene-set.js';
import { ParseError, DataError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { ioMsg } from './messages.js';

const decoder = new TextDecoder('utf-8');

export function parseGmx(input: Uint8Array | string, options: { source?: string } = {}): GeneSet[] {
  const source = options.source ?? '<input>';
  let text = typeof input === 'string' ? input : decoder.decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (!lines.length) throw new DataError(msg.fileEmpty(source));
  const names = lines[0].split('\t').map((s) => s.trim());
  while (names.length && names[names.length - 1] === '') names.pop();
  if (!names.length) throw new ParseError({ file: source, line: 1 }, ioMsg.gmxNoSets());
  const seen = new Map<string, number>();
  names.forEach((n, j) => {
    if (n === '') throw new ParseError({ file: source, line: 1, column: j + 1 }, msg.emptyId());
    if (seen.has(n)) throw new ParseError({ file: source, line: 1, column: j + 1 }, msg.duplicateSet(n));
    seen.set(n, j);
  });
  const desc = (lines[1] ?? '').split('\t');
  const genes: string[][] = names.map(() => []);
  for (let i = 2; i < lines.length; i++) {
    const f = lines[i].split('\t');
    for (let j = 0; j < names.length && j < f.length; j++) {
      const g = f[j].trim();
      if (g !== '') genes[j].push(g);
    }
  }
  return names.map((id, j) => {
    if (!genes[j].length) throw new ParseError({ file: source, line: 1, column: j + 1 }, msg.gmtNoGenes(id));
    return { id, description: (desc[j] ?? '').trim(), genes: genes[j], source };
  });
}

/** Format gene sets as GMX text (columns padded with empty cells). */
export function formatGmx(sets: readonly GeneSet[]): string {
  const depth = sets.reduce((m, s) => Math.max(m, s.genes.length), 0);
  const out = [sets.map((s) => s.id).join('\t'), sets.map((s) => s.description ?? '').join('\t')];
  for (let i = 0; i < depth; i++) out.push(sets.map((s) => s.genes[i] ?? '').join('\t'));
  return out.join('\n') + '\n';
}
