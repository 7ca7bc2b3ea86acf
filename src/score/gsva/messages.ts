/** Message texts of gsva() and ssgsea(), as functions so tests can assert them. */
export const gsvaMsg = {
  constantGenes: (n: number) =>
    `gsva: ${n} gene(s) constant (sd < 1e-10) or with missing values across samples; they are discarded before matching the gene sets, as GSVA 1.46 does`,
  sizeOne: (ids: readonly string[]) =>
    `gsva: ${ids.length} gene set(s) of size one (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}); consider minSize > 1`,
  setsDropped: (n: number, minSize: number, maxSize: number) =>
    `gsva: ${n} gene set(s) dropped: fewer than ${minSize}${maxSize < Infinity ? ` or more than ${maxSize}` : ''} genes found in the matrix`,
  duplicateSetGenes: (n: number) =>
    `gsva: ${n} gene set(s) list a gene more than once; each gene is counted once (GSVA 1.46 counts repeats)`,
  noSetLeft: (minSize: number, maxSize: number) =>
    `gsva: no gene set has ${maxSize < Infinity ? `between ${minSize} and ${maxSize}` : `at least ${minSize}`} gene(s) in the matrix; check that gene ids match (symbols vs Ensembl) and the size limits`,
  tooFewGenes: (n: number) =>
    `gsva: ${n} non-constant gene(s) in the matrix, need at least 2`,
  tooFewSamples: (n: number) => `gsva: ${n} sample(s), need at least 2 to estimate each gene's distribution`,
  missingValues: (method: string, n: number) =>
    `${method}: the matrix has ${n} missing or non-finite value(s); remove or impute them first`,
  negativeCounts: (n: number) =>
    `gsva: kcdf 'poisson' needs non-negative counts, found ${n} negative value(s); use kcdf 'gaussian' for log-scale data`,
  nonIntegerCounts: (n: number) =>
    `gsva: kcdf 'poisson' expects integer counts, ${n} value(s) are not integers (they are used as they are)`,
  zeroRange: () => `ssgsea: all scores are equal, so the matrix-range normalisation divides by zero (scores are ±Infinity or NaN)`,
  emptyMatrix: (method: string) => `${method}: the matrix has no genes or no samples`,
} as const;
