/**
 * Declarative option validation: every option is checked and all violations are reported at
 * once in one `OptionError` (as scikit-learn's parameter constraints).
 */
import { OptionError } from './errors.js';
import { msg } from './messages.js';

export type Constraint =
  | { type: 'number'; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'boolean' }
  | { type: 'string' }
  | { type: 'any' };

export type Spec<T> = { [K in keyof T]-?: Constraint & { required?: boolean } };

/**
 * Merge `options` over `defaults` and validate against `spec`. Unknown keys are violations.
 * Returns the effective options (record them in result `params`).
 */
export function validateOptions<T extends object>(
  options: Partial<T> | undefined,
  defaults: T,
  spec: Spec<T>,
): T {
  const problems: string[] = [];
  const out = { ...defaults } as T;
  const given = (options ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(spec, key)) problems.push(msg.optionUnknown(key));
    else if (given[key] !== undefined) (out as Record<string, unknown>)[key] = given[key];
  }
  for (const key of Object.keys(spec) as (keyof T & string)[]) {
    const c = spec[key];
    const v = (out as Record<string, unknown>)[key];
    if (v === undefined) {
      if (c.required) problems.push(msg.optionRequired(key));
      continue;
    }
    switch (c.type) {
      case 'number': {
        if (typeof v !== 'number' || Number.isNaN(v)) {
          problems.push(msg.optionNotNumber(key, v));
          break;
        }
        if (c.integer && !Number.isInteger(v)) problems.push(msg.optionNotInteger(key, v));
        const lo = c.min === undefined ? true : c.minExclusive ? v > c.min : v >= c.min;
        const hi = c.max === undefined ? true : c.maxExclusive ? v < c.max : v <= c.max;
        if (!lo || !hi) {
          const range =
            (c.min !== undefined ? `${c.minExclusive ? '>' : '≥'} ${c.min}` : '') +
            (c.min !== undefined && c.max !== undefined ? ' and ' : '') +
            (c.max !== undefined ? `${c.maxExclusive ? '<' : '≤'} ${c.max}` : '');
          problems.push(msg.optionOutOfRange(key, v, range));
        }
        break;
      }
      case 'enum':
        if (typeof v !== 'string' || !c.values.includes(v)) problems.push(msg.optionNotOneOf(key, v, c.values));
        break;
      case 'boolean':
        if (typeof v !== 'boolean') problems.push(`option ${key} must be true or false, got ${String(v)}`);
        break;
      case 'string':
        if (typeof v !== 'string') problems.push(`option ${key} must be a string, got ${String(v)}`);
        break;
      case 'any':
        break;
    }
  }
  if (problems.length) throw new OptionError(problems);
  return out;
}
