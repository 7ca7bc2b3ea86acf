/**
 * Seeded synthetic cohorts for forest conformance: 124 patients × 230 covariates, the first 10
 * informative (coefficients 2.5·0.8^k, k = 0…9), the rest noise; pairs of noise covariates are
 * correlated (ρ ≈ 0.7) as clinical covariates are. Endpoints: binary (logistic), survival
 * (exponential hazards, uniform censoring), rare binary (exactly 8 events).
 * `node --import tsx test/helpers/forest-cohorts.ts DIR` writes them as CSV for the R script.
 */
import { rng } from '../../src/core/random.js';

export interface SynthCohort {
  names: string[];
  /** Column-major, x[v * n + i]. */
  x: Float64Array;
  n: number;
  p: number;
  binary: Int32Array;
  rare: Int32Array;
  time: Float64Array;
  status: Uint8Array;
}

export function forestCohort(seed = 2024, n = 124, p = 230): SynthCohort {
  const r = rng(seed);
  const x = new Float64Array(n * p);
  for (let v = 0; v < p; v++) for (let i = 0; i < n; i++) x[v * n + i] = r.normal();
  for (let v = 20; v + 1 < p; v += 10) for (let i = 0; i < n; i++) x[(v + 1) * n + i] = 0.7 * x[v * n + i] + 0.71 * x[(v + 1) * n + i];
  const beta = Array.from({ length: 10 }, (_, k) => 2.5 * 0.8 ** k);
  const lp = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let k = 0; k < 10; k++) lp[i] += beta[k] * x[k * n + i];
  const binary = Int32Array.from(lp, (l) => (r.uniform() < 1 / (1 + Math.exp(-l)) ? 1 : 0));
  const noisy = Array.from(lp, (l, i) => [l + 0.8 * r.normal(), i] as const).sort((a, b) => b[0] - a[0]);
  const rare = new Int32Array(n);
  for (let k = 0; k < 8; k++) rare[noisy[k][1]] = 1;
  const time = new Float64Array(n);
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = -Math.log(r.uniform() || 1e-12) / (0.1 * Math.exp(0.6 * lp[i]));
    const c = 5 + 25 * r.uniform();
    time[i] = Math.round(Math.min(t, c) * 1000) / 1000 + 0.001;
    status[i] = t <= c ? 1 : 0;
  }
  return { names: Array.from({ length: p }, (_, v) => (v < 10 ? `inf${v + 1}` : `noise${v - 9}`)), x, n, p, binary, rare, time, status };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const dir = process.argv[2] ?? '/tmp/forest-cohorts';
  mkdirSync(dir, { recursive: true });
  const c = forestCohort();
  const lines = [['binary', 'rare', 'time', 'status', ...c.names].join(',')];
  for (let i = 0; i < c.n; i++) {
    const row = [c.binary[i], c.rare[i], c.time[i], c.status[i]] as (number | string)[];
    for (let v = 0; v < c.p; v++) row.push(c.x[v * c.n + i].toPrecision(17));
    lines.push(row.join(','));
  }
  writeFileSync(`${dir}/cohort.csv`, lines.join('\n') + '\n');
  process.stdout.write(`${dir}/cohort.csv: ${c.n} × ${c.p}, binary events ${c.binary.reduce((a, b) => a + b, 0)}, survival events ${c.status.reduce((a, b) => a + b, 0)}\n`);
}
