/** "Nice" axis ticks (1, 2, 5 × 10^k steps) so the KM risk table lines up with the time axis. */

/** About `count` evenly spaced round values covering [0, max]. O(count). */
export function niceTicks(max: number, count = 6): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0];
  const raw = max / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
  const out: number[] = [];
  for (let k = 0; k * step <= max * (1 + 1e-12); k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}
