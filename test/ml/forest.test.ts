import { describe, it, expect } from 'vitest';
import { randomForest } from '../../src/ml/forest/forest.js';
import { forestContext, growTree, leafOf } from '../../src/ml/forest/tree.js';
import { forestData } from '../../src/ml/forest/data.js';
import { janitzaPValues, importanceStability } from '../../src/ml/forest/importance.js';
import { harrellC, aucBinary } from '../../src/ml/forest/oob.js';
import { rng } from '../../src/core/random.js';
import { createWorkerPool } from '../../src/io/node/worker-pool.js';
import { forestCohort } from '../helpers/forest-cohorts.js';

const small = forestCohort(7, 80, 30);
const data = { n: small.n, p: small.p, x: small.x, names: small.names };

describe('growTree', () => {
  it('splits a separable two-class problem at the midpoint and predicts it perfectly', () => {
    const x = Float64Array.from([1, 2, 3, 10, 11, 12]);
    const ctx = forestContext({ n: 6, p: 1, x, names: ['a'] }, { kind: 'binary', y: Int32Array.from([0, 0, 0, 1, 1, 1]), classes: 2 });
    const t = growTree(ctx, Int32Array.from([1, 1, 1, 1, 1, 1]), rng(1), { mtry: 1, minNodeSize: 1, maxDepth: 0 });
    expect(t.splitVar[0]).toBe(0);
    expect(t.splitValue[0]).toBe(6.5);
    expect([0, 1, 2, 3, 4, 5].map((i) => t.leafClass[leafOf(t, x, 6, i)])).toEqual([0, 0, 0, 1, 1, 1]);
    // Gini decrease: Σ n_k²/n per child minus the parent's: 9/3 + 9/3 − 18/6 = 3
    expect(t.impurity[0]).toBeCloseTo(3, 12);
  });

  it('draws a tied leaf class at random (as ranger), from the tree’s generator', () => {
    const x = Float64Array.from([1, 1, 1, 1]);
    const ctx = forestContext({ n: 4, p: 1, x, names: ['a'] }, { kind: 'binary', y: Int32Array.from([0, 1, 0, 1]), classes: 2 });
    const classes = Array.from({ length: 40 }, (_, s) => growTree(ctx, Int32Array.from([1, 1, 1, 1]), rng(s), { mtry: 1, minNodeSize: 1, maxDepth: 0 }).leafClass[0]);
    expect(classes.filter((k) => k === 1).length).toBeGreaterThan(5);
    expect(classes.filter((k) => k === 0).length).toBeGreaterThan(5);
    expect(growTree(ctx, Int32Array.from([1, 1, 1, 1]), rng(3), { mtry: 1, minNodeSize: 1, maxDepth: 0 }).leafClass[0]).toBe(classes[3]);
  });

  it('holds Nelson–Aalen cumulative hazards in survival leaves', () => {
    const x = Float64Array.from([0, 0, 0, 0]);
    const ctx = forestContext({ n: 4, p: 1, x, names: ['a'] }, { kind: 'survival', time: Float64Array.from([1, 2, 3, 4]), status: Uint8Array.from([1, 1, 0, 1]) });
    const t = growTree(ctx, Int32Array.from([1, 1, 1, 1]), rng(1), { mtry: 1, minNodeSize: 3, maxDepth: 0 });
    expect(t.splitVar[0]).toBe(-1);
    // grid = every observed time 1, 2, 3 (censored), 4: H = 1/4, 1/4 + 1/3, unchanged at 3, + 1/1 at 4
    expect([...t.chf]).toEqual([0.25, 0.25 + 1 / 3, 0.25 + 1 / 3, 0.25 + 1 / 3 + 1]);
    expect(t.mortality[0]).toBeCloseTo(0.25 + 2 * (0.25 + 1 / 3) + (0.25 + 1 / 3 + 1), 14);
  });
});

