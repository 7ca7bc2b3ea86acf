export * from './messages.js';
export * from './screen-endpoints.js';
export * from './screen-tests.js';
export * from './screen-probability.js';
export * from './screen-join.js';
export * from './screen.js';
export * from './forest.js';
export * from './analyze/index.js';
