/**
 * Per-sample signature scores: signature collections, coverage, and the scoring methods
 * (weighted, mean, median, zscore, plage, singscore; gsva and ssgsea live in `./gsva/`).
 */
export * from './messages.js';
