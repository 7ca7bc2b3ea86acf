export * from './cpm.js';
export * from './norm-factors.js';
export * from './filter-by-expr.js';
