# Forest conformance on real data: ranger 0.14.1 on the Liu melanoma anti-PD-1 cohort
# (../shared/data/icb_cohorts/, log2 TPM of ~1,700 immune genes), endpoints response (R vs NR,
# NA dropped) and PFS. Covariates: the genes kept by the collinearity filter sigscore uses —
# connected components of |Spearman rho| > 0.9 (all samples of the endpoint), one gene per
# component, the one with the highest variance (first in file order on ties). Ten seeds, 500
# trees, permutation importance; writes the mean importance and OOB error. The seeds are the
# primes 1009..1051: ranger grows tree t of seed s from s·t, so seeds 1..10 would share most of
# their trees (see scripts/forest-fixtures.R). Ten more forests (the next ten primes) measure
# how well ranger agrees with itself: <endpoint>.self_agreement.tsv.
# Usage: Rscript scripts/forest-icb-fixtures.R ../shared/data/icb_cohorts test/conformance/forest
suppressPackageStartupMessages({ library(ranger); library(survival) })
args <- commandArgs(trailingOnly = TRUE)
indir <- if (length(args) >= 1) args[1] else "../shared/data/icb_cohorts"
outdir <- if (length(args) >= 2) args[2] else "test/conformance/forest"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
clin <- read.delim(file.path(indir, "ICB_small_Liu_clinical.tsv"), check.names = FALSE)
expr <- read.delim(gzfile(file.path(indir, "ICB_small_Liu_expr_log2tpm.tsv.gz")), check.names = FALSE)
genes <- expr[[1]]
X0 <- t(as.matrix(expr[, -1]))
colnames(X0) <- genes
X0 <- X0[clin$sample, , drop = FALSE]

collinear_keep <- function(X, threshold = 0.9) {
  rho <- suppressWarnings(cor(X, method = "spearman"))
  rho[is.na(rho)] <- 0
  adj <- abs(rho) > threshold
  diag(adj) <- FALSE
  p <- ncol(X)
  comp <- rep(0L, p)
  k <- 0L
  for (s in seq_len(p)) {
    if (comp[s] > 0) next
    k <- k + 1L
    queue <- s
    comp[s] <- k
    while (length(queue)) {
      v <- queue[1]; queue <- queue[-1]
      nb <- which(adj[v, ] & comp == 0L)
      comp[nb] <- k
      queue <- c(queue, nb)
    }
  }
  vars <- apply(X, 2, var)
  keep <- sapply(seq_len(k), function(c) { m <- which(comp == c); m[which.max(vars[m])] })
  sort(keep)
}

run <- function(endpoint) {
  if (endpoint == "liu_response") {
    rows <- which(!is.na(clin$response))
    y <- factor(clin$response[rows], levels = c("NR", "R"))
  } else {
    rows <- which(!is.na(clin$survival_time_pfs) & !is.na(clin$event_occurred_pfs))
    y <- Surv(clin$survival_time_pfs[rows], clin$event_occurred_pfs[rows])
  }
  X <- X0[rows, , drop = FALSE]
  X <- X[, apply(X, 2, var) > 0, drop = FALSE]
  X <- as.data.frame(X[, collinear_keep(X), drop = FALSE], check.names = FALSE)
  seeds <- c(1009L, 1013L, 1019L, 1021L, 1031L, 1033L, 1039L, 1049L, 1051L, 1061L)
  seeds2 <- c(1063L, 1069L, 1087L, 1091L, 1093L, 1097L, 1103L, 1109L, 1117L, 1123L)
  forests <- function(ss) lapply(ss, function(s) ranger(x = X, y = y, num.trees = 500, importance = "permutation", seed = s, num.threads = 1))
  fits <- forests(seeds)
  imp <- sapply(fits, function(f) f$variable.importance)
  err <- sapply(fits, function(f) f$prediction.error)
  # ranger against itself: ten more independent forests, compared as sigscore is
  fits2 <- forests(seeds2)
  imp2 <- rowMeans(sapply(fits2, function(f) f$variable.importance))
  err2 <- mean(sapply(fits2, function(f) f$prediction.error))
  top <- function(v) order(-v)[1:10]
  self <- data.frame(endpoint = endpoint, seeds = paste(seeds2, collapse = ","), top10_overlap = length(intersect(top(imp2), top(rowMeans(imp)))),
                     pearson = cor(imp2, rowMeans(imp)), oob_error = err2, oob_difference = err2 - mean(err))
  write.table(self, file.path(outdir, paste0(endpoint, ".self_agreement.tsv")), sep = "\t", quote = FALSE, row.names = FALSE)
  cat(endpoint, "ranger vs ranger: top-10 overlap", self$top10_overlap, "pearson", self$pearson, "OOB difference", self$oob_difference, "\n")
  write.table(data.frame(covariate = colnames(X), importance = rowMeans(imp), importance_sd = apply(imp, 1, sd)),
              file.path(outdir, paste0(endpoint, ".importance.tsv")), sep = "\t", quote = FALSE, row.names = FALSE)
  write.table(data.frame(endpoint = endpoint, oob_error = mean(err), oob_error_sd = sd(err), n = length(rows), covariates = ncol(X)),
              file.path(outdir, paste0(endpoint, ".oob.tsv")), sep = "\t", quote = FALSE, row.names = FALSE)
  cat(endpoint, "n", length(rows), "covariates", ncol(X), "OOB error", mean(err), "\n")
}
run("liu_response")
run("liu_pfs")
