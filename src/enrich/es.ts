/**
 * Enrichment score of a gene set in a ranked list (Subramanian et al. 2005,
 * doi:10.1073/pnas.0506580102): a running sum that steps up by |rᵢ|^p / N_R at each gene of the
 * set and down by 1/(n − k) at each other gene; ES is its maximum deviation from zero.
 *
 * Only the k hits are visited: between hits the sum falls linearly, so the extremes are at the
 * hits (after a step: top) and just before them (bottom). With hits at sorted positions p₀<…<p_{k−1}
 * (0-based) and cumulative weight Cⱼ = Σ_{i≤j} w(pᵢ):
 *   topⱼ = Cⱼ/N_R − (pⱼ − j)/(n − k),  bottomⱼ = C_{j−1}/N_R − (pⱼ − j)/(n − k).
 * ES⁺ = max topⱼ, ES⁻ = min bottomⱼ; `std` returns ES⁺ if ES⁺ > −ES⁻, ES⁻ if ES⁺ < −ES⁻, else 0
 * (as fgsea). O(k) given sorted positions. Checked against fgsea 1.31.6 `calcGseaStat`.
 */
export type ScoreType = 'std' | 'pos' | 'neg';

export interface EsResult {
  es: number;
  /** Index (into the hits) of the peak: the last hit of the leading edge for ES ≥ 0, the first for ES < 0. */
  peak: number;
}

/** Running-sum extremes for hits at `pos` (sorted) with weights |stats[pos]|^p. */
export function enrichmentScore(
  stats: Float64Array,
  pos: Int32Array,
  options: { p?: number; scoreType?: ScoreType } = {},
): EsResult {
  const p = options.p ?? 1;
  const k = pos.length;
  const n = stats.length;
  if (k === 0 || k >= n) return { es: NaN, peak: -1 };
  let nr = 0;
  for (let j = 0; j < k; j++) nr += weight(stats[pos[j]], p);
  if (!(nr > 0)) return { es: NaN, peak: -1 };
  const missStep = 1 / (n - k);
  let cum = 0;
  let top = -Infinity;
  let topAt = -1;
  let bot = Infinity;
  let botAt = -1;
  for (let j = 0; j < k; j++) {
    const down = (pos[j] - j) * missStep;
    const before = cum / nr - down;
    if (before < bot) {
      bot = before;
      botAt = j;
    }
    cum += weight(stats[pos[j]], p);
    const after = cum / nr - down;
    if (after > top) {
      top = after;
      topAt = j;
    }
  }
  // the sum ends at 0 after the last gene; it never goes below its value before the first hit here
  const type = options.scoreType ?? 'std';
  if (type === 'pos') return { es: top, peak: topAt };
  if (type === 'neg') return { es: bot, peak: botAt };
  if (top > -bot) return { es: top, peak: topAt };
  if (top < -bot) return { es: bot, peak: botAt };
  return { es: 0, peak: topAt };
}

function weight(s: number, p: number): number {
  return p === 1 ? Math.abs(s) : p === 0 ? 1 : Math.pow(Math.abs(s), p);
}

/**
 * The running sum at every position of the ranking (for enrichment plots). O(n).
 * Readable reference form of `enrichmentScore`, also used to test it.
 */
export function runningSum(stats: Float64Array, pos: Int32Array, options: { p?: number } = {}): Float64Array {
  const p = options.p ?? 1;
  const n = stats.length;
  const k = pos.length;
  const hit = new Uint8Array(n);
  let nr = 0;
  for (let j = 0; j < k; j++) {
    hit[pos[j]] = 1;
    nr += weight(stats[pos[j]], p);
  }
  const out = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += hit[i] ? weight(stats[i], p) / nr : -1 / (n - k);
    out[i] = s;
  }
  return out;
}

/** Leading-edge genes: hits up to the peak for ES ≥ 0 (top first); from the peak down for ES < 0 (bottom-most first). */
export function leadingEdge(genes: readonly string[], pos: Int32Array, r: EsResult): string[] {
  if (r.peak < 0 || Number.isNaN(r.es)) return [];
  const out: string[] = [];
  if (r.es >= 0) for (let j = 0; j <= r.peak; j++) out.push(genes[pos[j]]);
  else for (let j = pos.length - 1; j >= r.peak; j--) out.push(genes[pos[j]]);
  return out;
}
