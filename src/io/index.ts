/** Pure parsers and formatters (browser-safe). File access is in `io/node`. */
export * from './messages.js';
export * from './fields.js';
export * from './formats.js';
export * from './scan-number.js';
export * from './matrix-scan.js';
export * from './matrix-text.js';
export * from './gene-ids.js';
export * from './duplicates.js';
export * from './gene-load.js';
export * from './gct.js';
export * from './matrix-json.js';
export * from './arrow.js';
export * from './gmt.js';
export * from './gmx.js';
export * from './sample-table-text.js';
export * from './write-text.js';
export * from './inspect.js';
