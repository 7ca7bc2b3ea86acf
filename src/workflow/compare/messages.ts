/** Message texts of the cross-cohort comparison, as functions so tests can assert them. */
const q = (s: string): string => JSON.stringify(s);

export const compareMsg = {
  cannotFit: (what: string, n: number, events: number, sd: number) =>
    `${what}: cannot fit (n = ${n}, events = ${events}, sd of the score = ${sd}); the effect is NaN`,
  noEvents: (endpoint: string) => `${endpoint}: no events among the complete cases; the log HR is NaN`,
  studiesLeftOut: (names: readonly string[]) =>
    `${names.length} study effect(s) not finite, left out of the pooling: ${names.join(', ')}`,
  oneStudy: () => 'fewer than 2 studies: heterogeneity not estimable',
  cohortDropped: (cohort: string, endpoint: string, why: string) => `${cohort}: left out of ${endpoint} (${why})`,
  noColumnInCohort: (file: string, column: string) => `${file}: no column ${q(column)}`,
  noColumnAnywhere: (column: string, files: readonly string[]) =>
    `no clinical table has a column ${q(column)} (${files.join(', ')})`,
  badSurvivalFlag: (text: string) => `invalid --survival ${q(text)}; use NAME=TIME_COLUMN,EVENT_COLUMN (e.g. os=survival_time_os,event_occurred_os)`,
  duplicateEndpoint: (name: string) => `--survival name ${q(name)} is used twice`,
  negativeTime: (file: string, line: number, column: number, id: string, t: number) =>
    `${file}:${line}:${column}: survival time must be ≥ 0, got ${t} for sample ${q(id)}`,
  badForest: (flag: string, text: string, hint: string) => `${flag} ${q(text)}: ${hint}`,
} as const;
