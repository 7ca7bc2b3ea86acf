/**
 * Cross-cohort comparison of signature scores: common genes, score distributions against a
 * reference cohort (Wilcoxon, AUC, Cliff's δ, fraction above the reference median), per-cohort
 * effects per SD of a score (log OR of response, log HR of an event) and their inverse-variance
 * fixed- and DerSimonian–Laird random-effects meta-analysis with Cochran's Q, τ² and I².
 */
export * from './messages.js';
export * from './genes.js';
export * from './distributions.js';
export * from './effects.js';
export * from './meta.js';
