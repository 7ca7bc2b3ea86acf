/** NanoString nCounter QC and nSolver-style normalisation. */
export * from './controls.js';
export * from './positive.js';
export * from './background.js';
export * from './housekeeping.js';
export * from './normalize.js';
export * from './qc.js';
export { nsMsg } from './messages.js';
