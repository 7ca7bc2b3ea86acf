/** Load gene sets named on the command line: GMT files (GMX is read by the IO readers too). */
import type { GeneSet } from '../../src/core/gene-set.js';
import { UsageError } from '../../src/core/errors.js';
import { readGmtFile } from '../../src/io/node/readers.js';

export async function loadGeneSets(specs: readonly string[]): Promise<GeneSet[]> {
  const out: GeneSet[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const sets = await readGmtFile(spec);
    for (const s of sets) {
      if (seen.has(s.id)) throw new UsageError(`gene set ${JSON.stringify(s.id)} is defined twice (in ${spec})`);
      seen.add(s.id);
      out.push(s);
    }
  }
  return out;
}
