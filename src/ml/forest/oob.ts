/** Accuracy measures used for out-of-bag error and permutation importance. */

/** Harrell's C: over pairs with tᵢ < tⱼ and δᵢ = 1, the share where riskᵢ > riskⱼ (ties ½). O(m²). */
export function harrellC(time: Float64Array, status: Uint8Array, risk: Float64Array, idx: Int32Array, m = idx.length): number {
  let conc = 0, total = 0;
  for (let a = 0; a < m; a++) {
    const i = idx[a];
    if (!status[i]) continue;
    for (let b = 0; b < m; b++) {
      const j = idx[b];
      if (!(time[i] < time[j])) continue;
      total++;
      if (risk[i] > risk[j]) conc++;
      else if (risk[i] === risk[j]) conc += 0.5;
    }
  }
  return total ? conc / total : NaN;
}

/** Area under the ROC curve of scores for a binary outcome (Mann–Whitney, ties ½). O(m log m). */
export function aucBinary(y: Int32Array, score: Float64Array, idx: Int32Array): number {
  const o = Array.from(idx).sort((a, b) => score[a] - score[b]);
  let rankSum = 0, n1 = 0;
  for (let a = 0; a < o.length; ) {
    let b = a;
    while (b + 1 < o.length && score[o[b + 1]] === score[o[a]]) b++;
    const mid = (a + b) / 2 + 1;
    for (let c = a; c <= b; c++) if (y[o[c]] === 1) { rankSum += mid; n1++; }
    a = b + 1;
  }
  const n0 = o.length - n1;
  return n1 && n0 ? (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0) : NaN;
}
