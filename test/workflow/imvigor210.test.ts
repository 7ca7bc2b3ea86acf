/**
 * Real data: `sigscore analyze examples/imvigor210-analysis.json` on IMvigor210 (Mariathasan et
 * al. 2018, doi:10.1038/nature25501) reproduces the paper's direction and size — CD8 T-effector
 * higher in responders (AUC ≈ 0.61), pan-fibroblast TGF-β response higher in non-responders
 * (AUC ≈ 0.40) — with the shipped tme-rnaseq signatures.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sigscore } from '../helpers/cli.js';

const DATA = fileURLToPath(new URL('../../../shared/data/imvigor210/', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../examples/imvigor210-analysis.json', import.meta.url));
const present = existsSync(DATA);
if (!present) console.warn(`skipping the IMvigor210 analysis: ${DATA} not found`);

describe.skipIf(!present)('sigscore analyze examples/imvigor210-analysis.json', () => {
  it('finds CD8 T-effector higher in responders (AUC ≈ 0.61) and pan-F-TBRS higher in non-responders (AUC ≈ 0.40)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sigscore-imvigor-'));
    const r = await sigscore(['analyze', CONFIG, '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    const rows = readFileSync(join(out, 'screen.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const head = rows[0];
    const get = (cov: string, endpoint: string, col: string): number =>
      Number(rows.find((x) => x[0] === cov && x[1] === endpoint)![head.indexOf(col)]);
    expect(get('Mariathasan_CD8_T_effector', 'response', 'n')).toBe(298);
    expect(get('Mariathasan_CD8_T_effector', 'response', 'effect')).toBeCloseTo(0.61, 1);
    expect(Math.abs(get('Mariathasan_CD8_T_effector', 'response', 'effect') - 0.61)).toBeLessThan(0.02);
    expect(get('Mariathasan_CD8_T_effector', 'response', 'p')).toBeLessThan(0.05);
    expect(Math.abs(get('Mariathasan_Pan_F_TBRS', 'response', 'effect') - 0.4)).toBeLessThan(0.02);
    expect(get('Mariathasan_Pan_F_TBRS', 'response', 'p')).toBeLessThan(0.05);
    // CD8 T-effector also goes with longer overall survival (HR per unit < 1)
    expect(get('Mariathasan_CD8_T_effector', 'os', 'effect')).toBeLessThan(1);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).steps).toHaveLength(3);
  });
});
