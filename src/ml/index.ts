export * from './collinearity.js';
export * from './forest/index.js';
