/**
 * Score every sample on a list of signatures: match genes (with aliases), apply the coverage
 * policy, dispatch each signature to its method, evaluate derived signatures, and return one
 * row per signature and one column per sample (as GSVA's output), with the coverage table.
 */
import { createMatrix, type Matrix } from '../core/matrix.js';
import type { ExpressionSet } from '../core/expression-set.js';
import { DataError, UsageError } from '../core/errors.js';
import { validateOptions, type Spec } from '../core/validate.js';
import { matchSignatures, type CoverageOptions, type CoverageRow, type MatchedSignature } from './coverage.js';
import { evaluateFormulas } from './formula.js';
import { scoreMsg } from './messages.js';
import { plageScores } from './plage.js';
import { preferredMethod, SCORE_METHODS, type ScoreMethod, type Signature } from './signature.js';
import { singscoreScores } from './singscore.js';
import { standardizeRows } from './standardize.js';
import { summaryScore } from './summary.js';
import { weightedScore } from './weighted.js';
import { zscoreScores } from './zscore.js';
import { gsva, ssgsea } from './gsva/index.js';

export interface ScoreOptions extends CoverageOptions {
  /** Method for every signature, or `'auto'`: each signature's own method (weighted when it has weights, else mean). Default `'auto'`. */
  method?: 'auto' | ScoreMethod;
  /** mean/median: centre each gene on its cohort mean first. Default false. */
  centerGenes?: boolean;
  /** singscore: subtract 0.5 so scores are centred on 0. Default true. */
  singscoreCenter?: boolean;
  /** gsva: kernel for each gene's distribution ('gaussian' for log scale, 'poisson' for counts, 'none'). Default 'gaussian'. */
  kcdf?: 'gaussian' | 'poisson' | 'none';
}

export interface ScoreResult {
  /** Signature ids (rows of `scores`), input order. */
  signatures: string[];
  samples: string[];
  /** signatures × samples; NaN where a signature could not be scored. */
  scores: Matrix;
  /** Effective method per signature (`formula` for derived ones). */
  methods: string[];
  /** singscore dispersions (signatures × samples, NaN for other methods), when singscore was used. */
  dispersion?: Matrix;
  coverage: CoverageRow[];
  warnings: string[];
  params: Required<Omit<ScoreOptions, 'aliases' | 'minCoverage'>> & { minCoverage: number | 'default'; aliases: number };
}

const METHODS = ['auto', ...SCORE_METHODS] as const;
const DEFAULTS = { method: 'auto', missing: 'drop', minCoverage: undefined, minGenes: 2, centerGenes: false, singscoreCenter: true, kcdf: 'gaussian', aliases: undefined } as const;
const SPEC: Spec<ScoreOptions> = {
  method: { type: 'enum', values: METHODS },
  missing: { type: 'enum', values: ['drop', 'na', 'error'] },
  minCoverage: { type: 'number', min: 0, max: 1 },
  minGenes: { type: 'number', min: 1, integer: true },
  centerGenes: { type: 'boolean' },
  singscoreCenter: { type: 'boolean' },
  kcdf: { type: 'enum', values: ['gaussian', 'poisson', 'none'] },
  aliases: { type: 'any' },
};

/**
 * Score `es` (genes × samples, log scale unless the method says otherwise) on `signatures`.
 * O(genes·samples) for matching plus each method's own cost.
 */
