/** Message texts of the RCC/RLF readers and the RCC merge, as functions so tests can assert them. */
const q = (s: string): string => JSON.stringify(s);

export const rccMsg = {
  noSection: (section: string) => `no <${section}> section (is this an RCC file?)`,
  unclosedSection: (section: string) => `section <${section}> is not closed: the file is truncated or corrupt`,
  nestedSection: (open: string, found: string) => `section <${found}> starts inside <${open}>`,
  unexpectedClose: (section: string) => `closing tag </${section}> without a matching <${section}>`,
  codeSummaryHeader: (found: string) => `Code_Summary header must name CodeClass, Name and Count columns, found ${q(found)}`,
  codeSummaryEmpty: () => `<Code_Summary> has no probes`,
  badRow: (expected: number, found: number) => `expected ${expected} comma-separated fields, found ${found}`,
  negativeCount: (v: string) => `negative count ${q(v)}: counts must be non-negative integers`,
  nonIntegerCount: (v: string) => `count ${q(v)} is not a non-negative integer`,
  emptyName: () => `empty probe name`,
  duplicateProbe: (name: string, firstLine: number) => `duplicate probe name ${q(name)} (first at line ${firstLine}); probe names must be unique in one RCC file`,
  plexSet: (cls: string) =>
    `PlexSet code class ${q(cls)} (8 samples multiplexed per lane) is not supported: sigscore reads single-sample RCC files only; ` +
    `export per-sample data from nSolver's PlexSet analysis instead`,
  rlfNoContent: () => `no [Content] section (is this an RLF file?)`,
  rlfNoColumns: () => `[Content] has no Columns= line naming Classification, GeneName and Accession`,
  rlfBadRecord: (expected: number, found: number) => `RLF record has ${found} fields, Columns= names ${expected}`,
  rlfUnknownClass: (key: string) => `RLF record uses classification ${q(key)} that the [Header] does not declare`,
  rlfMismatch: (file: string, rlf: string, missing: string[], extra: string[]) =>
    `${file}: probes do not match the codeset ${q(rlf)}` +
    (missing.length ? `; missing ${missing.length} (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''})` : '') +
    (extra.length ? `; not in the RLF ${extra.length} (${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', …' : ''})` : ''),
  rlfClassMismatch: (file: string, probe: string, rcc: string, rlf: string) =>
    `${file}: probe ${q(probe)} is ${rcc} in the RCC but ${rlf} in the RLF`,
  noFiles: () => `no RCC files given`,
  duplicateSampleId: (id: string, a: string, b: string) =>
    `duplicate sample id ${q(id)} in ${a} and ${b}; use --sample-id file or rename the samples`,
  mixedCodesets: (a: string, fa: string, b: string, fb: string) =>
    `mixed codesets: ${fa} uses ${q(a)} but ${fb} uses ${q(b)}; pass --allow-mixed to keep only the probes they share`,
  mixedProbes: (fa: string, fb: string, onlyA: number, onlyB: number) =>
    `mixed codesets: ${fa} and ${fb} have different probes (${onlyA} only in the first, ${onlyB} only in the second); pass --allow-mixed to keep only the probes they share`,
  mixedKept: (shared: number, dropped: number) => `mixed codesets: kept the ${shared} probes every file shares, dropped ${dropped}`,
  classConflict: (probe: string, fa: string, a: string, fb: string, b: string) =>
    `probe ${q(probe)} is ${a} in ${fa} but ${b} in ${fb}`,
  noSharedProbes: () => `the RCC files share no probes`,
  zipBad: (file: string, why: string) => `${file}: not a readable zip archive (${why})`,
  zipMethod: (file: string, entry: string, method: number) => `${file}: entry ${q(entry)} uses compression method ${method}; only stored (0) and deflate (8) are supported`,
  noRccInInput: (path: string) => `${path}: no .RCC files found`,
};
