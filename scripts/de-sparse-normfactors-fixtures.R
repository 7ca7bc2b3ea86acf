# Conformance fixture for normalisation factors of sparse counts (src/normalize/rnaseq/norm-factors.ts):
# most samples have a zero upper quartile, so TMM takes as reference the sample with the largest sum of
# square-root counts. Run from the repository root:  Rscript scripts/de-sparse-normfactors-fixtures.R
# Oracles: R 4.2.2, edgeR 3.40.2. Writes test/conformance/de/sparse_counts.tsv (400 genes x 12 samples,
# seed 20261124) and sparse_normfactors.tsv (per sample: lib.size, TMM, upperquartile, RLE factors).
suppressPackageStartupMessages(library(edgeR))
out <- "test/conformance/de"
set.seed(20261124)
G <- 400; n <- 12
mu <- matrix(rexp(G * n, 1 / 8) * rep(runif(n, 0.5, 2), each = G), G, n)
counts <- matrix(rpois(G * n, mu), G, n) * matrix(rbinom(G * n, 1, 0.15), G, n)
counts[1:20, ] <- 0 # all-zero genes are dropped first
dimnames(counts) <- list(sprintf("G%d", 1:G), sprintf("S%d", 1:n))
f <- function(m) suppressWarnings(calcNormFactors(DGEList(counts), method = m)$samples$norm.factors)
write.table(data.frame(gene = rownames(counts), counts, check.names = FALSE), file.path(out, "sparse_counts.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
write.table(data.frame(sample = colnames(counts), lib_size = colSums(counts), TMM = sprintf("%.17g", f("TMM")),
  upperquartile = sprintf("%.17g", f("upperquartile")), RLE = sprintf("%.17g", f("RLE"))),
  file.path(out, "sparse_normfactors.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
