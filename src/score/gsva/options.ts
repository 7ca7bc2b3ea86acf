/** Options and result types of gsva() and ssgsea(). */
import type { Executor } from '../../core/pool.js';
import type { Matrix } from '../../core/matrix.js';
import type { Spec } from '../../core/validate.js';
import type { Kcdf } from './kernel.js';

export interface GsvaOptions {
  /** Kernel for each gene's distribution: 'gaussian' (log-scale data), 'poisson' (counts), 'none' (empirical CDF). Default 'gaussian'. */
  kcdf: Kcdf;
  /** Exponent τ ≥ 0 on the rank-score weights of the walk. Default 1. */
  tau: number;
  /** Score = largest positive + largest negative deviation (true) or the single largest deviation (false). Default true. */
  maxDiff: boolean;
  /** With maxDiff, score = largest positive − largest negative deviation (Kuiper). Default false. */
  absRanking: boolean;
  /** Smallest set size after matching genes to the matrix; integer ≥ 1. Default 1. */
  minSize: number;
  /** Largest set size after matching; ≥ 1 (Infinity allowed). Default Infinity. */
  maxSize: number;
  /** Compute Φ exactly instead of from GSVA's table (changes scores by up to ~1e-3). Default false. */
  exactKernel: boolean;
  /** Where blocks run. Default: in this thread (`inlineExecutor()`). */
  executor?: Executor;
  /** Genes per kernel task; integer ≥ 1. Default 256. Does not change results. */
  blockSize: number;
  /** Samples per ranking/walk task; integer ≥ 1. Default 16. Does not change results. */
  sampleBlockSize: number;
}

export interface SsgseaOptions {
  /** Exponent α ≥ 0 on the rank weights. Default 0.25. */
  alpha: number;
  /** 'matrix-range': divide every score by max − min of the whole score matrix (GSVA 1.46 default); 'none'. Default 'matrix-range'. */
  normalize: 'matrix-range' | 'none';
  /** Smallest set size after matching; integer ≥ 1. Default 1. */
  minSize: number;
  /** Largest set size after matching. Default Infinity. */
  maxSize: number;
  /** Where blocks run. Default: in this thread. */
  executor?: Executor;
  /** Samples per task; integer ≥ 1. Default 16. Does not change results. */
  sampleBlockSize: number;
}

export const gsvaDefaults: GsvaOptions = {
  kcdf: 'gaussian', tau: 1, maxDiff: true, absRanking: false, minSize: 1, maxSize: Infinity,
  exactKernel: false, executor: undefined, blockSize: 256, sampleBlockSize: 16,
};

export const gsvaSpec: Spec<GsvaOptions> = {
  kcdf: { type: 'enum', values: ['gaussian', 'poisson', 'none'] },
  tau: { type: 'number', min: 0 },
  maxDiff: { type: 'boolean' },
  absRanking: { type: 'boolean' },
  minSize: { type: 'number', min: 1, integer: true },
  maxSize: { type: 'number', min: 1 },
  exactKernel: { type: 'boolean' },
  executor: { type: 'any' },
  blockSize: { type: 'number', min: 1, integer: true },
  sampleBlockSize: { type: 'number', min: 1, integer: true },
};

export const ssgseaDefaults: SsgseaOptions = {
  alpha: 0.25, normalize: 'matrix-range', minSize: 1, maxSize: Infinity, executor: undefined, sampleBlockSize: 16,
};

export const ssgseaSpec: Spec<SsgseaOptions> = {
  alpha: { type: 'number', min: 0 },
  normalize: { type: 'enum', values: ['matrix-range', 'none'] },
  minSize: { type: 'number', min: 1, integer: true },
  maxSize: { type: 'number', min: 1 },
  executor: { type: 'any' },
  sampleBlockSize: { type: 'number', min: 1, integer: true },
};

/** Scores of gsva() or ssgsea(). */
export interface EnrichmentScores {
  /** Sets × samples, row-major; row i belongs to setIds[i]. */
  scores: Matrix;
  setIds: string[];
  samples: string[];
  /** Genes of each set found in the (filtered) matrix. */
  sizes: Int32Array;
  /** Effective options (without the executor) and the method. */
  params: Record<string, unknown>;
  warnings: string[];
}
