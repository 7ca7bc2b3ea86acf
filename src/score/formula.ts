/**
 * Derived signatures: a mathjs expression over other signatures' ids, e.g.
 * `"TIS - 0.5 * Myeloid"`, compiled once and evaluated per sample. mathjs is imported only
 * when a collection contains a formula.
 */
import { DataError } from '../core/errors.js';
import { scoreMsg } from './messages.js';
import type { Signature } from './signature.js';

interface MathNode {
  filter(test: (node: MathNode) => boolean): MathNode[];
  compile(): { evaluate(scope: Map<string, number>): unknown };
  type: string;
  name?: string;
}

/** Ids a formula refers to (symbols that are not function names). */
function references(node: MathNode): string[] {
  const names = new Set<string>();
  const fnNames = new Set(node.filter((n) => n.type === 'FunctionNode').map((n) => (n as unknown as { fn: MathNode }).fn?.name ?? ''));
  for (const n of node.filter((m) => m.type === 'SymbolNode')) if (n.name && !fnNames.has(n.name)) names.add(n.name);
  return [...names];
}

/**
 * Evaluate derived signatures in dependency order. `scores` holds the gene-based signatures'
 * scores (id → per-sample values) and receives the derived ones. Unknown references and cycles
 * throw; a NaN component gives NaN.
 */
export async function evaluateFormulas(derived: readonly Signature[], scores: Map<string, Float64Array>, nSamples: number): Promise<void> {
  if (!derived.length) return;
  const math = (await import('mathjs')) as unknown as { parse(expr: string): MathNode };
  const parsed = new Map<string, { node: MathNode; refs: string[] }>();
  for (const sig of derived) {
    let node: MathNode;
    try {
      node = math.parse(sig.formula!);
    } catch (e) {
      throw new DataError(scoreMsg.formulaInvalid(sig.id, (e as Error).message));
    }
    parsed.set(sig.id, { node, refs: references(node) });
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new DataError(scoreMsg.formulaCycle(id));
    state.set(id, 'visiting');
    const p = parsed.get(id)!;
    for (const r of p.refs) {
      if (parsed.has(r)) visit(r);
      else if (!scores.has(r)) throw new DataError(scoreMsg.formulaUnknownRef(id, r));
    }
    const code = p.node.compile();
    const out = new Float64Array(nSamples);
    const scope = new Map<string, number>();
    for (let j = 0; j < nSamples; j++) {
      for (const r of p.refs) scope.set(r, scores.get(r)![j]);
      const v = code.evaluate(scope);
      out[j] = typeof v === 'number' ? v : NaN;
    }
    scores.set(id, out);
    state.set(id, 'done');
  };
  for (const sig of derived) visit(sig.id);
}
