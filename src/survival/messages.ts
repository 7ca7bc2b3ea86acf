/** Message texts of the survival domain, as functions so tests can assert them. */
const q = (s: string): string => JSON.stringify(s);

export const survivalMsg = {
  lengthMismatch: (what: string, n: number, expected: number) =>
    `${what} has ${n} values, expected ${expected} (one per subject)`,
  negativeTime: (i: number, t: number) => `survival time must be ≥ 0, got ${t} for subject ${i + 1}`,
  badEventCode: (value: string, allowed: string) =>
    `event value ${q(value)} is not one of the declared codes (${allowed}); declare the coding with --event-code`,
  badEventCoding: (codes: string) =>
    `cannot tell the event coding from the values ${codes}; declare it with --event-code (e.g. 1/2, 0/1, TRUE/FALSE, dead)`,
  noSubjects: () => `no subjects with complete time, event and covariates`,
  noEvents: (what: string) => `${what}: no events, the statistic is undefined (NaN)`,
  oneGroup: (what: string) => `${what}: fewer than two groups with subjects, the test is undefined (NaN)`,
  droppedMissing: (n: number) => `${n} subject(s) with missing time, event, group or covariate dropped`,
  notConverged: (iterations: number) => `Cox model did not converge in ${iterations} iterations`,
  monotone: (terms: readonly string[]) =>
    `log-likelihood converged before ${terms.join(', ')} (monotone likelihood); coefficient may be infinite`,
  singular: (terms: readonly string[]) => `covariate(s) ${terms.join(', ')} are collinear with others; coefficient set to NaN`,
  constantMarker: (marker: string) => `${marker}: fewer than two distinct values between minprop and maxprop, no cut-point`,
  medianUndefined: (group: string) => `${group}: survival never drops to 0.5, median not reached (NaN)`,
  badDesign: (why: string) => `covariate matrix: ${why}`,
  badSplitCut: (cut: string) => `split cut must be median, optimal or a finite number, got ${q(cut)}`,
  emptySplit: (marker: string, cut: number, nLow: number, nHigh: number) =>
    `${marker} split at ${cut} leaves ${nLow} subject(s) ≤ cut and ${nHigh} > cut; both groups need subjects`,
} as const;
