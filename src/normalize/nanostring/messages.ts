/** Message texts of NanoString QC and normalisation, as functions so tests can assert them. */
const q = (s: string): string => JSON.stringify(s);

export const nsMsg = {
  noAnnotation: () => `the expression set has no CodeClass probe annotation; load it from RCC files`,
  noClass: (cls: string) => `no ${cls} control probes in the codeset`,
  positiveZero: (sample: string) =>
    `sample ${q(sample)}: every positive control count is zero, so the lane cannot be scaled (the hybridisation failed; drop the sample, see \`sigscore nanostring qc\`)`,
  housekeepingZero: (sample: string) =>
    `sample ${q(sample)}: the housekeeping geometric mean is zero (a housekeeping gene has count 0); choose other reference genes with --housekeeping or drop the sample`,
  unknownHousekeeping: (genes: string[]) => `housekeeping genes not in the codeset: ${genes.join(', ')}`,
  tooFewHousekeeping: (n: number) => `automatic housekeeping selection needs at least 2 candidate genes, found ${n}`,
  autoHousekeeping: (genes: string[]) => `housekeeping genes chosen by geNorm stability: ${genes.join(', ')}`,
  noConcentrations: () =>
    `positive control concentrations unknown (names are neither POS_X(conc) nor POS_A…POS_F): linearity R² is NA`,
  noPosE: () => `no POS_E positive control: limit of detection is NA`,
  missingAttribute: (attr: string) => `lane attribute ${attr} missing in some samples: its QC metric is NA there`,
  noSamples: () => `no samples`,
};
