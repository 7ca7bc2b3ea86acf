import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRccInputs, readRlfFile, readZip } from '../../src/io/node/rcc-inputs.js';
import { parseRcc, mergeRcc, checkRccAgainstRlf, parseRlf } from '../../src/io/rcc/index.js';
import { DataError, ParseError } from '../../src/core/errors.js';
import { gseDir, hasShared, makeZip, plexDir, qcproCsv, qcproRcc, qcproRlf, synthRcc } from './helpers.js';

describe.skipIf(!hasShared)('RCC reading on the shared NanoString data', () => {
  it('readRccInputs(25 NanoStringQCPro RCCs) equals the nSolver CSV export value for value', async () => {
    const set = mergeRcc(await readRccInputs([qcproRcc]), { sampleId: 'file' }).set;
    const rows = readFileSync(qcproCsv, 'utf8').replace(/\r/g, '').trim().split('\n').map((l) => l.split(','));
    const files = rows[0].slice(3).map((f) => f.replace(/\.RCC$/, ''));
    const probeRows = rows.filter((r) => ['Endogenous', 'Housekeeping', 'Positive', 'Negative'].includes(r[0]));
    expect(files.length).toBe(25);
    expect(probeRows.length).toBe(set.genes.length);
    let compared = 0;
    for (const r of probeRows) {
      const g = set.genes.indexOf(r[1]);
      expect(set.geneAnnotation!.get('CodeClass')![g]).toBe(r[0]);
      expect(set.geneAnnotation!.get('Accession')![g]).toBe(r[2]);
      files.forEach((f, k) => {
        expect(set.x.data[g * set.x.ncol + set.samples.indexOf(f)]).toBe(Number(r[3 + k]));
        compared++;
      });
    }
    expect(compared).toBe(32 * 25);
    // lane and sample attributes against the export's header rows
    const attr = (label: string) => rows.find((r) => r[0] === label)!.slice(3);
    const fov = set.sampleAnnotation!.get('FovCounted')!;
    const bd = set.sampleAnnotation!.get('BindingDensity')!;
    files.forEach((f, k) => {
      const j = set.samples.indexOf(f);
      expect(fov[j]).toBe(attr('FOV Counted')[k]);
      expect(bd[j]).toBe(attr('Binding Density')[k]);
      expect(set.sampleAnnotation!.get('ID')![j]).toBe(attr('Sample ID')[k]);
    });
  });

  it('checkRccAgainstRlf accepts the 25 files against NQCP_example.rlf (POS_A(128) ↔ POS_A)', async () => {
    const rlf = await readRlfFile(qcproRlf);
    expect(rlf.name).toBe('NQCP_example');
    expect(rlf.probe.length).toBe(38);
    for (const f of await readRccInputs([qcproRcc])) expect(() => checkRccAgainstRlf(f, rlf)).not.toThrow();
  });

  it('FileVersion 1.6 files (GSE74821, 48 samples) equal the NACHO wide export', async () => {
    const set = mergeRcc(await readRccInputs([join(gseDir, 'rcc_reconstructed')]), { sampleId: 'file' }).set;
    const lines = readFileSync(join(gseDir, 'GSE74821_raw_counts_wide.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const samples = lines[0].slice(3);
    expect(set.samples.length).toBe(48);
    for (const r of lines.slice(1)) {
      const g = set.genes.indexOf(r[1]);
      samples.forEach((s, k) => expect(set.x.data[g * 48 + set.samples.indexOf(s)]).toBe(Number(r[3 + k])));
    }
  });

  it('PlexSet files are rejected with a message that says PlexSet is not supported (file:line:column)', async () => {
    for (const d of ['salmon_data', 'plexset_data']) {
      const dir = join(plexDir, d);
      const first = readdirSync(dir).sort()[0];
      await expect(readRccInputs([dir])).rejects.toThrow(new RegExp(`${first}:\\d+:1: PlexSet code class "(Endogenous|Housekeeping)1s".*not supported`));
    }
  });

  it('readRccInputs(zip) reads the same counts as the directory, deflate and stored entries', async () => {
    const names = readdirSync(qcproRcc).sort();
    const entries = names.map((n, i) => ({ name: `run/${n}`, data: readFileSync(join(qcproRcc, n)), i }));
    const dir = mkdtempSync(join(tmpdir(), 'sigscore-ns-'));
    writeFileSync(join(dir, 'a.zip'), makeZip(entries.slice(0, 12)));
    writeFileSync(join(dir, 'b.zip'), makeZip([...entries.slice(12), { name: '__MACOSX/._x.RCC', data: new Uint8Array(3) }], true));
    const fromZip = mergeRcc(await readRccInputs([join(dir, 'a.zip'), join(dir, 'b.zip')]), { sampleId: 'file' }).set;
    const fromDir = mergeRcc(await readRccInputs([qcproRcc]), { sampleId: 'file' }).set;
    expect(fromZip.samples).toEqual(fromDir.samples);
    expect(Array.from(fromZip.x.data)).toEqual(Array.from(fromDir.x.data));
    expect(() => readZip(makeZip(entries.slice(0, 2)).subarray(0, 500), 'cut.zip')).toThrow(/cut\.zip: not a readable zip archive/);
  });
});

describe('parseRcc and mergeRcc on synthetic files', () => {
  it('parseRcc keeps header, sample and lane attributes and CRLF/BOM-free fields', () => {
    const f = parseRcc('\ufeff' + synthRcc({ id: 'S1' }), { file: 's1.RCC' });
    expect(f.header.get('FileVersion')).toBe('1.7');
    expect(f.sampleAttributes.get('GeneRLF')).toBe('SYN');
    expect(f.laneAttributes.get('BindingDensity')).toBe('0.8');
    expect(f.probes.name.slice(0, 2)).toEqual(['POS_A', 'POS_B']);
    expect(Array.from(f.probes.count.slice(0, 2))).toEqual([10000, 2500]);
  });

  it('parseRcc reports an RCC cut at a line boundary as an unclosed section at its opening line', () => {
    const t = synthRcc({ id: 'S1' });
    const cut = t.slice(0, t.indexOf('Endogenous,GENE2'));
    expect(() => parseRcc(cut, { file: 'cut.RCC' })).toThrow('cut.RCC:24:1: section <Code_Summary> is not closed: the file is truncated or corrupt');
    expect(() => parseRcc(t.replace('</Lane_Attributes>', ''), { file: 'n.RCC' })).toThrow('n.RCC:24:1: section <Code_Summary> starts inside <Lane_Attributes>');
    expect(() => parseRcc(t.replace('Count\r\n', 'Counts\r\n').replace('CodeClass,Name,Accession,Counts', 'Class,Name'), { file: 'h.RCC' })).toThrow(/h\.RCC:25:1: Code_Summary header must name CodeClass, Name and Count/);
    expect(() => parseRcc(t.replace(/Positive[^\r]*\r\n|Negative[^\r]*\r\n|Housekeeping[^\r]*\r\n|Endogenous[^\r]*\r\n/g, ''), { file: 'e.RCC' })).toThrow('e.RCC: <Code_Summary> has no probes');
  });

  it('mergeRcc names samples by ID or file, annotates LaneID and rejects duplicate ids', () => {
    const a = parseRcc(synthRcc({ id: 'X' }), { file: 'd/a.RCC' });
    const b = parseRcc(synthRcc({ id: 'X' }), { file: 'd/b.rcc' });
    expect(() => mergeRcc([a, b])).toThrow(DataError);
    expect(() => mergeRcc([a, b])).toThrow('duplicate sample id "X" in d/a.RCC and d/b.rcc; use --sample-id file or rename the samples');
    const m = mergeRcc([a, b], { sampleId: 'file' });
    expect(m.set.samples).toEqual(['a', 'b']);
    expect(m.set.sampleAnnotation!.get('LaneID')).toEqual(['1', '1']);
    expect(m.set.sampleAnnotation!.get('FileName')).toEqual(['a.RCC', 'b.rcc']);
    expect(mergeRcc([a]).set.x.ncol).toBe(1);
    expect(mergeRcc([parseRcc(synthRcc({ id: '' }), { file: 'z/blank.RCC' })]).set.samples).toEqual(['blank']);
    expect(() => mergeRcc([])).toThrow('no RCC files given');
  });

  it('mergeRcc rejects mixed codesets unless allowMixed, then keeps the shared probes with a warning', () => {
    const a = parseRcc(synthRcc({ id: 'A' }), { file: 'a.RCC' });
    const b = parseRcc(synthRcc({ id: 'B', rlf: 'OTHER', endo: [1, 2] }), { file: 'b.RCC' });
    expect(() => mergeRcc([a, b])).toThrow('mixed codesets: a.RCC uses "SYN" but b.RCC uses "OTHER"; pass --allow-mixed to keep only the probes they share');
    const c = parseRcc(synthRcc({ id: 'C', endo: [1, 2] }), { file: 'c.RCC' });
    expect(() => mergeRcc([a, c])).toThrow(/different probes \(1 only in the first, 0 only in the second\)/);
    const m = mergeRcc([a, b], { allowMixed: true });
    expect(m.set.genes).not.toContain('GENE3');
    expect(m.set.genes.length).toBe(14);
    expect(m.warnings).toEqual(['mixed codesets: kept the 14 probes every file shares, dropped 1']);
  });

  it('checkRccAgainstRlf lists probes missing from the RCC and probes not in the RLF', () => {
    const rlf = parseRlf(
      '[Header]\nClassKey0=0\nClassName0=Endogenous\n\n[Content]\nColumns=Classification,GeneName,Accession\nRecord0=0,GENE1,a\nRecord1=0,GENE9,b\n',
      { file: 'x/SYN.rlf' },
    );
    const f = parseRcc(synthRcc({ id: 'A' }), { file: 'a.RCC' });
    expect(() => checkRccAgainstRlf(f, rlf)).toThrow(/a\.RCC: probes do not match the codeset "SYN"; missing 1 \(GENE9\); not in the RLF 14/);
    expect(() => parseRlf('[Header]\n', { file: 'bad.rlf' })).toThrow(ParseError);
  });
});
