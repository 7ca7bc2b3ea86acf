/** Message texts of the plot domain (functions, so tests assert them). */
const q = (s: string): string => JSON.stringify(s);

export const plotMsg = {
  distLength: (len: number, n: number) => `distance vector has length ${len}, expected n(n-1)/2 = ${(n * (n - 1)) / 2} for n = ${n}`,
  distNaN: (k: number) => `${k} distance(s) undefined (too few shared values); treated as the largest distance`,
  noColumn: (name: string, available: readonly string[]) =>
    `no column ${q(name)} (columns: ${available.slice(0, 12).join(', ')}${available.length > 12 ? ', …' : ''})`,
  notNumericColumn: (name: string, row: number, text: string) => `column ${q(name)} row ${row}: not a number: ${q(text)}`,
  emptyTable: (what: string) => `${what}: no rows to plot`,
  pZero: (k: number, cap: number) => `${k} p-value(s) are 0 (below double precision); drawn at -log10 p = ${cap.toFixed(1)} as triangles`,
  droppedRows: (k: number, what: string) => `${k} row(s) with missing ${what} left out`,
  constantRows: (k: number) => `${k} constant row(s) have no z-score; drawn as 0`,
  nonPositive: (k: number, what: string) => `${k} row(s) with ${what} ≤ 0 cannot be drawn on a log scale; left out`,
  lengthMismatch: (what: string, a: number, b: number) => `${what}: ${a} values for ${b} items`,
  tooLarge: (cells: number, max: number) => `heatmap has ${cells} cells, more than ${max}; keep fewer rows (for example the most variable)`,
} as const;
