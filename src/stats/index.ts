export * from './p-adjust.js';
export * from './rank-sum.js';
