/** Message texts of the workflows, as functions so tests can assert them. */
const q = (s: string): string => JSON.stringify(s);

export const screenMsg = {
  badEndpoint: (text: string) =>
    `invalid --endpoint ${q(text)}; use name=binary:column, name=binary:column>=value or name=survival:time_column,event_column`,
  badEndpointValue: (name: string, v: string) => `endpoint ${q(name)}: cannot compare with ${q(v)}`,
  noColumn: (name: string, available: readonly string[]) =>
    `no column ${q(name)} in the clinical table (columns: ${available.slice(0, 12).join(', ')}${available.length > 12 ? ', …' : ''})`,
  notBinary: (name: string, col: string, v: number) =>
    `endpoint ${q(name)}: column ${q(col)} has value ${v}; a binary endpoint needs 0/1 values or a comparison such as ${col}>=3`,
  categoricalNeedsValue: (name: string, col: string, levels: readonly string[]) =>
    `endpoint ${q(name)}: column ${q(col)} is categorical (${levels.slice(0, 6).join(', ')}); name the event level, e.g. ${col}==${levels[levels.length - 1] ?? 'level'}`,
  notNumeric: (col: string) => `column ${q(col)} must be numeric`,
  badEvent: (col: string, v: number) => `event column ${q(col)} has value ${v}; use 0/1 (censored/event) or 1/2`,
  badTime: (col: string, id: string, v: number) => `survival time ${q(col)} of sample ${q(id)} is ${v}; times must be > 0`,
  duplicateEndpoint: (name: string) => `endpoint name ${q(name)} is used twice`,
  noCovariates: () => `no covariates to screen (all columns are endpoints or excluded)`,
  unknownCovariate: (name: string) => `--covariates names ${q(name)}, which is not a column of the clinical table or the scores`,
  scoresUnmatched: (n: number, examples: readonly string[]) =>
    `the scores table matches no clinical sample id (orientation checked both ways); e.g. ${examples.slice(0, 3).join(', ')} (${n} ids)`,
  scoresPartial: (n: number, examples: readonly string[]) =>
    `${n} clinical sample(s) have no scores: ${examples.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}`,
  duplicateCovariate: (name: string) => `score ${q(name)} has the same name as a clinical column; it is renamed ${q(`score_${name}`)}`,
  separation: (cov: string, ep: string) => `${cov} × ${ep}: the covariate separates the endpoint perfectly (AUC ${'='} 0 or 1)`,
  zeroCell: (cov: string, ep: string) =>
    `${cov} × ${ep}: a cell of the 2×2 table is empty, so the conditional MLE odds ratio is 0 or infinite; the effect is the Haldane–Anscombe odds ratio (+0.5 per cell) with its Woolf CI`,
  tooFew: (cov: string, ep: string, n: number) => `${cov} × ${ep}: ${n} complete observation(s) or a single outcome class; row is NA`,
  fewEvents: (ep: string, events: number, n: number) => `endpoint ${q(ep)}: only ${events} event(s) in ${n}; estimates are imprecise`,
  constant: (cov: string) => `covariate ${q(cov)} is constant; its rows are NA`,
  rowWarning: (cov: string, ep: string, w: string) => `${cov} × ${ep}: ${w}`,
} as const;

export const correlateMsg = {
  tooFewShared: (a: string, b: string, n: number, min: number, exA: readonly string[], exB: readonly string[]) =>
    `${a} and ${b} share ${n} sample id(s), fewer than ${min}; e.g. ${a}: ${exA.slice(0, 3).join(', ')}; ${b}: ${exB.slice(0, 3).join(', ')}`,
  empty: (name: string) => `${name} has no features`,
  badShape: (name: string, got: number, want: number) => `${name}: ${got} values for ${want} features × samples`,
  duplicateSample: (name: string, id: string) => `${name}: sample id ${JSON.stringify(id)} appears twice`,
  unshared: (name: string, n: number) => `${n} sample(s) of ${name} are not in the other table and are left out`,
  pairNA: (a: string, b: string, why: string) => `${a} × ${b}: ${why}; the row is NA`,
};