describe('randomForest', () => {
  it('gives identical results with 1 and 2 workers for a seed', async () => {
    const outcome = { kind: 'binary' as const, y: small.binary, classes: 2 };
    const one = await randomForest(data, outcome, { trees: 60, seed: 3, blockSize: 10 });
    const pool = createWorkerPool({ threads: 2 });
    try {
      const two = await randomForest(data, outcome, { trees: 60, seed: 3, blockSize: 10, executor: pool });
      expect(two.permutationImportance).toEqual(one.permutationImportance);
      expect(two.oobScore).toEqual(one.oobScore);
      const s1 = await randomForest(data, { kind: 'survival', time: small.time, status: small.status }, { trees: 30, seed: 3, blockSize: 10 });
      const s2 = await randomForest(data, { kind: 'survival', time: small.time, status: small.status }, { trees: 30, seed: 3, blockSize: 10, executor: pool });
      expect(s2.permutationImportance).toEqual(s1.permutationImportance);
      expect(s2.oobError).toBe(s1.oobError);
    } finally {
      await pool.close();
    }
  });

  it('ranks informative covariates first and reports OOB error, AUC and Brier in range', async () => {
    const f = await randomForest(data, { kind: 'binary', y: small.binary, classes: 2 }, { trees: 300, seed: 1 });
    const top3 = [...f.permutationImportance.keys()].sort((a, b) => f.permutationImportance[b] - f.permutationImportance[a]).slice(0, 3);
    expect(top3.filter((v) => small.names[v].startsWith('inf')).length).toBeGreaterThanOrEqual(2);
    expect(f.oobError).toBeGreaterThanOrEqual(0);
    expect(f.oobError).toBeLessThan(0.45);
    expect(f.auc).toBeGreaterThan(0.6);
    expect(f.brier).toBeGreaterThan(0);
    expect(f.brier).toBeLessThan(0.25);
  });

  it('class-balanced bootstrap on a rare endpoint (8 events) gives finite importances', async () => {
    const f = await randomForest(data, { kind: 'binary', y: small.rare, classes: 2 }, { trees: 100, seed: 1, balanced: true });
    expect(f.permutationImportance.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(f.auc)).toBe(true);
  });

  it('rejects invalid options, all at once', async () => {
    await expect(randomForest(data, { kind: 'binary', y: small.binary, classes: 2 }, { trees: 0, sampling: 'x' as 'bootstrap' })).rejects.toThrow(/2 invalid options/);
  });
});

describe('forestData', () => {
  it('names covariates with missing values, or imputes median/mode when asked', () => {
    const cols = [{ name: 'a', values: Float64Array.from([1, NaN, 3]) }, { name: 'b', values: ['x', null, 'y'] }];
    const outcome = { kind: 'binary' as const, y: Int32Array.from([0, 1, 1]), classes: 2 };
    expect(() => forestData(cols, outcome)).toThrow(/missing values in 2 covariate\(s\): a, b/);
    const r = forestData(cols, outcome, { impute: true });
    expect(r.data.x[1]).toBe(2);
    expect(r.imputed).toHaveLength(2);
    // levels ordered by the outcome: x (0% events) before y (100%)
    expect(r.levelOrder.get('b')).toEqual(['x', 'y']);
  });
});

describe('importance summaries', () => {
  it('janitzaPValues mirrors non-positive importances into a null', () => {
    const imp = Float64Array.from([-0.3, -0.2, -0.1, 0, 0.05, 0.25, 1]);
    const { p } = janitzaPValues(imp);
    // null = {−0.3, −0.2, −0.1, 0.3, 0.2, 0.1, 0}: P(null ≥ 0.25) = 1/7, P(null ≥ 1) = 0
    expect(p[5]).toBeCloseTo(1 / 7, 14);
    expect(p[6]).toBe(0);
  });
  it('importanceStability gives mean, SD, mean rank and top-k frequency', () => {
    const s = importanceStability([Float64Array.from([3, 1, 2]), Float64Array.from([1, 3, 2])], 1);
    expect([...s.mean]).toEqual([2, 2, 2]);
    expect([...s.rankMean]).toEqual([2, 2, 2]);
    expect([...s.topKFreq]).toEqual([0.5, 0.5, 0]);
    expect(s.sd[0]).toBeCloseTo(Math.SQRT2, 14);
  });
  it('harrellC and aucBinary count ties as one half', () => {
    const idx = Int32Array.from([0, 1, 2]);
    expect(harrellC(Float64Array.from([1, 2, 3]), Uint8Array.from([1, 1, 0]), Float64Array.from([3, 2, 2]), idx)).toBeCloseTo(2.5 / 3, 14);
    expect(aucBinary(Int32Array.from([0, 1, 1]), Float64Array.from([0.2, 0.2, 0.9]), idx)).toBeCloseTo(0.75, 14);
  });
});
