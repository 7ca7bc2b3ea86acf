/**
 * Harrell's concordance (Harrell et al. 1982, doi:10.1001/jama.1982.03320430047030) as R's
 * `concordance(Surv ~ x, reverse = TRUE)` counts it: a pair is comparable when the shorter time is
 * an event (an event and a censoring at the same time count as comparable, the censored subject
 * having survived longer; two events at the same time are `tiedY` and not used); with `reverse`
 * a higher predictor means shorter survival. C = (concordant + tiedX/2) / (concordant + discordant + tiedX).
 * Pairs are formed within strata only. O(n²) pairs after an O(n log n) sort.
 * Checked against R survival 3.5-3 `concordance` (count and value).
 */
import { orderAscending } from './order.js';

export interface ConcordanceResult {
  concordance: number;
  concordant: number;
  discordant: number;
  tiedX: number;
  tiedY: number;
}

export function concordance(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  x: ArrayLike<number>,
  options: { reverse?: boolean; strata?: ArrayLike<number> } = {},
): ConcordanceResult {
  const reverse = options.reverse ?? true;
  const strata = options.strata;
  const n = time.length;
  const ord = orderAscending(time, event, strata);
  let conc = 0, disc = 0, tx = 0, ty = 0;
  for (let a = 0; a < n; a++) {
    const i = ord[a];
    if (!event[i]) continue;
    for (let b = a + 1; b < n; b++) {
      const j = ord[b];
      if (strata && strata[j] !== strata[i]) break;
      if (time[j] === time[i] && event[j]) {
        ty++;
        continue;
      }
      // i fails first
      const d = x[i] - x[j];
      if (d === 0) tx++;
      else if (d > 0 === reverse) conc++;
      else disc++;
    }
  }
  const den = conc + disc + tx;
  return { concordance: den > 0 ? (conc + tx / 2) / den : NaN, concordant: conc, discordant: disc, tiedX: tx, tiedY: ty };
}
