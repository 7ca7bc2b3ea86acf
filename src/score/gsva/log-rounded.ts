/**
 * Natural logarithm rounded to the nearest double, as the C library R links to returns it.
 * `Math.log` may be one unit in the last place off (about 0.5% of arguments), which matters
 * here: GSVA orders genes by log(F/(1−F))-type statistics, and genes whose statistics are equal
 * in exact arithmetic are ordered by the last bit R obtains.
 *
 * Method: z = m·2^e with m ∈ [√½, √2); log m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716;
 * 2s and 2s³/3 in double-double arithmetic (Dekker), the remaining series
 * 2s⁵·(1/5 + s²/7 + …) in double (relative weight ≤ 2e-4); e·ln 2 with a split ln 2
 * (Cody & Waite). Accuracy ≈ 2^-65 relative before the final rounding, so the result is the
 * correctly rounded log except for arguments within that distance of a rounding midpoint.
 * Reference: T. J. Dekker, Numer. Math. 18 (1971) 224–242, doi:10.1007/BF01397083.
 * O(1), ~60 floating-point operations.
 */

const LN2_HI = 6.93147180369123816490e-1; // 32 significant bits: e·LN2_HI is exact
const LN2_LO = 1.90821492927058770002e-10;
const SPLIT = 134217729; // 2^27 + 1, Dekker's splitting constant
const POW2 = new Float64Array(2101); // POW2[k + 1050] = 2^k
for (let k = -1050; k <= 1050; k++) POW2[k + 1050] = Math.pow(2, k);

/**
 * Readable form of the inlined products below: twoProd(a, b) = [p, err] with p = fl(a·b) and
 * a·b = p + err exactly (split a and b into 26-bit halves with SPLIT).
 */
export function logRounded(z: number): number {
  if (!(z > 1e-300 && z < 1e300)) return Math.log(z);
  let e = Math.round(Math.log2(z));
  let m = z * POW2[1050 - e]; // exact scaling by a power of two
  if (m > Math.SQRT2) {
    m *= 0.5;
    e += 1;
  } else if (m < Math.SQRT1_2) {
    m *= 2;
    e -= 1;
  }
  // s = (m − 1)/(m + 1) as sh + sl
  const a = m - 1; // exact (Sterbenz)
  const bh = m + 1;
  const bl = m - (bh - 1);
  const sh = a / bh;
  let c = SPLIT * sh;
  const shH = c - (c - sh);
  const shL = sh - shH;
  c = SPLIT * bh;
  const bhH = c - (c - bh);
  const bhL = bh - bhH;
  const p = sh * bh;
  const pErr = ((shH * bhH - p) + shH * bhL + shL * bhH) + shL * bhL;
  const sl = ((a - p) - pErr - sh * bl) / bh;
  // s² = qh + ql
  const qh = sh * sh;
  const ql = ((shH * shH - qh) + 2 * shH * shL) + shL * shL + 2 * sh * sl;
  // s³ = ch + cl
  c = SPLIT * qh;
  const qhH = c - (c - qh);
  const qhL = qh - qhH;
  const ch = sh * qh;
  const cl = ((shH * qhH - ch) + shH * qhL + shL * qhH) + shL * qhL + sh * ql + sl * qh;
  // t = 2s³/3 = th + tl
  const th = (2 * ch) / 3;
  c = SPLIT * th;
  const thH = c - (c - th);
  const thL = th - thH;
  const r3 = th * 3;
  const r3Err = ((thH * 3 - r3) + thL * 3);
  const tl = (((2 * ch - r3) - r3Err) + 2 * cl) / 3;
  // rest = 2s⁵·(1/5 + q/7 + q²/9 + …), q = s²
  const q = qh;
  const poly =
    1 / 5 + q * (1 / 7 + q * (1 / 9 + q * (1 / 11 + q * (1 / 13 + q * (1 / 15 + q * (1 / 17 + q * (1 / 19 + q * (1 / 21 + q * (1 / 23 + q / 25)))))))));
  const rest = 2 * ch * q * poly;
  // log m = 2s + t + rest, then + e·ln 2, summed in double-double
  const hi = 2 * sh;
  let s = hi + th;
  let bb = s - hi;
  let lo = 2 * sl + ((hi - (s - bb)) + (th - bb)) + tl + rest;
  const lm = s;
  const eh = e * LN2_HI;
  s = eh + lm;
  bb = s - eh;
  lo += (eh - (s - bb)) + (lm - bb) + e * LN2_LO;
  return s + lo;
}
