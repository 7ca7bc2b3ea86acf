/**
 * Gene content of the simulated example data: an IO360-like nCounter panel (real gene symbols,
 * housekeeping and ERCC control probes) and the programmes that drive simulated expression.
 * Programme membership is the simulator's own choice; it only needs to overlap the shipped
 * signatures so that scores carry the planted effects.
 */

/** Interferon-γ / T-cell-inflamed programme: raised in tumours of patients who progress. */
export const IFNG_PROGRAMME = [
  'IFNG', 'STAT1', 'CXCL9', 'CXCL10', 'CXCL11', 'IDO1', 'GBP1', 'GBP4', 'GBP5', 'IRF1', 'HLA-DRA', 'CIITA',
  'PSMB9', 'TAP1', 'CD274', 'PDCD1LG2', 'LAG3', 'TIGIT', 'CCL5', 'NKG7', 'GZMA', 'GZMB', 'GZMK', 'PRF1',
  'CD8A', 'CD8B', 'CXCR6', 'HLA-DQA1', 'HLA-DRB1', 'HLA-E', 'PSMB10', 'CMKLR1', 'CD27', 'IL2RG', 'TAGAP',
  'CD2', 'CD3D', 'CD3E', 'CD3G', 'CXCL13', 'TBX21', 'CD276',
];

/** TNF-α / NF-κB programme: follows serum TNF-α at day 0. */
export const TNF_PROGRAMME = [
  'TNF', 'NFKBIA', 'TNFAIP3', 'RELB', 'NFKB1', 'NFKB2', 'JUNB', 'IER3', 'ICAM1', 'BIRC3', 'CCL20', 'CXCL2',
  'IL1B', 'PTGS2', 'CCL2', 'CCL3', 'CCL4', 'SOD2',
];

/** Fibroblast / TGF-β programme: slightly higher in non-responders. */
export const STROMA_PROGRAMME = [
  'ACTA2', 'ACTG2', 'ADAM12', 'ADAM19', 'CNN1', 'COL4A1', 'CTGF', 'CTPS1', 'FSTL3', 'HSPB1', 'IGFBP3',
  'SEMA7A', 'SH3PXD2A', 'TAGLN', 'TGFBI', 'TNS1', 'TPM1', 'COL1A1', 'COL1A2', 'COL3A1', 'FAP', 'PDGFRB',
];

/** Further immune and tumour genes on the panel, not driven by a programme. */
export const OTHER_PANEL_GENES = [
  'PTPRC', 'MS4A1', 'CD19', 'BLK', 'FCRL2', 'TNFRSF17', 'TCL1A', 'SPIB', 'PNOC', 'FAM30A', 'CTSW', 'GNLY',
  'GZMH', 'KLRB1', 'KLRD1', 'KLRK1', 'CCL13', 'CD209', 'HSD11B1', 'CD244', 'EOMES', 'PTGER4', 'CD163',
  'CD68', 'CD84', 'MS4A4A', 'CPA3', 'HDC', 'MS4A2', 'TPSAB1', 'TPSB2', 'CEACAM3', 'CSF3R', 'FCAR',
  'FCGR3B', 'FPR1', 'S100A12', 'SIGLEC5', 'IL21R', 'KIR2DL3', 'KIR3DL1', 'KIR3DL2', 'NCR1', 'XCL1', 'XCL2',
  'CD6', 'SH2D1A', 'TRAT1', 'FOXP3', 'PDCD1', 'CTLA4', 'HAVCR2', 'BTLA', 'ICOS', 'CD40', 'CD40LG', 'CD80',
  'CD86', 'CCR7', 'SELL', 'TCF7', 'IL7R', 'MKI67', 'TOP2A', 'BCL2', 'BCL6', 'MYC', 'CD79A', 'CD79B',
  'CCL8', 'CCL18', 'CCL19', 'CCL21', 'VEGFA', 'HIF1A', 'B2M', 'HLA-A', 'HLA-B', 'HLA-C', 'TAP2', 'ISG15',
  'MX1', 'IFIT1', 'IFIT3', 'OAS1', 'IRF7', 'ARG1', 'NOS2', 'IL10', 'TGFB1', 'EPCAM', 'KRT8',
];

/** The 11 housekeeping genes of the public Tumor Inflammation Signature (current symbols). */
export const HOUSEKEEPING = ['ABCF1', 'NRDE2', 'G6PD', 'OAZ1', 'POLR2A', 'SDHA', 'STK11IP', 'TBC1D10B', 'TBP', 'UBB', 'ZBTB34'];

/** Positive controls with their concentrations (fM), as on nCounter CodeSets. */
export const POSITIVE_CONTROLS: [name: string, fM: number, accession: string][] = [
  ['POS_A(128)', 128, 'ERCC_00117.1'],
  ['POS_B(32)', 32, 'ERCC_00112.1'],
  ['POS_C(8)', 8, 'ERCC_00002.1'],
  ['POS_D(2)', 2, 'ERCC_00092.1'],
  ['POS_E(0.5)', 0.5, 'ERCC_00035.1'],
  ['POS_F(0.125)', 0.125, 'ERCC_00034.1'],
];

export const NEGATIVE_CONTROLS: [name: string, accession: string][] = [
  ['NEG_A(0)', 'ERCC_00096.1'], ['NEG_B(0)', 'ERCC_00041.1'], ['NEG_C(0)', 'ERCC_00019.1'], ['NEG_D(0)', 'ERCC_00076.1'],
  ['NEG_E(0)', 'ERCC_00098.1'], ['NEG_F(0)', 'ERCC_00126.1'], ['NEG_G(0)', 'ERCC_00144.1'], ['NEG_H(0)', 'ERCC_00154.1'],
];

/** All endogenous panel genes, each once. */
export function panelGenes(): string[] {
  return [...new Set([...IFNG_PROGRAMME, ...TNF_PROGRAMME, ...STROMA_PROGRAMME, ...OTHER_PANEL_GENES])];
}
