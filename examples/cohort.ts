/**
 * The simulated example trial: 124 patients treated with a CAR-T product for relapsed follicular
 * lymphoma, with clinical covariates, serum analytes at baseline and day 0, product attributes,
 * post-infusion measures, outcomes, NanoString RCC files for 34 patients and RNA-seq counts for 35
 * (30 in both). Everything comes from `rng(seed)`; the same seed gives the same files.
 *
 * Planted effects (also returned as `truth`):
 * 1. Day-0 serum TNF-α raises the hazard of progression (log HR 0.9 per SD) — the strongest PFS
 *    covariate; baseline TNF-α is correlated with it (ρ ≈ 0.6).
 * 2. Tumour IFN-γ signalling (a latent programme driving ~40 genes) is higher in patients who
 *    progress (log HR 0.6 per SD) and so lower in ongoing responders.
 * 3. The naive T-cell fraction of the product protects against progression only when total
 *    metabolic tumour volume (TMTV) is above its median (log HR −0.9 per SD there, 0 below).
 * 4. CAR-T peak expansion lowers the hazard (log HR −0.5 per SD); CAR-T AUC is nearly collinear
 *    with the peak (ρ ≈ 0.95), as are VEGF AUC/peak and CD3 vs CD4 + CD8 counts.
 * 5. Grade ≥ 3 neurologic events (exactly 8 of 124) follow GM-CSF and IL-15 peaks.
 * 6. FLIPI adds to the hazard (log HR 0.3 per point).
 */
import { rng, type Rng } from '../src/core/random.js';
import { gamma, negativeBinomial, poisson } from './random-variates.js';
import { BACKGROUND_GENES } from './gene-universe.js';
import { HOUSEKEEPING, IFNG_PROGRAMME, NEGATIVE_CONTROLS, OTHER_PANEL_GENES, POSITIVE_CONTROLS, STROMA_PROGRAMME, TNF_PROGRAMME, panelGenes } from './panel.js';

export interface CohortOptions {
  /** Seed of the whole simulation. Default 42. */
  seed?: number;
  /** Number of patients. Default 124. */
  patients?: number;
  /** Genes of the RNA-seq matrix beyond the panel genes (real symbols up to 1500). Default 1500. */
  extraGenes?: number;
}

export interface Cohort {
  /** Column name → values (numbers, strings or booleans), one entry per patient. */
  clinical: Map<string, (number | string | boolean)[]>;
  /** RNA-seq raw counts, genes × samples. */
  rnaseq: { genes: string[]; samples: string[]; counts: Float64Array };
  /** RCC file name → file text. */
  rcc: Map<string, string>;
  truth: Record<string, unknown>;
}

