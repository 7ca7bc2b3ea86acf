import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRccInputs } from '../../src/io/node/rcc-inputs.js';
import { mergeRcc } from '../../src/io/rcc/index.js';
import type { ExpressionSet } from '../../src/core/expression-set.js';
import { normalizeNanoString, qcNanoString, type NanoStringNormalizeOptions } from '../../src/normalize/nanostring/index.js';
import { conformanceDir, hasShared, qcproRcc, readTsv } from './helpers.js';

/** Tolerance: 1e-9 relative (absolute 1e-12 near zero), as the issue requires. */
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(b), 1e-3);
let maxRel = 0;
function expectClose(a: number, b: number, what: string): void {
  if (b !== 0) maxRel = Math.max(maxRel, Math.abs(a - b) / Math.abs(b));
  if (!close(a, b)) expect.fail(`${what}: got ${a}, R ${b}`);
}

const CONFIGS: Record<string, NanoStringNormalizeOptions> = {
  A: { background: 'threshold', backgroundEstimate: 'mean-sd', backgroundSd: 2, scale: 'log2' },
  B: { dropPosF: true, background: 'subtract', backgroundEstimate: 'mean', housekeeping: ['PPFIBP2', 'C1orf167'], scale: 'linear' },
  C: { background: 'none', backgroundSd: 3, housekeeping: ['USP19', 'MFSD5', 'ITGA2'], scale: 'log2' },
};

describe.skipIf(!hasShared)('nanostring conformance with the R transcription of nSolver (scripts/nanostring-fixtures.R)', () => {
  let set: ExpressionSet;
  beforeAll(async () => {
    set = mergeRcc(await readRccInputs([qcproRcc]), { sampleId: 'file' }).set;
  });

  for (const [cfg, options] of Object.entries(CONFIGS)) {
    it(`normalizeNanoString(set, config ${cfg}) factors and values equal R to 1e-9 relative`, () => {
      const r = normalizeNanoString(set, options);
      const f = readTsv(readFileSync(join(conformanceDir, `factors_${cfg}.tsv`), 'utf8'));
      expect(f.header).toEqual(['sample', 'positive_geomean', 'positive_factor', 'background_threshold', 'housekeeping_geomean', 'housekeeping_factor']);
      expect(f.rows.length).toBe(25);
      for (const row of f.rows) {
        const j = r.factors.sample.indexOf(row[0]);
        expect(j).toBeGreaterThanOrEqual(0);
        expectClose(r.factors.positiveGeoMean[j], Number(row[1]), `${row[0]} positive geomean`);
        expectClose(r.factors.positiveFactor[j], Number(row[2]), `${row[0]} positive factor`);
        expectClose(r.factors.backgroundThreshold[j], Number(row[3]), `${row[0]} background`);
        expectClose(r.factors.housekeepingGeoMean[j], Number(row[4]), `${row[0]} housekeeping geomean`);
        expectClose(r.factors.housekeepingFactor[j], Number(row[5]), `${row[0]} housekeeping factor`);
      }
      const n = readTsv(readFileSync(join(conformanceDir, `normalized_${cfg}.tsv`), 'utf8'));
      expect(n.rows.length).toBe(set.genes.length);
      const cols = n.header.slice(1).map((s) => r.set.samples.indexOf(s));
      for (const row of n.rows) {
        const g = r.set.genes.indexOf(row[0]);
        for (let k = 1; k < row.length; k++) expectClose(r.set.x.data[g * r.set.x.ncol + cols[k - 1]], Number(row[k]), `${row[0]} × ${n.header[k]}`);
      }
    });
  }

  it('qcNanoString(set) linearity, limit of detection and % above background equal R', () => {
    const q = qcNanoString(set);
    const t = readTsv(readFileSync(join(conformanceDir, 'qc.tsv'), 'utf8'));
    for (const row of t.rows) {
      const j = q.sample.indexOf(row[0]);
      expectClose(q.positiveLinearity[j], Number(row[1]), `${row[0]} R²`);
      expectClose(q.lodThreshold[j], Number(row[2]), `${row[0]} LoD`);
      expectClose(q.percentAboveBackground[j], Number(row[3]), `${row[0]} % above`);
    }
    console.log(`nanostring conformance: max relative difference vs R ${maxRel.toExponential(2)}`);
  });
});
