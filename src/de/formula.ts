/**
 * The small design-formula language: `~ a + b + factor(c)`, with `0 +` or `- 1` to drop the
 * intercept. A term is a sample-table column name (letters, digits, `.`, `_`, or any text in
 * backticks); `factor(x)` treats a numeric column as categorical. O(length of the formula).
 */
import { UsageError } from '../core/errors.js';
import { deMsg } from './messages.js';

export interface FormulaTerm {
  /** Column name in the sample table. */
  column: string;
  /** Label used in coefficient names (`factor(batch)` for a forced factor, else the column). */
  label: string;
  /** Forced categorical (`factor(...)`). */
  factor: boolean;
}

export interface ParsedFormula {
  intercept: boolean;
  terms: FormulaTerm[];
}

export function parseFormula(formula: string): ParsedFormula {
  const fail = (d: string): never => {
    throw new UsageError(deMsg.formulaSyntax(formula, d));
  };
  let s = formula.trim();
  if (!s.startsWith('~')) fail('it must start with ~');
  s = s.slice(1);
  let intercept = true;
  const terms: FormulaTerm[] = [];
  const seen = new Set<string>();
  let i = 0;
  let sign = 1;
  let expectTerm = true;
  const ws = (): void => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  ws();
  if (i >= s.length) fail('no terms');
  while (i < s.length) {
    ws();
    if (!expectTerm) {
      if (s[i] === '+') sign = 1;
      else if (s[i] === '-') sign = -1;
      else fail(`expected + or - at position ${i + 2}`);
      i++;
      expectTerm = true;
      continue;
    }
    let name: string;
    let factor = false;
    if (s[i] === '`') {
      const j = s.indexOf('`', i + 1);
      if (j < 0) fail('unclosed backtick');
      name = s.slice(i + 1, j);
      i = j + 1;
    } else {
      const m = /^[A-Za-z0-9_.]+/.exec(s.slice(i));
      if (!m) fail(`unexpected ${JSON.stringify(s[i])} at position ${i + 2}`);
      name = m![0];
      i += name.length;
      ws();
      if (name === 'factor' && s[i] === '(') {
        const j = s.indexOf(')', i);
        if (j < 0) fail('unclosed parenthesis');
        name = s.slice(i + 1, j).trim().replace(/^`|`$/g, '');
        if (!name) fail('empty factor()');
        factor = true;
        i = j + 1;
      }
    }
    if (name === '0' || name === '1') {
      const on = (name === '1') === (sign === 1);
      intercept = on;
    } else {
      if (sign === -1) fail(`removing term ${JSON.stringify(name)} is not supported`);
      if (/^[0-9.]+$/.test(name)) fail(`unexpected number ${name}`);
      const label = factor ? `factor(${name})` : name;
      if (!seen.has(label)) terms.push({ column: name, label, factor });
      seen.add(label);
    }
    expectTerm = false;
    sign = 1;
    ws();
  }
  if (expectTerm) fail('it ends with an operator');
  return { intercept, terms };
}
