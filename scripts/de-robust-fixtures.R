# Conformance fixtures for robust empirical Bayes (src/de/fit-fdist-robust.ts, ebayes.ts robust).
# Run from the repository root after scripts/de-fixtures.R:  Rscript scripts/de-robust-fixtures.R
# Oracles: R 4.2.2, limma 3.54.1, edgeR 3.40.2. Writes test/conformance/de/:
#   robust_fdist.json              fitFDistRobustly on seeded scaled-F samples with planted outliers
#                                  (constant df1; with and without a covariate; one without outliers)
#   synth_outlier_counts.tsv       synth_counts.tsv with 12 planted hypervariable genes (seed 20260125)
#   robust_<fit>.tsv               topTable(sort.by="none") of eBayes(robust=TRUE) fits:
#     synth_voom                     voom(TMM) ~ group + age, coef groupB, on synth_counts.tsv
#     synth_trend                    logCPM(TMM, prior 2) ~ group + age, trend=TRUE, on synth_counts.tsv
#     outlier_voom, outlier_trend,   the same two, and plain limma on the logCPM, on synth_outlier_counts.tsv
#     outlier_limma
#     bladder                        bladderbatch ~ cancer(ref Normal) + factor(batch), coef cancerCancer (every 10th probe)
#   robust_<fit>_prior.tsv         per gene: df.prior, s2.prior (all genes; every 10th probe for bladder)
#   robust_hyper.tsv               per fit: d0 of the bulk (max df.prior), median df.prior, genes with reduced df.prior,
#                                  and the non-robust d0, to show that the robust path differs
suppressPackageStartupMessages({ library(limma); library(edgeR); library(jsonlite) })
out <- "test/conformance/de"
fmt <- function(df) { for (j in seq_along(df)) if (is.double(df[[j]])) df[[j]] <- sprintf("%.17g", df[[j]]); df }
wr <- function(df, name) write.table(df, file.path(out, name), sep = "\t", quote = FALSE, row.names = FALSE)

# ---- fitFDistRobustly on its own
cases <- list()
addc <- function(name, x, df1, covariate = NULL) {
  f <- fitFDistRobustly(x, df1 = df1, covariate = covariate)
  cases[[length(cases) + 1]] <<- list(name = name, x = x, df1 = df1, covariate = covariate, scale = f$scale, df2 = f$df2,
    df2_outlier = f$df2.outlier, df2_shrunk = f$df2.shrunk, tail_p = f$tail.p.value, prob_outlier = f$prob.outlier)
}
set.seed(1); x <- 0.5 * rchisq(1000, 4) / 4 / (rchisq(1000, 8) / 8); x[1:10] <- x[1:10] * 30; addc("1000 genes, df1 4, 10 outliers x30", x, 4)
set.seed(2); x <- 0.5 * rchisq(500, 6) / 6 / (rchisq(500, 8) / 8); x[1:5] <- x[1:5] * 100; addc("500 genes, df1 6, 5 outliers x100", x, 6)
set.seed(3); x <- 0.5 * rchisq(1000, 3) / 3 / (rchisq(1000, 8) / 8); x[1:30] <- x[1:30] * 5; addc("1000 genes, df1 3, 30 outliers x5", x, 3)
set.seed(1); x <- 0.5 * rchisq(400, 4) / 4 / (rchisq(400, 8) / 8); addc("400 genes, no outliers (robust d0 = fitFDist d0)", x, 4)
set.seed(5); A <- runif(1000, 0, 12); x <- (exp(-0.3 * A) + 0.1) * rchisq(1000, 5) / 5 / (rchisq(1000, 8) / 8); x[1:10] <- x[1:10] * 40
addc("1000 genes, df1 5, covariate trend, 10 outliers x40", x, 5, A)
writeLines(toJSON(list(R = R.version.string, limma = as.character(packageVersion("limma")), cases = cases), digits = NA, auto_unbox = TRUE),
  file.path(out, "robust_fdist.json"))

# ---- eBayes(robust=TRUE) on the seeded synthetic counts
counts <- as.matrix(read.delim(file.path(out, "synth_counts.tsv"), row.names = 1, check.names = FALSE))
s <- read.delim(file.path(out, "synth_samples.tsv"), stringsAsFactors = FALSE)
design <- model.matrix(~ factor(s$group) + s$age); colnames(design) <- c("(Intercept)", "groupB", "age")
set.seed(20260125)
oc <- counts
hv <- 101:112                                       # hypervariable genes: random 8-fold swings
oc[hv, ] <- round(oc[hv, ] * 2^matrix(rnorm(length(hv) * ncol(oc), 0, 1.5), length(hv)))
wr(data.frame(gene = rownames(oc), oc, check.names = FALSE), "synth_outlier_counts.tsv")
hyper <- NULL
tab <- function(fit, coef) { t <- topTable(fit, coef = coef, number = Inf, sort.by = "none"); data.frame(gene = rownames(t), t, check.names = FALSE) }
save <- function(name, fit, nonrobust, every = 1) {
  keep <- seq(1, nrow(fit), by = every)
  wr(fmt(tab(fit, if (every == 1) "groupB" else "cancerCancer")[keep, ]), sprintf("robust_%s.tsv", name))
  s2p <- if (length(fit$s2.prior) == 1) rep(fit$s2.prior, nrow(fit)) else fit$s2.prior
  wr(fmt(data.frame(gene = rownames(fit), df_prior = fit$df.prior, s2_prior = s2p)[keep, ]), sprintf("robust_%s_prior.tsv", name))
  hyper <<- rbind(hyper, data.frame(fit = name, df_prior_bulk = max(fit$df.prior), df_prior_median = median(fit$df.prior),
    n_reduced = sum(fit$df.prior < max(fit$df.prior)), df_prior_nonrobust = nonrobust$df.prior))
}
fits <- function(cnt, prefix, limma = FALSE) {
  y <- calcNormFactors(DGEList(cnt), method = "TMM")
  v <- voom(y, design)
  save(paste0(prefix, "_voom"), eBayes(lmFit(v, design), robust = TRUE), eBayes(lmFit(v, design)))
  logcpm <- cpm(y, log = TRUE, prior.count = 2)
  f <- lmFit(logcpm, design)
  save(paste0(prefix, "_trend"), eBayes(f, trend = TRUE, robust = TRUE), eBayes(f, trend = TRUE))
  if (limma) save(paste0(prefix, "_limma"), eBayes(f, robust = TRUE), eBayes(f))
}
fits(counts, "synth")
fits(oc, "outlier", limma = TRUE)

# ---- bladderbatch (read from the shared data folder; only outputs are committed)
bb <- "../shared/data/microarray"
x <- read.delim(gzfile(file.path(bb, "bladderbatch_hgu133a_log2.tsv.gz")), check.names = FALSE)
pd <- read.delim(file.path(bb, "bladderbatch_pdata.tsv"))
E <- as.matrix(x[, -(1:2)]); rownames(E) <- x$probe_id
pd <- pd[match(colnames(E), pd$sample_file), ]
cancer <- relevel(factor(pd$cancer), ref = "Normal"); batch <- pd$batch
db <- model.matrix(~ cancer + factor(batch))
fb <- lmFit(E, db)
save("bladder", eBayes(fb, robust = TRUE), eBayes(fb), every = 10)
wr(fmt(hyper), "robust_hyper.tsv")
print(hyper)
