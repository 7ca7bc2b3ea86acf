/**
 * Gene identifier types: Ensembl (`ENSG00000141510`, `ENSMUSG…`, with or without a `.N` version
 * and GENCODE's `_PAR_Y` suffix), Entrez (all digits) or symbols (anything else).
 */

export type GeneIdType = 'ensembl' | 'entrez' | 'symbol' | 'none';

export interface GeneIdSummary {
  /** The most frequent kind (`none` when there are no ids). */
  readonly type: GeneIdType;
  readonly n: number;
  readonly ensembl: number;
  /** Ensembl ids that carry a `.N` version suffix. */
  readonly ensemblVersioned: number;
  readonly entrez: number;
  readonly symbol: number;
}

const ENSEMBL = /^ENS[A-Z]*\d{6,}(\.\d+)?(_PAR_Y)?$/;
const VERSIONED = /^(ENS[A-Z]*\d{6,})\.\d+((?:_PAR_Y)?)$/;
const ENTREZ = /^\d+$/;

/** Classify every id and name the majority kind. O(n). */
export function detectGeneIds(ids: readonly string[]): GeneIdSummary {
  let ensembl = 0;
  let versioned = 0;
  let entrez = 0;
  for (const id of ids) {
    if (ENSEMBL.test(id)) {
      ensembl++;
      if (VERSIONED.test(id)) versioned++;
    } else if (ENTREZ.test(id)) entrez++;
  }
  const symbol = ids.length - ensembl - entrez;
  let type: GeneIdType = 'none';
  if (ids.length) type = ensembl >= entrez && ensembl >= symbol ? 'ensembl' : entrez >= symbol ? 'entrez' : 'symbol';
  return { type, n: ids.length, ensembl, ensemblVersioned: versioned, entrez, symbol };
}

/** `ENSG00000141510.17` → `ENSG00000141510` (`_PAR_Y` kept); other ids unchanged. */
export function stripEnsemblVersion(id: string): string {
  const m = VERSIONED.exec(id);
  return m ? m[1] + m[2] : id;
}

/** Strip versions from every Ensembl id; returns the new ids and how many changed. */
export function stripEnsemblVersions(ids: readonly string[]): { ids: string[]; stripped: number } {
  let stripped = 0;
  const out = ids.map((id) => {
    const s = stripEnsemblVersion(id);
    if (s !== id) stripped++;
    return s;
  });
  return { ids: out, stripped };
}
