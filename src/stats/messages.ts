/** Message texts of the statistical tests, as functions so tests can assert them. */
export const statsMsg = {
  emptyGroup: (test: string) => `${test}: a group has no non-missing values; statistic is NaN`,
  tooFew: (test: string, n: number, need: number) => `${test}: ${n} complete observation(s), need at least ${need}; statistic is NaN`,
  tiesNoExact: (test: string) => `${test}: cannot compute exact p-value with ties; using the normal approximation`,
  constantData: (test: string) => `${test}: data are constant; statistic is NaN`,
  ciCollapsed: (test: string) => `${test}: requested conf.level not achievable; the interval is the data range end`,
  zeroExpected: (test: string) => `${test}: a row or column total is zero; statistic is NaN`,
  chisqApprox: () => `chisq: an expected count is below 5; the approximation may be incorrect`,
  separation: (what: string) =>
    `${what}: the outcome is perfectly separated by the covariates (maximum likelihood estimates are infinite); use Firth's penalised likelihood (firth: true) for finite estimates`,
  fittedZeroOne: (what: string) => `${what}: fitted probabilities numerically 0 or 1 occurred`,
  notConverged: (what: string, it: number) => `${what}: did not converge in ${it} iterations`,
  rankDeficient: (what: string) => `${what}: the design matrix is rank deficient (collinear or constant covariate); coefficients are NaN`,
  singleClass: (what: string) => `${what}: the outcome has a single class; statistic is NaN`,
  notBinary: (what: string) => `${what}: outcome values must be 0 or 1`,
  lengthMismatch: (what: string, a: number, b: number) => `${what}: inputs have different lengths (${a} and ${b})`,
} as const;
