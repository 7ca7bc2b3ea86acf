/** Message texts of the enrichment module. */
export const enrichMsg = {
  duplicateRankedGene: (g: string) => `gene ${JSON.stringify(g)} appears twice in the ranking`,
  droppedNaN: (n: number) => `${n} gene(s) with a missing statistic were left out of the ranking`,
  ties: (f: number) =>
    `${(100 * f).toFixed(1)}% of the ranking statistics are tied; tied genes keep their input order, which can move the enrichment peak`,
  zeroWeight: (set: string) => `gene set ${JSON.stringify(set)}: all its statistics are zero, ES is undefined`,
  noSetsInRange: (min: number, max: number) => `no gene set has between ${min} and ${max} genes in the ranking`,
  epsReached: (set: string, eps: number) => `gene set ${JSON.stringify(set)}: p-value is below eps = ${eps}; reported as eps`,
  phenotypeGroups: (a: number, b: number) => `phenotype groups need at least 2 samples each, got ${a} and ${b}`,
  smallGroups: (n: number) =>
    `only ${n} distinct label permutations exist; consider permutation: 'gene_set'`,
} as const;
