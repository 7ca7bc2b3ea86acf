import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../cli/helpers.js';
import { hasShared, qcproRcc, qcproRlf } from './helpers.js';

const table = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split('\t'));

describe.skipIf(!hasShared)('sigscore nanostring qc|normalize on the NanoStringQCPro RCCs', () => {
  it('normalize writes probes × samples, the factors table and the QC table', async () => {
    const d = tempDir();
    const r = await cli(['nanostring', 'normalize', qcproRcc, '--sample-id', 'file', '--rlf', qcproRlf, '-o', join(d, 'n.tsv'), '--factors', join(d, 'f.tsv'), '--qc', join(d, 'q.tsv')]);
    expect(r.code).toBe(0);
    const n = table(join(d, 'n.tsv'));
    expect(n[0][0]).toBe('probe');
    expect(n.length).toBe(33);
    expect(n[0].length).toBe(26);
    expect(n.slice(1).every((row) => row.slice(1).every((v) => Number.isFinite(Number(v))))).toBe(true);
    const f = table(join(d, 'f.tsv'));
    expect(f[0]).toEqual(['sample', 'positive_geomean', 'positive_factor', 'background_threshold', 'housekeeping_geomean', 'housekeeping_factor']);
    const q = table(join(d, 'q.tsv'));
    expect(q[0].slice(0, 4)).toEqual(['sample', 'status', 'imaging', 'imaging_flag']);
    // sample 10_2 has binding density 4.12: a binding-density failure
    const bad = q.find((row) => row[0].endsWith('_10_2'))!;
    expect(bad[q[0].indexOf('binding_flag')]).toBe('TRUE');
    expect(bad[1]).toBe('fail');
  });

  it('qc thresholds come from options; a malformed range is a usage error (exit 2) with no output', async () => {
    const d = tempDir();
    const ok = await cli(['nanostring', 'qc', qcproRcc, '--sample-id', 'file', '--binding-density', '0,5', '-o', join(d, 'q.json')]);
    expect(ok.code).toBe(0);
    const j = JSON.parse(readFileSync(join(d, 'q.json'), 'utf8'));
    expect(j.params.maxBindingDensity).toBe(5);
    expect(j.rows.find((r: { sample: string }) => r.sample.endsWith('_10_2')).binding_flag).toBe(false);
    const bad = await cli(['nanostring', 'qc', qcproRcc, '--sample-id', 'file', '--positive-factor-range', '3,0.3', '-o', join(d, 'x.tsv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--positive-factor-range must be MIN,MAX with MIN ≤ MAX');
    expect(existsSync(join(d, 'x.tsv'))).toBe(false);
  });

  it('nanostring with no sub-command is a usage error', async () => {
    const r = await cli(['nanostring']);
    expect(r.code).toBe(2);
  });
});
