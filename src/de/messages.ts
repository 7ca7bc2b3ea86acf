/** Message texts of the differential-expression domain, as functions so tests can assert them. */
const q = (s: string): string => JSON.stringify(s);

export const deMsg = {
  designRows: (n: number, ncol: number) => `design has ${n} rows but the expression matrix has ${ncol} samples`,
  weightsShape: () => `weights must be one per sample or a genes × samples matrix like the expression values`,
  rankDeficient: (col: string) =>
    `the design matrix is rank deficient: column ${q(col)} is a linear combination of the ones before it; drop a collinear or constant term`,
  genesNotEstimable: (n: number) => `${n} gene(s) have too few non-missing observations for the design; their statistics are NaN`,
  formulaSyntax: (formula: string, detail: string) => `cannot parse design formula ${q(formula)}: ${detail}`,
  unknownTerm: (term: string, available: readonly string[]) =>
    `design term ${q(term)} is not a sample-table column (columns: ${available.slice(0, 12).join(', ')}${available.length > 12 ? ', …' : ''})`,
  unknownLevel: (term: string, level: string, levels: readonly string[]) =>
    `${q(term)} has no level ${q(level)} (levels: ${levels.join(', ')})`,
  singleLevel: (term: string) => `${q(term)} has a single level among the matched samples; it cannot be a design term`,
  refNotInDesign: (term: string) => `--ref names ${q(term)}, which is not a categorical term of the design`,
  refSyntax: (text: string) => `cannot parse reference level ${q(text)}; expected term=level`,
  missingCovariates: (n: number, examples: readonly string[]) =>
    `${n} sample(s) have a missing design covariate and were left out: ${examples.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}`,
  unmatched: (n: number, where: string, examples: readonly string[]) =>
    `${n} sample id(s) ${where}: ${examples.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}`,
  tooFewSamples: (n: number, p: number) => `${n} sample(s) for ${p} coefficient(s): no residual degrees of freedom`,
  contrastSyntax: (text: string, detail: string) => `cannot parse contrast ${q(text)}: ${detail}`,
  unknownCoefficient: (name: string, available: readonly string[]) =>
    `no coefficient ${q(name)} in the design (coefficients: ${available.join(', ')})`,
  zeroContrast: (text: string) => `contrast ${q(text)} is zero`,
  zeroVariances: () => `zero sample variances detected; they have been offset away from zero`,
  mostlyZeroVariances: () => `more than half of the residual variances are exactly zero: eBayes unreliable`,
  robustUnequalDf: (d: number) =>
    `robust empirical Bayes: the residual df differ between genes (missing values); the prior is fitted with the median df ${d}`,
  robustNeedsLimma: (method: string) => `--robust applies to limma, limma-trend and voom, not to ${method}`,
  negativeCounts: () => `counts must be non-negative for this method`,
  notCounts: (method: string) => `${method} needs raw counts (non-negative); got negative or missing values`,
  groupNeedsTwo: (method: string) => `${method} compares two groups: the contrast must be term:level:level on a categorical term`,
  emptyGroup: (level: string) => `no samples in group ${q(level)}`,
  zeroLibrary: (sample: string) => `sample ${q(sample)} has a library size of zero`,
  quantileZero: () => `one or more upper quartiles are zero; normalisation factors are unreliable`,
  refNotFound: (n: number) => `${n} gene(s) have no finite values`,
} as const;