export async function scoreSignatures(es: ExpressionSet, signatures: readonly Signature[], options: ScoreOptions = {}): Promise<ScoreResult> {
  const opt = validateOptions<ScoreOptions>(options, { ...DEFAULTS } as ScoreOptions, SPEC);
  const x = es.x;
  if (x.nrow === 0 || x.ncol === 0) throw new DataError(scoreMsg.emptyMatrix());
  const ids = new Set<string>();
  for (const s of signatures) {
    if (ids.has(s.id)) throw new DataError(scoreMsg.signatureDuplicate(s.id));
    ids.add(s.id);
  }
  const methodOf = (s: Signature): string => (s.formula !== undefined ? 'formula' : opt.method === 'auto' ? preferredMethod(s) : opt.method!);
  const { matched, warnings } = matchSignatures(es.genes, signatures, methodOf, opt);
  const n = x.ncol;
  const values = new Map<string, Float64Array>();
  const dispersionRows = new Map<string, Float64Array>();
  const byMethod = new Map<string, MatchedSignature[]>();
  for (const m of matched) {
    if (!m.scorable || m.coverage.method === 'formula') continue;
    const list = byMethod.get(m.coverage.method) ?? [];
    list.push(m);
    byMethod.set(m.coverage.method, list);
  }
  const needsZ = [...(byMethod.get('zscore') ?? []), ...(byMethod.get('plage') ?? [])];
  const z = needsZ.length ? standardizeRows(x, needsZ.flatMap((m) => Array.from(m.rows))) : new Map();
  const reportConstant = new Set<number>();
  for (const m of needsZ) for (const r of m.rows) if (z.get(r) === null) reportConstant.add(r);
  for (const r of reportConstant) warnings.push(scoreMsg.constantGene(es.genes[r]));
  if (needsZ.length && n < 2) warnings.push(scoreMsg.tooFewSamples('zscore/plage', n));

  for (const [method, list] of byMethod) {
    const sets = list.map((m) => ({ rows: m.rows, directions: m.directions }));
    let out: Float64Array[];
    switch (method) {
      case 'weighted':
        out = list.map((m) => weightedScore(x, m.rows, m.weights, m.housekeepingRows, m.signature.intercept ?? 0));
        break;
      case 'mean':
      case 'median':
        out = list.map((m) => summaryScore(x, m.rows, { stat: method, center: opt.centerGenes, directions: m.directions }));
        break;
      case 'zscore':
        out = zscoreScores(x, sets, z);
        break;
      case 'plage':
        out = plageScores(x, sets, z);
        break;
      case 'singscore': {
        const r = singscoreScores(
          x,
          list.map((m) => ({ up: m.rows.filter((_, a) => m.directions[a] > 0), down: m.rows.filter((_, a) => m.directions[a] < 0) })),
          { center: opt.singscoreCenter },
        );
        out = r.scores;
        list.forEach((m, i) => dispersionRows.set(m.signature.id, r.dispersions[i]));
        break;
      }
      case 'gsva':
      case 'ssgsea': {
        // The matched matrix genes (after alias mapping) form each set; directions are not used.
        const sets = list.map((m) => ({ id: m.signature.id, genes: Array.from(m.rows, (r) => es.genes[r]) }));
        const res = method === 'gsva' ? await gsva(es, sets, { kcdf: opt.kcdf! }) : await ssgsea(es, sets);
        warnings.push(...res.warnings);
        const at = new Map(res.setIds.map((id, i) => [id, i] as const));
        out = list.map((m) => {
          const i = at.get(m.signature.id);
          return i === undefined ? new Float64Array(n).fill(NaN) : res.scores.data.slice(i * n, (i + 1) * n);
        });
        break;
      }
      default:
        throw new UsageError(scoreMsg.methodUnavailable(method));
    }
    list.forEach((m, i) => values.set(m.signature.id, out[i]));
  }
  for (const m of matched) if (!m.scorable) values.set(m.signature.id, new Float64Array(n).fill(NaN));
  await evaluateFormulas(signatures.filter((s) => s.formula !== undefined), values, n);

  const scores = createMatrix(signatures.length, n);
  signatures.forEach((s, i) => scores.data.set(values.get(s.id)!, i * n));
  let dispersion: Matrix | undefined;
  if (dispersionRows.size) {
    dispersion = createMatrix(signatures.length, n);
    dispersion.data.fill(NaN);
    signatures.forEach((s, i) => {
      const d = dispersionRows.get(s.id);
      if (d) dispersion!.data.set(d, i * n);
    });
  }
  return {
    signatures: signatures.map((s) => s.id),
    samples: es.samples.slice(),
    scores,
    methods: matched.map((m) => m.coverage.method),
    dispersion,
    coverage: matched.map((m) => m.coverage),
    warnings,
    params: {
      method: opt.method!, missing: opt.missing!, minCoverage: opt.minCoverage ?? 'default', minGenes: opt.minGenes!,
      centerGenes: opt.centerGenes!, singscoreCenter: opt.singscoreCenter!, kcdf: opt.kcdf!, aliases: opt.aliases?.size ?? 0,
    },
  };
}
