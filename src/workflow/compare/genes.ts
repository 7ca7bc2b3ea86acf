/** Genes shared by every cohort. */

/** Genes present in every list, in the order of the first list. O(total genes). */
export function commonGenes(lists: readonly (readonly string[])[]): string[] {
  if (lists.length === 0) return [];
  const sets = lists.slice(1).map((l) => new Set(l));
  return [...new Set(lists[0])].filter((g) => sets.every((s) => s.has(g)));
}
