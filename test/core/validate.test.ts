import { describe, it, expect } from 'vitest';
import { validateOptions } from '../../src/core/validate.js';
import { OptionError } from '../../src/core/errors.js';

interface O { tau: number; kcdf: string; flag: boolean }
const spec = { tau: { type: 'number', min: 0 }, kcdf: { type: 'enum', values: ['gaussian', 'poisson'] }, flag: { type: 'boolean' } } as const;

describe('validateOptions', () => {
  it('merges defaults', () => {
    expect(validateOptions<O>({ tau: 2 }, { tau: 1, kcdf: 'gaussian', flag: false }, spec)).toEqual({ tau: 2, kcdf: 'gaussian', flag: false });
  });
  it('reports every violation at once', () => {
    try {
      validateOptions<O>({ tau: -1, kcdf: 'x', bogus: 1 } as any, { tau: 1, kcdf: 'gaussian', flag: false }, spec);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OptionError);
      expect((e as OptionError).problems).toHaveLength(3);
    }
  });
});
