export * from './data.js';
export * from './tree.js';
export * from './forest.js';
export * from './importance.js';
export * from './oob.js';
