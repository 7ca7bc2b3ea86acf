export { gsva } from './gsva.js';
export { ssgsea } from './ssgsea.js';
export type { GsvaOptions, SsgseaOptions, EnrichmentScores } from './options.js';
export type { Kcdf } from './kernel.js';
export { gsvaMsg } from './messages.js';
export { tabulatedCdf, normalCdfTable } from './normal-table.js';
