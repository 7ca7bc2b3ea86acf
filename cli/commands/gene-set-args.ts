/**
 * Gene sets named on the command line: built-in signature collections by id, or JSON/GMT/GMX
 * files (the same loader as `sigscore score`); ids must be unique across them.
 */
import type { GeneSet } from '../../src/core/gene-set.js';
import { loadSignatures } from './score.js';

export async function loadGeneSets(specs: readonly string[]): Promise<GeneSet[]> {
  return (await loadSignatures(specs)).signatures;
}
