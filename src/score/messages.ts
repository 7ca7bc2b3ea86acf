/**
 * Message texts of the scoring domain, as functions so tests can assert them.
 */
const q = (s: string): string => JSON.stringify(s);

export const scoreMsg = {
  // --- signature files
  signatureInvalid: (where: string, problem: string) => `${where}: invalid signature: ${problem}`,
  signatureDuplicate: (id: string) => `duplicate signature id ${q(id)}`,
  unknownSignature: (id: string, known: readonly string[]) =>
    `unknown signature ${q(id)} (known: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})`,
  unknownCollection: (name: string, known: readonly string[]) =>
    `unknown signature collection or file ${q(name)} (built-in collections: ${known.join(', ')})`,
  formulaUnknownRef: (id: string, ref: string) => `derived signature ${q(id)} refers to unknown signature ${q(ref)}`,
  formulaCycle: (id: string) => `derived signature ${q(id)} depends on itself`,
  formulaInvalid: (id: string, error: string) => `derived signature ${q(id)}: cannot parse formula: ${error}`,

  // --- scoring
  methodUnavailable: (method: string) =>
    `method ${q(method)} is not available in this build (it needs the GSVA module)`,
  methodNeedsWeights: (id: string) => `signature ${q(id)} has no weights; method "weighted" needs them`,
  emptyMatrix: () => `the expression matrix has no genes or no samples`,
  lowCoverage: (id: string, covered: string, min: string) =>
    `signature ${q(id)}: coverage ${covered} is below the minimum ${min}; score set to NA`,
  missingGenes: (id: string, n: number, total: number, examples: readonly string[]) =>
    `signature ${q(id)}: ${n} of ${total} genes missing (${examples.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''})`,
  missingError: (id: string, n: number, examples: readonly string[]) =>
    `signature ${q(id)}: ${n} gene(s) missing from the matrix (${examples.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}); use --missing drop|na to score anyway`,
  noHousekeeping: (id: string) => `signature ${q(id)}: none of its housekeeping genes is in the matrix; score set to NA`,
  constantGene: (gene: string) => `gene ${q(gene)} is constant across samples; its z-score is NaN and it is left out`,
  tooFewSamples: (method: string, n: number) => `method ${method} needs at least 2 samples, got ${n}; scores set to NA`,
  aliasConflict: (alias: string, a: string, b: string) => `alias ${q(alias)} maps to both ${q(a)} and ${q(b)}`,
} as const;
