/**
 * Message texts of the readers and writers (in addition to the shared ones in `core/messages`),
 * as functions so tests can assert them.
 */
const q = (s: string): string => JSON.stringify(s);

export const ioMsg = {
  duplicateSampleColumn: (id: string, firstColumn: number) => `duplicate sample id ${q(id)} (also column ${firstColumn})`,
  noSampleColumns: () => `no sample columns after the gene id column`,
  emptySampleId: () => `empty sample id in the header`,
  unterminatedQuote: () => `unterminated quoted field`,
  gctVersion: (found: string) => `not a GCT file: first line must be #1.2 or #1.3, found ${q(found)}`,
  gctDimensions: (line: string) => `GCT dimension line must give row and column counts, found ${q(line)}`,
  gctCountMismatch: (what: 'rows' | 'columns', declared: number, found: number) =>
    `GCT header declares ${declared} ${what}, found ${found}`,
  gctHeader: (expected: string, found: string) => `GCT header column must be ${q(expected)}, found ${q(found)}`,
  gmxNoSets: () => `GMX file: the first line must name at least one gene set`,
  arrowUnreadable: (file: string, why: string) => `${file}: not an Arrow IPC file or stream (${why})`,
  arrowNoGeneColumn: (file: string) => `${file}: no string column for gene ids (expected a Utf8 column named "gene")`,
  arrowNoSamples: (file: string) => `${file}: no numeric sample columns`,
  duplicatePolicy: (p: string) => `unknown duplicate policy ${q(p)}; use error|keep|mean|max|sum|first|maxMean`,
  duplicateGeneRows: (id: string, first: number, second: number) =>
    `duplicate gene id ${q(id)} (rows ${first} and ${second}); choose a policy with --duplicates mean|max|sum|first|maxMean`,
  annotationHint: (column: string) => `; if column ${q(column)} is an annotation, skip it (--skip-columns ${column} or auto)`,
  jsonField: (file: string, key: string) =>
    `${file}: expected a JSON object {"genes": [strings], "samples": [strings], "values": [one array per gene]}; "${key}" is missing or malformed`,
  booleanToken: (text: string) => `not a boolean: ${q(text)}`,
} as const;
