/** `sigscore signatures list|show <id>`: the built-in signature collections. */
import type { CommandModule } from 'yargs';
import type { GlobalArgs } from '../util.js';
import { UsageError } from '../../src/core/errors.js';
import { builtinCollection, builtinCollectionIds, findBuiltinSignature, preferredMethod, type Signature } from '../../src/score/index.js';

interface Args extends GlobalArgs {
  action: 'list' | 'show';
  id?: string;
  collection?: string;
  json?: boolean;
}

function cite(s: Signature): string {
  const c = s.citation ?? {};
  return [c.pmid ? `PMID:${c.pmid}` : '', c.doi ? `doi:${c.doi}` : ''].filter(Boolean).join(' ');
}

function toJson(s: Signature): Record<string, unknown> {
  return {
    id: s.id, name: s.name, collection: s.collection, description: s.description,
    genes: s.genes.map((g, i) => ({ symbol: g, ...(s.weights ? { weight: s.weights[i] } : {}), ...(s.directions ? { direction: s.directions[i] < 0 ? 'down' : 'up' } : {}) })),
    housekeeping: s.housekeeping, intercept: s.intercept, formula: s.formula, method: preferredMethod(s), scale: s.scale, citation: s.citation, version: s.version,
  };
}

export const signaturesCommand: CommandModule<GlobalArgs, Args> = {
  command: 'signatures <action> [id]',
  describe: 'list the built-in signature collections, or show one signature (genes, weights, citation)',
  builder: (y) =>
    y
      .positional('action', { type: 'string', choices: ['list', 'show'] as const, demandOption: true })
      .positional('id', { type: 'string', describe: 'signature id (for show)' })
      .option('collection', { alias: 'c', type: 'string', describe: 'list only this collection' })
      .option('json', { type: 'boolean', describe: 'print JSON' }),
  handler: async (args) => {
    if (args.action === 'show') {
      if (!args.id) throw new UsageError('signatures show needs a signature id (see: sigscore signatures list)');
      const s = findBuiltinSignature(args.id);
      if (args.json) {
        process.stdout.write(JSON.stringify(toJson(s), null, 1) + '\n');
        return;
      }
      const lines = [`${s.id}  ${s.name ?? ''}`, `collection: ${s.collection}`, `method: ${s.formula ? 'formula' : preferredMethod(s)}${s.scale ? `   scale: ${s.scale}` : ''}`];
      if (s.description) lines.push(`description: ${s.description}`);
      if (s.formula) lines.push(`formula: ${s.formula}`);
      if (s.genes.length) lines.push(`genes (${s.genes.length}): ${s.genes.map((g, i) => (s.weights ? `${g}=${s.weights[i]}` : g) + (s.directions && s.directions[i] < 0 ? '(down)' : '')).join(' ')}`);
      if (s.housekeeping?.length) lines.push(`housekeeping (${s.housekeeping.length}): ${s.housekeeping.join(' ')}`);
      if (s.intercept !== undefined) lines.push(`intercept: ${s.intercept}`);
      lines.push(`citation: ${cite(s)}${s.citation?.text ? ` — ${s.citation.text}` : ''}`);
      process.stdout.write(lines.join('\n') + '\n');
      return;
    }
    const ids = args.collection ? [builtinCollection(args.collection).id] : builtinCollectionIds();
    const cols = ids.map((id) => builtinCollection(id));
    if (args.json) {
      process.stdout.write(JSON.stringify(cols.map((c) => ({ id: c.id, name: c.name, version: c.version, signatures: c.signatures.map((s) => ({ id: s.id, genes: s.genes.length, method: s.formula ? 'formula' : preferredMethod(s), citation: s.citation })) })), null, 1) + '\n');
      return;
    }
    const out: string[] = [];
    for (const c of cols) {
      out.push(`${c.id} — ${c.name ?? ''} (${c.signatures.length} signatures)`);
      for (const s of c.signatures) out.push(`  ${s.id.padEnd(34)} ${String(s.formula ? 'formula' : s.genes.length).padStart(7)}  ${(s.formula ? 'formula' : preferredMethod(s)).padEnd(9)} ${cite(s)}`);
    }
    process.stdout.write(out.join('\n') + '\n');
  },
};
