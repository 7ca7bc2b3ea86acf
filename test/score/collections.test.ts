import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parseGmt } from '../../src/io/gmt.js';
import {
  builtinCollection,
  builtinCollectionIds,
  findBuiltinSignature,
  parseGmx,
  parseSignatureFile,
  parseSignatureJson,
  SYMBOL_PATTERN,
} from '../../src/score/index.js';
import { repoRoot, sharedData, hasShared } from './helpers.js';

const readJson = (name: string): unknown => JSON.parse(readFileSync(resolve(repoRoot, 'signatures', name), 'utf8'));

describe('built-in collections', () => {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(readJson('signature.schema.json') as object);

  it.each(['io360-public', 'tme-rnaseq'])('signatures/%s.json validates against signature.schema.json', (id) => {
    const ok = validate(readJson(`${id}.json`));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema rejects a signature without a citation and a malformed symbol', () => {
    expect(validate({ id: 'x', signatures: [{ id: 'A', genes: ['CD8A'] }] })).toBe(false);
    expect(validate({ id: 'x', signatures: [{ id: 'A', genes: ['CD 8A'], citation: { pmid: '1' } }] })).toBe(false);
  });

  it('every signature is non-empty, has well-formed symbols, a PMID or DOI, and ids are unique', () => {
    const seen = new Set<string>();
    for (const id of builtinCollectionIds()) {
      for (const s of builtinCollection(id).signatures) {
        expect(s.genes.length > 0 || s.formula !== undefined, s.id).toBe(true);
        for (const g of [...s.genes, ...(s.housekeeping ?? [])]) expect(SYMBOL_PATTERN.test(g), `${s.id}: ${g}`).toBe(true);
        expect(Boolean(s.citation?.pmid || s.citation?.doi), s.id).toBe(true);
        expect(new Set(s.genes).size, s.id).toBe(s.genes.length);
        expect(seen.has(s.id), s.id).toBe(false);
        seen.add(s.id);
      }
    }
    expect(builtinCollection('io360-public').signatures.filter((s) => s.id.startsWith('Danaher_') && !s.formula)).toHaveLength(14);
    expect(builtinCollection('tme-rnaseq').signatures.filter((s) => s.id.startsWith('Bindea_'))).toHaveLength(24);
  });

  it('findBuiltinSignature finds ids case-insensitively and names the known ids when it fails', () => {
    expect(findBuiltinSignature('cyt_rooney').id).toBe('CYT_Rooney');
    expect(() => findBuiltinSignature('nope')).toThrow(/unknown signature "nope" \(known: TIS,/);
    expect(() => builtinCollection('nope')).toThrow(/built-in collections: io360-public, tme-rnaseq/);
  });
});

if (!hasShared) console.warn('skipping gene-set cross-checks: ../shared/data/genesets is absent');

describe.skipIf(!hasShared)('built-in lists equal independent copies in ../shared/data/genesets', () => {
  const gmt = (f: string) => new Map(parseGmt(readFileSync(resolve(sharedData, 'genesets', f), 'utf8')).map((s) => [s.id, new Set(s.genes)] as const));
  const genes = (id: string) => new Set(findBuiltinSignature(id).genes);

  it('Danaher 2017: 14 cell types equal danaher2017_immune_celltypes.gmt', () => {
    const ref = gmt('danaher2017_immune_celltypes.gmt');
    expect(ref.size).toBe(14);
    for (const [name, set] of ref) expect(genes(`Danaher_${name.replace('_Danaher_et_al', '')}`), name).toEqual(set);
  });

  it('Mariathasan 2018, Ayers 2017 and Rooney 2015 sets equal their copies', () => {
    const m = gmt('mariathasan2018_imvigor210.gmt');
    expect(genes('Mariathasan_CD8_T_effector')).toEqual(m.get('CD_8_T_effector'));
    expect(genes('Mariathasan_Pan_F_TBRS')).toEqual(m.get('Pan_F_TBRs'));
    expect(genes('Mariathasan_Immune_checkpoint')).toEqual(m.get('Immune_Checkpoint'));
    expect(genes('Mariathasan_Antigen_processing')).toEqual(m.get('APM'));
    const a = gmt('ayers2017_ifng_tis.gmt');
    expect(genes('IFNG_6gene_Ayers')).toEqual(a.get('IFNG_signature_Ayers_et_al'));
    expect(genes('Expanded_immune_Ayers')).toEqual(a.get('T_cell_inflamed_GEP_Ayers_et_al'));
    expect(genes('CYT_Rooney')).toEqual(gmt('rooney2015_immune.gmt').get('Cytolytic_Activity_Rooney_et_al'));
  });

  it('Bindea 2013: each cell type equals the IOBR copy up to its renamed TCR/IG loci and its merge of NK CD56bright into CD56dim', () => {
    const ref = gmt('bindea2013_immune_cells.gmt');
    const rename = new Map([['TRA', 'TRAA'], ['TRD', 'TRDA'], ['IGL', 'IGLA']]);
    const bright = genes('Bindea_NK_CD56bright_cells');
    for (const s of builtinCollection('tme-rnaseq').signatures.filter((x) => x.id.startsWith('Bindea_') && x.id !== 'Bindea_NK_CD56bright_cells')) {
      const name = s.id.replace('Bindea_', '') + '_Bindea_et_al';
      const copy = ref.get(name);
      expect(copy, name).toBeDefined();
      const mine = new Set(s.genes.map((g) => rename.get(g) ?? g));
      // IOBR appended the CD56bright genes to CD56dim, all but MARCH6.
      if (s.id === 'Bindea_NK_CD56dim_cells') for (const g of bright) if (g !== 'MARCH6') mine.add(g);
      expect(mine, name).toEqual(copy);
    }
  });
});

describe('reading collections', () => {
  it('parseSignatureJson reads genes as strings or {symbol, weight, direction} and derived formulas', () => {
    const c = parseSignatureJson(JSON.stringify({ id: 'c', signatures: [
      { id: 'A', genes: ['X', { symbol: 'Y', weight: -2, direction: 'down' }], citation: { pmid: '1' } },
      { id: 'B', formula: 'A * 2', citation: { pmid: '1' } },
    ] }), { source: 'c.json' });
    expect(c.signatures[0].genes).toEqual(['X', 'Y']);
    expect(Array.from(c.signatures[0].weights!)).toEqual([1, -2]);
    expect(Array.from(c.signatures[0].directions!)).toEqual([1, -1]);
    expect(c.signatures[1].formula).toBe('A * 2');
  });

  it.each([
    ['{"signatures": [{"id": "A", "genes": []}]}', 'c.json: signatures[0]: invalid signature: signature "A" lists no genes and has no formula'],
    ['{"signatures": [{"id": "A", "genes": ["CD 8"]}]}', 'malformed gene symbol "CD 8"'],
    ['{"signatures": [{"id": "A", "genes": ["X"], "method": "magic"}]}', '"method" must be one of'],
    ['{"signatures": [{"id": "A", "genes": ["X"]}, {"id": "A", "genes": ["Y"]}]}', 'duplicate signature id "A"'],
    ['{"signatures": []}', 'the collection has no signatures'],
    ['{"signatures": [', 'c.json: invalid JSON'],
  ])('parseSignatureJson(%s) fails with a message naming the problem', (text, message) => {
    expect(() => parseSignatureJson(text, { source: 'c.json' })).toThrow(message);
  });

  it('parseGmx reads one set per column and parseSignatureFile picks GMT/GMX/JSON by extension', () => {
    const gmx = 'S1\tS2\nd1\td2\nA\tC\nB\t\n';
    expect(parseGmx(gmx).map((s) => [s.id, s.genes])).toEqual([['S1', ['A', 'B']], ['S2', ['C']]]);
    expect(parseSignatureFile(gmx, 'x.gmx').signatures).toHaveLength(2);
    expect(parseSignatureFile('S\td\tA\tB\n', 'x.gmt').signatures[0].genes).toEqual(['A', 'B']);
    expect(() => parseGmx('S1\tS2\nd\td\nA\t\n', { source: 'g.gmx' })).toThrow('g.gmx:1:2: gene set "S2" lists no genes');
  });
});
