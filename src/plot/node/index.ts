/** Node-only plot adapters: rendering (vega → SVG, resvg → PNG), fonts, report assets, writers. Not part of the browser API. */
export * from './fonts.js';
export * from './render.js';
export * from './assets.js';
export * from './write.js';
export * from './read.js';
