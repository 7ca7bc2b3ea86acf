/** Vega-Lite spec builders, hierarchical clustering and the HTML report (browser-safe). */
export * from './messages.js';
export * from './distance.js';
export * from './hclust.js';
export * from './table.js';
export * from './theme.js';
export * from './ticks.js';
export * from './volcano.js';
export * from './heatmap.js';
export * from './km.js';
export * from './box.js';
export * from './importance.js';
export * from './forest.js';
export * from './correlation.js';
export * from './probability.js';
export * from './escape.js';
export * from './report.js';
export * from './inputs.js';
