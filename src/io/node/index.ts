/** Node-only adapters (file system, gzip, worker threads). Not part of the browser bundle. */
export * from './files.js';
export * from './readers.js';
export * from './worker-pool.js';
