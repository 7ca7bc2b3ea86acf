/** Vega-Lite spec builders, hierarchical clustering and the HTML report (browser-safe). */
export * from './messages.js';
export * from './distance.js';
export * from './hclust.js';
