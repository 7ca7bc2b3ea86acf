/**
 * The small design-formula language: `~ a + b + factor(c)`, interactions `a:b` and `a*b`
 * (= `a + b + a:b`), parentheses `(a + b):c`, removal `- a:b`, and `0 +` or `- 1` to drop the
 * intercept. A variable is a sample-table column name (letters, digits, `.`, `_`, or any text in
 * backticks); `factor(x)` treats a numeric column as categorical.
 *
 * Terms follow R's `terms.formula`: a term is a set of variables, written in the order in which
 * the variables first appear in the formula (`~ age + group + group:age` has the term
 * `age:group`); terms are ordered by degree (main effects, then two-way interactions, ...), and by
 * first appearance within a degree. O(length of the formula × number of terms).
 */
import { UsageError } from '../core/errors.js';
import { deMsg } from './messages.js';

export interface FormulaVariable {
  /** Column name in the sample table. */
  column: string;
  /** Label used in coefficient names (`factor(batch)` for a forced factor, else the column). */
  label: string;
  /** Forced categorical (`factor(...)`). */
  factor: boolean;
}

export interface FormulaTerm {
  /** R's term label: the variable labels joined by `:` (e.g. `group:age`). */
  label: string;
  /** Indices into `ParsedFormula.variables`, increasing (order of first appearance). */
  variables: number[];
}

export interface ParsedFormula {
  intercept: boolean;
  /** Variables in order of first appearance. */
  variables: FormulaVariable[];
  /** Model terms, by degree then first appearance. */
  terms: FormulaTerm[];
}

/** A set of terms during parsing; each term is a sorted list of variable indices. */
type TermSet = number[][];

const key = (t: number[]): string => t.join(',');

function union(a: TermSet, b: TermSet): TermSet {
  const seen = new Set(a.map(key));
  const out = a.slice();
  for (const t of b) if (!seen.has(key(t))) { seen.add(key(t)); out.push(t); }
  return out;
}

/** `A:B`: every term of A joined with every term of B (a variable appears once per term). */
function colon(a: TermSet, b: TermSet): TermSet {
  const out: TermSet = [];
  for (const x of a) for (const y of b) out.push([...new Set([...x, ...y])].sort((p, q) => p - q));
  return union([], out);
}

export function parseFormula(formula: string): ParsedFormula {
  const fail = (d: string): never => {
    throw new UsageError(deMsg.formulaSyntax(formula, d));
  };
  let s = formula.trim();
  if (!s.startsWith('~')) fail('it must start with ~');
  s = s.slice(1);
  const variables: FormulaVariable[] = [];
  const index = new Map<string, number>();
  let intercept = true;
  let i = 0;
  const ws = (): void => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const pos = (): string => `position ${i + 2}`;

  // atom := '(' sum ')' | name | factor(name) | 0 | 1 ; returns null for 0 / 1
  const atom = (): TermSet | '0' | '1' => {
    ws();
    if (i >= s.length) fail('it ends with an operator');
    if (s[i] === '(') {
      i++;
      const inner = sum(false);
      ws();
      if (s[i] !== ')') fail('unclosed parenthesis');
      i++;
      return inner;
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
      if (!m) fail(`unexpected ${JSON.stringify(s[i])} at ${pos()}`);
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
      } else if (name === '0' || name === '1') return name;
    }
    if (!factor && /^[0-9.]+$/.test(name)) fail(`unexpected number ${name}`);
    const label = factor ? `factor(${name})` : name;
    let v = index.get(label);
    if (v === undefined) {
      v = variables.length;
      index.set(label, v);
      variables.push({ column: name, label, factor });
    }
    return [[v]];
  };
  const asTerms = (a: TermSet | '0' | '1'): TermSet => (typeof a === 'string' ? fail(`${a} cannot be part of an interaction`) : a);
  // product := colonExpr ('*' colonExpr)* ; colonExpr := atom (':' atom)*
  const colonExpr = (): TermSet | '0' | '1' => {
    const first = atom();
    ws();
    if (s[i] !== ':') return first;
    let acc = asTerms(first);
    while (s[i] === ':') {
      i++;
      acc = colon(acc, asTerms(atom()));
      ws();
    }
    return acc;
  };
  const product = (): TermSet | '0' | '1' => {
    const first = colonExpr();
    ws();
    if (s[i] !== '*') return first;
    let acc = asTerms(first);
    while (s[i] === '*') {
      i++;
      const b = asTerms(colonExpr());
      acc = union(union(acc, b), colon(acc, b));
      ws();
    }
    return acc;
  };
  // sum := ['+'|'-'] product (('+'|'-') product)*
  function sum(top: boolean): TermSet {
    let acc: TermSet = [];
    let first = true;
    for (;;) {
      ws();
      if (i >= s.length || s[i] === ')') {
        if (first) fail('no terms');
        break;
      }
      let sign = 1;
      if (s[i] === '+' || s[i] === '-') {
        sign = s[i] === '-' ? -1 : 1;
        i++;
      } else if (!first) fail(`expected +, -, * or : at ${pos()}`);
      const p = product();
      if (typeof p === 'string') {
        if (!top) fail(`${p} inside parentheses is not supported`);
        intercept = (p === '1') === (sign === 1);
      } else if (sign === 1) acc = union(acc, p);
      else {
        const drop = new Set(p.map(key));
        acc = acc.filter((t) => !drop.has(key(t)));
      }
      first = false;
    }
    return acc;
  }

  ws();
  if (i >= s.length) fail('no terms');
  const all = sum(true);
  if (i < s.length) fail(`unexpected ${JSON.stringify(s[i])} at ${pos()}`);
  const order = all.map((t, k) => ({ t, k })).sort((a, b) => a.t.length - b.t.length || a.k - b.k);
  const terms = order.map(({ t }) => ({ label: t.map((v) => variables[v].label).join(':'), variables: t }));
  // variables used only by removed terms stay listed (R keeps them in the model frame too)
  return { intercept, variables, terms };
}
