/**
 * Every message text the library produces, as functions so tests can assert them.
 * Grouped by domain; a domain may keep its own `messages.ts` that follows the same pattern
 * when its list grows long, re-exported here.
 */

const q = (s: string): string => JSON.stringify(s);

export const msg = {
  // --- options
  optionNotNumber: (name: string, v: unknown) => `option ${name} must be a number, got ${q(String(v))}`,
  optionOutOfRange: (name: string, v: unknown, range: string) => `option ${name} must be ${range}, got ${String(v)}`,
  optionNotInteger: (name: string, v: unknown) => `option ${name} must be an integer, got ${String(v)}`,
  optionNotOneOf: (name: string, v: unknown, allowed: readonly string[]) =>
    `option ${name} must be one of ${allowed.join('|')}, got ${q(String(v))}`,
  optionUnknown: (name: string) => `unknown option ${name}`,
  optionRequired: (name: string) => `option ${name} is required`,

  // --- files
  fileMissing: (file: string) => `${file}: no such file`,
  fileIsDirectory: (file: string) => `${file}: is a directory, expected a file`,
  fileEmpty: (file: string) => `${file}: file is empty`,
  gzipTruncated: (file: string) => `${file}: gzip data is truncated or corrupt`,
  outputIsInput: (file: string) => `refusing to overwrite input file ${file}; choose another output path`,
  unknownFormat: (file: string, known: readonly string[]) =>
    `${file}: cannot tell the format from the extension (known: ${known.join(', ')})`,

  // --- tables and matrices
  headerOnly: () => `header only, no data rows`,
  raggedRow: (expected: number, found: number) => `expected ${expected} fields, found ${found}`,
  notNumeric: (text: string) => `not a number: ${q(text)}`,
  duplicateSample: (id: string) => `duplicate sample id ${q(id)}`,
  duplicateGene: (id: string, firstLine: number) =>
    `duplicate gene id ${q(id)} (first seen on line ${firstLine}); choose a policy with --duplicates mean|max|sum|first|maxMean`,
  duplicateColumn: (name: string) => `duplicate column name ${q(name)}`,
  emptyId: () => `empty identifier`,
  noSuchColumn: (name: string, available: readonly string[]) =>
    `no column ${q(name)} (columns: ${available.slice(0, 12).join(', ')}${available.length > 12 ? ', …' : ''})`,
  unmatchedSamples: (n: number, examples: readonly string[]) =>
    `${n} sample id(s) not matched: ${examples.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}`,

  // --- gene sets
  gmtNoGenes: (name: string) => `gene set ${q(name)} lists no genes`,
  gmtTooFewFields: () => `a GMT line needs a name, a description and at least one gene`,
  duplicateSet: (name: string) => `duplicate gene set name ${q(name)}`,

  // --- statistics
  degenerate: (what: string) => `${what}: statistic is undefined (NaN)`,
  notConverged: (what: string, iterations: number) => `${what} did not converge in ${iterations} iterations`,
} as const;
