/**
 * sigscore public API (browser-safe). Node adapters (files, workers) are exported from
 * `sigscore/node`.
 */
export * from './core/index.js';
export * from './io/index.js';
export * from './io/rcc/index.js';
export * from './stats/index.js';
export * from './score/index.js';
export * from './enrich/index.js';
export * from './survival/index.js';
export * from './ml/index.js';
export * from './workflow/index.js';
export * from './de/index.js';
export * from './normalize/index.js';
export * from './plot/index.js';

// Names exported by two domains: the top-level API takes these from their home module.
export { parseGmx } from './io/index.js';
export type { CorrelationOptions } from './stats/index.js';