const z = (x: number[]): number[] => {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  const s = Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
  return x.map((v) => (v - m) / s);
};
const round = (v: number, d: number): number => Math.round(v * 10 ** d) / 10 ** d;
const lognormal = (r: Rng, meanLog: number, sdLog: number): number => Math.exp(meanLog + sdLog * r.normal());
const median = (x: number[]): number => {
  const s = [...x].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

export function simulateCohort(options: CohortOptions = {}): Cohort {
  const seed = options.seed ?? 42;
  const n = options.patients ?? 124;
  const r = rng(seed, 0);
  const ids = Array.from({ length: n }, (_, i) => `PT${String(i + 1).padStart(3, '0')}`);
  const N = (mean: number, sd: number): number[] => Array.from({ length: n }, () => mean + sd * r.normal());

  // --- latent factors
  const ifng = N(0, 1);
  const tnfLatent = N(0, 1);
  const stroma = N(0, 1);

  // --- clinical
  const age = N(60, 9).map((v) => Math.round(Math.min(85, Math.max(30, v))));
  const flipi = Array.from({ length: n }, () => Math.min(5, Math.max(0, Math.round(2.6 + 1.1 * r.normal()))));
  const priorLines = Array.from({ length: n }, () => 2 + Math.min(6, Math.floor(gamma(r, 1.2))));
  const tmtv = Array.from({ length: n }, () => round(lognormal(r, 5, 1.1), 1));
  const spd = tmtv.map((t) => round(t * 0.12 * lognormal(r, 0, 0.5), 1));
  const bulky = tmtv.map((t) => t > 400 || r.uniform() < 0.1);
  const ldh = tmtv.map((t) => Math.round(180 + 40 * Math.log(t) * lognormal(r, 0, 0.2)));
  const hemoglobin = N(12.4, 1.6).map((v) => round(v, 1));

  // --- serum (log-normal; TNF-α follows the latent TNF factor)
  const serum = new Map<string, number[]>();
  const tnfD0 = tnfLatent.map((t) => round(Math.exp(1.6 + 0.45 * t + 0.1 * r.normal()), 2));
  const tnfBase = tnfLatent.map((t) => round(Math.exp(1.5 + 0.3 * t + 0.3 * r.normal()), 2));
  serum.set('tnfa_baseline', tnfBase);
  serum.set('tnfa_d0', tnfD0);
  for (const [name, ml, sl] of [
    ['il12p40', 5, 0.5], ['il2ra', 7.5, 0.5], ['ccl17', 6, 0.8], ['ccl22', 7, 0.4], ['il16', 5.5, 0.4],
    ['ferritin', 5.8, 0.9], ['ccl2', 6, 0.4], ['cxcl10', 5.5, 0.7],
  ] as [string, number, number][]) {
    const base = Array.from({ length: n }, () => ml + sl * r.normal());
    serum.set(`${name}_baseline`, base.map((b) => round(Math.exp(b), 2)));
    serum.set(`${name}_d0`, base.map((b) => round(Math.exp(b + 0.3 + 0.3 * sl * r.normal()), 2)));
  }

  // --- product attributes
  const cd4 = Array.from({ length: n }, () => lognormal(r, 4.2, 0.4));
  const cd8 = Array.from({ length: n }, () => lognormal(r, 3.9, 0.5));
  const cd3 = cd4.map((c, i) => round((c + cd8[i]) * lognormal(r, 0, 0.05), 1));
  const naivePct = Array.from({ length: n }, () => round(Math.min(70, lognormal(r, 2.6, 0.5)), 2));
  const naiveCount = naivePct.map((p, i) => round((p / 100) * cd3[i] * lognormal(r, 0, 0.1), 2));
  const ccr7pos = naivePct.map((p) => round(Math.min(95, p * 1.3 + 10 + 5 * r.normal()), 2));
  const ccr7neg = ccr7pos.map((p) => round(100 - p, 2));

  // --- post-infusion
  const peakLog = N(3.5, 0.9);
  const cartPeak = peakLog.map((p) => round(Math.exp(p), 2));
  const cartAuc = peakLog.map((p) => round(Math.exp(p + 2.6 + 0.3 * r.normal()), 1));
  const il6 = Array.from({ length: n }, () => round(lognormal(r, 2.5, 0.9), 2));
  const il2 = Array.from({ length: n }, () => round(lognormal(r, 1.5, 0.7), 2));
  const gmcsf = Array.from({ length: n }, () => round(lognormal(r, 1.2, 0.8), 2));
  const il15 = Array.from({ length: n }, () => round(lognormal(r, 3, 0.5), 2));
  const ifngPeak = Array.from({ length: n }, () => round(lognormal(r, 3.2, 1), 2));
  const vegfLog = N(5.5, 0.5);
  const vegfPeak = vegfLog.map((v) => round(Math.exp(v), 1));
  const vegfAuc = vegfLog.map((v) => round(Math.exp(v + 2.3 + 0.15 * r.normal()), 1));

  // --- progression-free survival (Weibull proportional hazards, administrative censoring)
  const zTnf = z(tnfD0.map(Math.log));
  const zNaive = z(naivePct.map(Math.log));
  const zPeak = z(peakLog);
  const tmtvMedian = median(tmtv);
  const lp = ids.map((_, i) =>
    0.9 * zTnf[i] + 0.6 * ifng[i] + 0.3 * (flipi[i] - 2.6) - 0.5 * zPeak[i] + (tmtv[i] > tmtvMedian ? -0.9 * zNaive[i] : 0) + 0.15 * stroma[i],
  );
  const shape = 1.2;
  const scale = 30; // months
  const pfsTime: number[] = [];
  const pfsEvent: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = scale * Math.pow(-Math.log(r.uniform() || 1e-12) / Math.exp(lp[i]), 1 / shape);
    const followUp = 18 + 30 * r.uniform();
    pfsTime.push(round(Math.max(0.3, Math.min(t, followUp)), 2));
    pfsEvent.push(t <= followUp ? 1 : 0);
  }
  const ongoing: number[] = pfsEvent.map((e) => (e === 0 ? 1 : 0));

  // --- toxicity: exactly 8 grade ≥ 3 neurologic events driven by GM-CSF and IL-15
  const zGm = z(gmcsf.map(Math.log));
  const zIl15 = z(il15.map(Math.log));
  const neRisk = ids.map((_, i) => 1.4 * zGm[i] + 1.0 * zIl15[i] + 0.8 * r.normal());
  const neTop = new Set([...neRisk.keys()].sort((a, b) => neRisk[b] - neRisk[a]).slice(0, 8));
  const neGrade = ids.map((_, i) => (neTop.has(i) ? 3 + (r.uniform() < 0.25 ? 1 : 0) : Math.min(2, Math.floor(r.uniform() * 2.6))));
  const zIl6 = z(il6.map(Math.log));
  const crsRisk = ids.map((_, i) => 1.2 * zIl6[i] + r.normal());
  const crsTop = new Set([...crsRisk.keys()].sort((a, b) => crsRisk[b] - crsRisk[a]).slice(0, 8));
  const crsGrade = ids.map((_, i) => (crsTop.has(i) ? 3 : Math.min(2, Math.floor(r.uniform() * 3))));
  const tocilizumab = ids.map((_, i) => crsGrade[i] >= 2 || r.uniform() < 0.15);
  const steroids = ids.map((_, i) => neGrade[i] >= 2 || r.uniform() < 0.1);

  const clinical = new Map<string, (number | string | boolean)[]>();
  clinical.set('sample_id', ids);
  clinical.set('age', age);
  clinical.set('flipi', flipi);
  clinical.set('prior_lines', priorLines);
  clinical.set('bulky_disease', bulky);
  clinical.set('ldh', ldh);
  clinical.set('hemoglobin', hemoglobin);
  clinical.set('tmtv', tmtv);
  clinical.set('spd', spd);
  for (const [k, v] of serum) clinical.set(k, v);
  clinical.set('naive_t_count', naiveCount);
  clinical.set('naive_t_pct', naivePct);
  clinical.set('ccr7_pos_pct', ccr7pos);
  clinical.set('ccr7_neg_pct', ccr7neg);
  clinical.set('cd3_count', cd3);
  clinical.set('cd4_count', cd4.map((v) => round(v, 1)));
  clinical.set('cd8_count', cd8.map((v) => round(v, 1)));
  clinical.set('cart_peak', cartPeak);
  clinical.set('cart_auc', cartAuc);
  clinical.set('il6_peak', il6);
  clinical.set('il2_peak', il2);
  clinical.set('gmcsf_peak', gmcsf);
  clinical.set('il15_peak', il15);
  clinical.set('ifng_peak', ifngPeak);
  clinical.set('vegf_peak', vegfPeak);
  clinical.set('vegf_auc', vegfAuc);
  clinical.set('tocilizumab', tocilizumab);
  clinical.set('steroids', steroids);
  clinical.set('ongoing_response', ongoing);
  clinical.set('response', ongoing.map((o) => (o ? 'R' : 'NR')));
  clinical.set('pfs_time', pfsTime);
  clinical.set('pfs_event', pfsEvent);
  clinical.set('crs_grade', crsGrade);
  clinical.set('ne_grade', neGrade);

  // --- tumour expression: who has which assay
  const order = rng(seed, 1).shuffle([...ids.keys()]);
  const rccIdx = order.slice(0, 34).sort((a, b) => a - b);
  const rnaIdx = [...order.slice(0, 30), ...order.slice(34, 39)].sort((a, b) => a - b);

  const gr = rng(seed, 2);
  const programme = new Map<string, { loading: number; factor: number[] }>();
  for (const g of IFNG_PROGRAMME) programme.set(g, { loading: 0.8 + 0.5 * gr.uniform(), factor: ifng });
  for (const g of TNF_PROGRAMME) programme.set(g, { loading: 0.5 + 0.4 * gr.uniform(), factor: tnfLatent });
  for (const g of STROMA_PROGRAMME) programme.set(g, { loading: 0.5 + 0.4 * gr.uniform(), factor: stroma });
  const panel = panelGenes();
  // real symbols first (pathway gene sets then match), numbered placeholders beyond 1500
  const extra = Array.from({ length: options.extraGenes ?? 1500 }, (_, k) => BACKGROUND_GENES[k] ?? `SIMG${String(k + 1).padStart(5, '0')}`);
  const baseLog2 = new Map<string, number>();
  for (const g of [...panel, ...HOUSEKEEPING, ...extra]) baseLog2.set(g, HOUSEKEEPING.includes(g) ? 9 + gr.normal() : 6 + 2 * gr.normal());
  const log2Expr = (g: string, i: number, rr: Rng): number => {
    const p = programme.get(g);
    return baseLog2.get(g)! + (p ? p.loading * p.factor[i] : 0) + 0.35 * rr.normal();
  };

  // RNA-seq counts: negative binomial around library size × relative abundance
  const rnaGenes = [...panel, ...HOUSEKEEPING, ...extra];
  const er = rng(seed, 3);
  const counts = new Float64Array(rnaGenes.length * rnaIdx.length);
  rnaIdx.forEach((i, j) => {
    const lib = 2e7 * Math.exp(0.3 * er.normal());
    const rel = rnaGenes.map((g) => Math.pow(2, log2Expr(g, i, er)));
    const tot = rel.reduce((a, b) => a + b, 0);
    rel.forEach((w, gi) => (counts[gi * rnaIdx.length + j] = negativeBinomial(er, (lib * w) / tot, 0.05)));
  });

  // RCC files
  const rcc = new Map<string, string>();
  const cr = rng(seed, 4);
  rccIdx.forEach((i, k) => {
    const lane = (k % 12) + 1;
    const cartridge = Math.floor(k / 12) + 1;
    const efficiency = Math.exp(0.25 * cr.normal());
    const input = Math.exp(0.3 * cr.normal());
    const lines: string[] = [];
    for (const [name, fM, acc] of POSITIVE_CONTROLS) lines.push(`Positive,${name},${acc},${poisson(cr, fM * 180 * efficiency)}`);
    for (const [name, acc] of NEGATIVE_CONTROLS) lines.push(`Negative,${name},${acc},${poisson(cr, 9 * efficiency)}`);
    for (const g of HOUSEKEEPING) lines.push(`Housekeeping,${g},NM_HK_${g},${poisson(cr, Math.pow(2, log2Expr(g, i, cr) - 1) * efficiency * input)}`);
    for (const g of panel) lines.push(`Endogenous,${g},NM_${g.replace(/[^A-Z0-9]/g, '')},${poisson(cr, Math.pow(2, log2Expr(g, i, cr) - 1) * efficiency * input + 9 * efficiency)}`);
    const fov = 280;
    const counted = cr.uniform() < 0.05 ? Math.round(fov * 0.7) : fov - Math.floor(cr.uniform() * 6);
    rcc.set(
      `${ids[i]}.RCC`,
      [
        '<Header>', 'FileVersion,1.7', 'SoftwareVersion,4.0.0.3', '</Header>', '',
        '<Sample_Attributes>', `ID,${ids[i]}`, 'Owner,example', 'Comments,simulated', `Date,2025${String(1 + (cartridge % 12)).padStart(2, '0')}15`,
        'GeneRLF,IO360SIM_C1', 'SystemAPF,n6_vDV1', '</Sample_Attributes>', '',
        '<Lane_Attributes>', `ID,${lane}`, `FovCount,${fov}`, `FovCounted,${counted}`, 'ScannerID,1234C0001', `StagePosition,${1 + (cartridge % 6)}`,
        `BindingDensity,${round(0.4 + 0.9 * cr.uniform(), 2)}`, `CartridgeID,SIMCART${cartridge}`, 'CartridgeBarcode,', '</Lane_Attributes>', '',
        '<Code_Summary>', 'CodeClass,Name,Accession,Count', ...lines, '</Code_Summary>', '', '<Messages>', '</Messages>', '',
      ].join('\r\n'),
    );
  });

  const truth = {
    seed,
    patients: n,
    description: 'Simulated data; no real patient is represented.',
    pfs_log_hazard_ratios: {
      tnfa_d0: '0.9 per SD of log TNF-α (day 0)',
      tumour_ifng_programme: '0.6 per SD of the latent IFN-γ programme (genes in ifng_programme_genes)',
      flipi: '0.3 per point',
      cart_peak: '-0.5 per SD of log peak',
      naive_t_pct: '-0.9 per SD of log naive T-cell % when tmtv > median, 0 otherwise',
      stroma_programme: '0.15 per SD',
    },
    tmtv_median: tmtvMedian,
    ne_grade3_events: 8,
    ne_drivers: ['gmcsf_peak', 'il15_peak'],
    crs_grade3_events: 8,
    crs_driver: 'il6_peak',
    collinear_pairs: [['cart_peak', 'cart_auc'], ['vegf_peak', 'vegf_auc'], ['naive_t_pct', 'naive_t_count'], ['ccr7_pos_pct', 'ccr7_neg_pct']],
    ifng_programme_genes: IFNG_PROGRAMME,
    tnf_programme_genes: TNF_PROGRAMME,
    stroma_programme_genes: STROMA_PROGRAMME,
    other_panel_genes: OTHER_PANEL_GENES.length,
    rcc_patients: rccIdx.map((i) => ids[i]),
    rnaseq_patients: rnaIdx.map((i) => ids[i]),
    events: pfsEvent.reduce((a, b) => a + b, 0),
    ongoing_responders: ongoing.reduce((a, b) => a + b, 0),
  };
  return { clinical, rnaseq: { genes: rnaGenes, samples: rnaIdx.map((i) => ids[i]), counts }, rcc, truth };
}
