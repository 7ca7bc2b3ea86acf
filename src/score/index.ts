/**
 * Per-sample signature scores: signature collections, coverage, and the scoring methods
 * (weighted, mean, median, zscore, plage, singscore; gsva and ssgsea live in `./gsva/`).
 */
export * from './messages.js';
export * from './signature.js';
export * from './signature-json.js';
export * from './collections.js';
export * from './aliases.js';
export * from './coverage.js';
export * from './standardize.js';
export * from './weighted.js';
export * from './summary.js';
export * from './zscore.js';
export * from './plage.js';
export * from './eigen.js';
export * from './singscore.js';
export * from './formula.js';
export * from './score.js';
export * from './gsva/index.js';
