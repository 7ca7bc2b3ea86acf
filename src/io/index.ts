/** Pure parsers and formatters (browser-safe). File access is in `io/node`. */
export * from './matrix-text.js';
export * from './gmt.js';
export * from './sample-table-text.js';
export * from './write-text.js';
