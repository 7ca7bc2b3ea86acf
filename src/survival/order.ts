/**
 * Sort orders shared by the survival kernels. Index arrays are Int32Array; ties in time keep
 * input order (stable), events before censorings at the same time where asked.
 */

/** Subjects ordered by stratum, then time ascending; at equal times events come first. */
export function orderAscending(time: ArrayLike<number>, event: ArrayLike<number>, strata?: ArrayLike<number>): Int32Array {
  const n = time.length;
  const idx = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => {
    if (strata && strata[a] !== strata[b]) return strata[a] - strata[b];
    if (time[a] !== time[b]) return time[a] - time[b];
    if (event[a] !== event[b]) return event[b] - event[a];
    return a - b;
  });
  return Int32Array.from(idx);
}

/** Subjects ordered by stratum, then time descending (risk sets accumulate as the walk goes). */
export function orderDescending(time: ArrayLike<number>, strata?: ArrayLike<number>): Int32Array {
  const n = time.length;
  const idx = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => {
    if (strata && strata[a] !== strata[b]) return strata[a] - strata[b];
    if (time[a] !== time[b]) return time[b] - time[a];
    return a - b;
  });
  return Int32Array.from(idx);
}
