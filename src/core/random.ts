/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018, doi:10.1145/3460772),
 * 32-bit state words so every operation stays in exact int32 arithmetic in JavaScript.
 * State is seeded with SplitMix32 from a 32-bit seed and a stream number, so that
 * `rng(seed, task)` gives independent streams per task: parallel results depend only on the
 * seed and the task number, never on scheduling or the number of workers.
 * The platform's unseeded generator is never used: every random draw in the library comes from here.
 */
export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextU32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Uniform integer in [0, n) without modulo bias (n ≤ 2^32). */
  int(n: number): number;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
  /** In-place Fisher–Yates shuffle. */
  shuffle<T extends { length: number; [i: number]: any }>(a: T): T;
  /** The seed and stream this generator was made from. */
  readonly seed: number;
  readonly stream: number;
}

function splitmix32(state: { s: number }): number {
  let z = (state.s = (state.s + 0x9e3779b9) | 0);
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** Default seed used when the caller gives none (recorded in outputs as such). */
export const DEFAULT_SEED = 42;

/** A generator for `seed` and stream number `stream` (default 0). */
export function rng(seed: number = DEFAULT_SEED, stream = 0): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const st = { s: (Math.floor(seed) ^ Math.imul(stream + 1, 0x27d4eb2d)) | 0 };
  // mix the stream number through twice so neighbouring streams share no state words
  splitmix32(st);
  st.s = (st.s ^ Math.imul(stream, 0x165667b1)) | 0;
  let s0 = splitmix32(st) | 0;
  let s1 = splitmix32(st) | 0;
  let s2 = splitmix32(st) | 0;
  let s3 = splitmix32(st) | 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  let spare = NaN;

  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result >>> 0;
  };
  const uniform = (): number => {
    const a = nextU32() >>> 5; // 27 bits
    const b = nextU32() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992;
  };
  // Lemire's multiply-shift with rejection (doi:10.1145/3230636): exact for n ≤ 2^21 in doubles
  const int = (n: number): number => {
    if (!(n > 0)) throw new RangeError(`int(n) needs n > 0, got ${n}`);
    if (n > 2097152) {
      if (n > 4294967296) return Math.floor(uniform() * n);
      const limit = 4294967296 - (4294967296 % n);
      let x: number;
      do x = nextU32();
      while (x >= limit);
      return x % n;
    }
    let m = nextU32() * n;
    let l = m >>> 0;
    if (l < n) {
      const t = (4294967296 - n) % n;
      while (l < t) {
        m = nextU32() * n;
        l = m >>> 0;
      }
    }
    return Math.floor(m / 4294967296);
  };
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const v = spare;
      spare = NaN;
      return v;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    return u * f;
  };
  const shuffle = <T extends { length: number; [i: number]: any }>(a: T): T => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  };
  return { nextU32, uniform, int, normal, shuffle, seed, stream };
}
