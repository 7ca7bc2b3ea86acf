/**
 * Whitening of a small symmetric positive semi-definite matrix by its eigen-decomposition:
 * rows of W are e_r/√λ_r for the eigenvalues λ_r > 1e-8·λ_max, so ‖W t‖² = tᵀA⁺t.
 * Uses ml-matrix's EVD (small k only). O(k³).
 */
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';

export function symmetricInverseSqrt(a: Float64Array, k: number): { W: Float64Array; rank: number } {
  if (k === 1) return { W: Float64Array.of(1 / Math.sqrt(a[0])), rank: 1 };
  const rows: number[][] = [];
  for (let i = 0; i < k; i++) rows.push(Array.from(a.subarray(i * k, (i + 1) * k)));
  const evd = new EigenvalueDecomposition(new MlMatrix(rows), { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  const max = Math.max(...values);
  const keep: number[] = [];
  for (let r = 0; r < k; r++) if (values[r] > 1e-8 * max) keep.push(r);
  const W = new Float64Array(keep.length * k);
  keep.forEach((r, i) => {
    for (let j = 0; j < k; j++) W[i * k + j] = vectors.get(j, r) / Math.sqrt(values[r]);
  });
  return { W, rank: keep.length };
}
