/**
 * `sigscore analyze examples/trial-analysis.json` on the simulated example cohort (seed 42)
 * recovers the effects planted by `examples/cohort.ts`:
 * 1. day-0 serum TNF-α is the strongest PFS covariate: top 3 of the univariate screen (Cox p) and
 *    of the random-forest permutation importance;
 * 2. tumour IFN-γ signalling is higher in non-responders: the IFN-γ signature (IFNG_6gene_Ayers)
 *    scored on the normalised NanoString panel is higher in non-responders, Wilcoxon p < 0.05
 *    (n = 34); on RNA-seq GSVA scores (n = 35) the direction is the same (AUC > 0.5);
 * 3. naive T cells protect only at high TMTV: in the TMTV × naive-T risk groups, naive-high vs
 *    naive-low observed/expected ratio differs by > 0.5 at high TMTV and by less at low TMTV;
 * 5. GM-CSF and IL-15 peaks lead grade ≥ 3 NE: the two smallest screen p and top 2 forest ranks.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../cli/app.js';
import { writeExampleCohort } from '../../examples/write-cohort.js';
import { wilcoxonTest } from '../../src/stats/wilcoxon.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'sigscore-truth-'));
const data = join(dir, 'data');
const out = join(dir, 'out');

function table(path: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

let code = -1;
beforeAll(async () => {
  await writeExampleCohort(data, { seed: 42 });
  code = await run([
    'analyze', join(root, 'examples', 'trial-analysis.json'), '-o', out, '--quiet',
    '-i', `clinical=${join(data, 'clinical.tsv')}`, '-i', `rcc=${join(data, 'rcc')}`, '-i', `counts=${join(data, 'rnaseq_counts.tsv')}`,
    '--steps', 'nanostring-normalize,score-panel,score-rnaseq,screen,forest-pfs,forest-ne3,riskgroups-tmtv-naive',
  ]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sigscore analyze on the example cohort recovers the planted truth', () => {
  it('runs the selected steps of examples/trial-analysis.json', () => expect(code).toBe(0));

  it('TNF-α day 0 is in the top 3 PFS covariates of the screen and of the forest', () => {
    const pfs = table(join(out, 'screen', 'screen.tsv')).filter((r) => r.endpoint === 'pfs').sort((a, b) => Number(a.p) - Number(b.p));
    expect(pfs.slice(0, 3).map((r) => r.covariate)).toContain('tnfa_d0');
    expect(Number(pfs.find((r) => r.covariate === 'tnfa_d0')!.effect)).toBeGreaterThan(1); // HR > 1
    const forest = table(join(out, 'forest', 'importance_pfs.tsv'));
    expect(forest.slice(0, 3).map((r) => r.covariate)).toContain('tnfa_d0');
  });

  const ifng = (file: string): { auc: number; pValue: number } => {
    const scores = table(join(out, 'scores', file)).find((r) => r.signature === 'IFNG_6gene_Ayers')!;
    const clinical = new Map(table(join(data, 'clinical.tsv')).map((r) => [r.sample_id, r.ongoing_response]));
    const resp: number[] = [];
    const non: number[] = [];
    for (const [id, v] of Object.entries(scores)) {
      if (id === 'signature' || v === 'NA') continue;
      (clinical.get(id) === '1' ? resp : non).push(Number(v));
    }
    return wilcoxonTest(non, resp, { confInt: false });
  };
  it('the IFN-γ signature on the NanoString panel is higher in non-responders (Wilcoxon p < 0.05)', () => {
    const w = ifng('nanostring_io360_scores.tsv');
    expect(w.auc).toBeGreaterThan(0.7);
    expect(w.pValue).toBeLessThan(0.05);
  });
  it('the IFN-γ signature on RNA-seq GSVA scores points the same way (AUC non-responders vs responders > 0.5)', () => {
    expect(ifng('rnaseq_gsva_scores.tsv').auc).toBeGreaterThan(0.5);
  });

  it('naive T cells protect only at high TMTV in the TMTV × naive-T risk groups', () => {
    const g = new Map(table(join(out, 'survival', 'riskgroups-tmtv-naive.tsv')).map((r) => [r.group, Number(r.observed) / Number(r.expected)]));
    const high = g.get('tmtv_high:naive_t_pct_low')! - g.get('tmtv_high:naive_t_pct_high')!;
    const low = g.get('tmtv_low:naive_t_pct_low')! - g.get('tmtv_low:naive_t_pct_high')!;
    expect(high).toBeGreaterThan(0.5);
    expect(low).toBeLessThan(high);
  });

  it('GM-CSF and IL-15 peaks lead grade ≥ 3 neurologic events in the screen and the forest', () => {
    const ne = table(join(out, 'screen', 'screen.tsv')).filter((r) => r.endpoint === 'ne3').sort((a, b) => Number(a.p) - Number(b.p));
    expect(ne.slice(0, 2).map((r) => r.covariate).sort()).toEqual(['gmcsf_peak', 'il15_peak']);
    expect(table(join(out, 'forest', 'importance_ne3.tsv')).slice(0, 2).map((r) => r.covariate).sort()).toEqual(['gmcsf_peak', 'il15_peak']);
  });
});
