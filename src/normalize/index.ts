export * from './rnaseq/index.js';
export * from './nanostring/index.js';
