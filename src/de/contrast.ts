/**
 * Contrasts from text: `term:A:B` (level A minus level B of a categorical design term; the
 * reference level has coefficient 0) or a linear combination of coefficient names such as
 * `responseR - 0.5*age` (names matched longest-first, so they may contain `(`, `)`, `-` or `:`,
 * as interaction coefficients such as `groupB:age` do).
 * O(length × number of coefficients).
 */
import { UsageError } from '../core/errors.js';
import type { ContrastSet } from './contrasts-fit.js';
import type { DesignTerm } from './design.js';
import { deMsg } from './messages.js';

/** Parse one contrast into weights over the coefficients. */
export function parseContrast(text: string, coefNames: readonly string[], terms: readonly DesignTerm[] = []): Float64Array {
  const p = coefNames.length;
  const w = new Float64Array(p);
  const parts = text.split(':');
  const term = parts.length === 3 && !coefNames.includes(text) ? terms.find((t) => t.label === parts[0].trim()) : undefined;
  const looksLikeNames = parts.length === 3 && coefNames.some((c) => c.includes(':') && text.includes(c));
  if (parts.length === 3 && !coefNames.includes(text) && !looksLikeNames) {
    const [label, a, b] = parts.map((s) => s.trim());
    if (!term || term.kind !== 'categorical') throw new UsageError(deMsg.contrastSyntax(text, `${JSON.stringify(label)} is not a categorical design term`));
    for (const [lev, sgn] of [[a, 1], [b, -1]] as const) {
      const k = term.levels.indexOf(lev);
      if (k < 0) throw new UsageError(deMsg.unknownLevel(label, lev, term.levels));
      if (term.levelColumn[k] >= 0) w[term.levelColumn[k]] += sgn;
    }
    if (w.every((v) => v === 0)) throw new UsageError(deMsg.zeroContrast(text));
    return w;
  }
  const byLength = coefNames.map((c, j) => [c, j] as const).sort((x, y) => y[0].length - x[0].length);
  let i = 0;
  const s = text;
  const ws = (): void => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  let first = true;
  while (true) {
    ws();
    if (i >= s.length) break;
    let sign = 1;
    if (s[i] === '+' || s[i] === '-') {
      sign = s[i] === '-' ? -1 : 1;
      i++;
      ws();
    } else if (!first) throw new UsageError(deMsg.contrastSyntax(text, `expected + or - at position ${i + 1}`));
    let mult = 1;
    const num = /^([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*\*\s*/.exec(s.slice(i));
    if (num) {
      mult = Number(num[1]);
      i += num[0].length;
    }
    const hit = byLength.find(([c]) => s.startsWith(c, i));
    if (!hit) {
      const rest = s.slice(i).split(/[\s+*]/)[0];
      throw new UsageError(deMsg.unknownCoefficient(rest, coefNames));
    }
    w[hit[1]] += sign * mult;
    i += hit[0].length;
    first = false;
  }
  if (first) throw new UsageError(deMsg.contrastSyntax(text, 'empty'));
  if (w.every((v) => v === 0)) throw new UsageError(deMsg.zeroContrast(text));
  return w;
}

/** Parse several contrasts (one F-test over all when more than one). */
export function parseContrasts(texts: readonly string[], coefNames: readonly string[], terms: readonly DesignTerm[] = []): ContrastSet {
  return { names: texts.slice(), weights: texts.map((t) => parseContrast(t, coefNames, terms)) };
}
