/**
 * Number parsing for the byte scanners. The fast path (in `matrix-scan.ts`) turns the digits
 * into an integer mantissa m < 2^53 and a decimal exponent k with |k| ≤ 22, then computes
 * m·10^k or m/10^−k: both operands are exact doubles, so the one IEEE operation is correctly
 * rounded and equals `Number(text)` bit for bit (Clinger 1990, doi:10.1145/93548.93557).
 * Everything else (NA tokens, Inf, long mantissas, large exponents, spaces, quotes) goes through
 * `parseNumericCell`, which calls `Number()` on the text.
 */

/** 10^0 … 10^22, every one exactly representable as a double. */
export const POW10 = new Float64Array([
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
]);

/** 2^53: mantissas below this are exact integers in a double. */
export const TWO53 = 9007199254740992;

/** Cell texts read as missing in numeric matrices. */
export const NUMERIC_NA_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'NaN', 'nan', 'na', 'N/A', 'null', 'NULL', '.', '#N/A']);

const POS_INF = new Set(['Inf', '+Inf', 'inf', '+inf', 'Infinity', '+Infinity', 'INF']);
const NEG_INF = new Set(['-Inf', '-inf', '-Infinity', '-INF']);

/**
 * Parse one numeric cell exactly as `Number()` does, with NA tokens (→ NaN) and Inf spellings;
 * surrounding spaces and double quotes are ignored. Returns undefined when the text is not a
 * number (hexadecimal, binary and octal literals are not accepted).
 */
export function parseNumericCell(text: string): number | undefined {
  let t = text.trim();
  if (t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34) t = t.slice(1, -1).trim();
  if (NUMERIC_NA_TOKENS.has(t)) return NaN;
  if (POS_INF.has(t)) return Infinity;
  if (NEG_INF.has(t)) return -Infinity;
  const c = t.charCodeAt(t[0] === '-' || t[0] === '+' ? 1 : 0);
  // Number() also accepts 0x.., 0b.., 0o.. and "Infinity"; only decimal notation is data here.
  if (!((c >= 48 && c <= 57) || c === 46)) return undefined;
  if (/^[+-]?0[xXbBoO]/.test(t)) return undefined;
  const v = Number(t);
  return Number.isNaN(v) ? undefined : v;
}

const utf8 = new TextDecoder('utf-8');

/** Text of bytes [start, end): a plain loop for ASCII, the UTF-8 decoder otherwise. */
export function decodeBytes(b: Uint8Array, start: number, end: number): string {
  if (end - start < 64) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (c >= 128) return utf8.decode(b.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(b.subarray(start, end));
}
