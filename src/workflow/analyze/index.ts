export * from './messages.js';
export * from './source.js';
export * from './config.js';
export * from './plan.js';
export * from './manifest.js';
