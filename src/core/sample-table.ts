/**
 * Sample (clinical) table: typed columns keyed by sample id.
 * Numeric columns are `Float64Array` with NaN for missing; categorical columns hold integer codes
 * (−1 for missing) into `levels`; boolean columns are categorical with levels `["FALSE","TRUE"]`.
 */
export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  readonly values: Float64Array;
}

export interface CategoricalColumn {
  readonly kind: 'categorical' | 'boolean';
  readonly name: string;
  /** Codes into `levels`; −1 is missing. */
  readonly codes: Int32Array;
  readonly levels: string[];
}

export type Column = NumericColumn | CategoricalColumn;

export interface SampleTable {
  /** Sample ids, unique. */
  readonly ids: string[];
  readonly columns: Map<string, Column>;
  /** Name of the id column in the source file. */
  readonly idColumn: string;
}

/** Value of a categorical cell as a string, or null when missing. */
export function levelOf(col: CategoricalColumn, i: number): string | null {
  const c = col.codes[i];
  return c < 0 ? null : col.levels[c];
}

/**
 * Align a table to a list of sample ids. Returns for each requested id its row in the table
 * (−1 when absent) and the ids that were not matched on either side — callers report them;
 * nothing is dropped silently.
 */
export function matchSamples(
  table: SampleTable,
  sampleIds: readonly string[],
): { rows: Int32Array; missingInTable: string[]; missingInData: string[] } {
  const pos = new Map<string, number>();
  table.ids.forEach((id, i) => pos.set(id, i));
  const rows = new Int32Array(sampleIds.length);
  const missingInTable: string[] = [];
  const wanted = new Set<string>();
  sampleIds.forEach((id, j) => {
    wanted.add(id);
    const r = pos.get(id);
    rows[j] = r === undefined ? -1 : r;
    if (r === undefined) missingInTable.push(id);
  });
  const missingInData = table.ids.filter((id) => !wanted.has(id));
  return { rows, missingInTable, missingInData };
}

/** Numeric view of any column: numeric as is, categorical codes as NaN-for-missing numbers. */
export function numericValues(col: Column): Float64Array {
  if (col.kind === 'numeric') return col.values;
  const out = new Float64Array(col.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = col.codes[i] < 0 ? NaN : col.codes[i];
  return out;
}
