# Conformance fixtures for random forests: ranger 0.14.1 on the seeded synthetic cohort that
# test/helpers/forest-cohorts.ts writes (node --import tsx test/helpers/forest-cohorts.ts DIR).
# For each endpoint (binary, survival, rare binary with 8 events) and ten seeds: 500 trees,
# permutation importance (unscaled), ranger's default mtry, min.node.size and split rules.
# Writes the mean importance over seeds and the mean OOB prediction error.
#
# Seeds: ranger 0.14.1 grows tree t (1-based) of a forest with seed s from the seed s·t (observed:
# tree 2 of seed 1 has the in-bag counts of tree 1 of seed 2, tree 4 of seed 1 those of tree 2 of
# seed 2). Forests with seeds 1..10 therefore share most of their trees, and their mean is close
# to a single forest. Seeds that are distinct primes above the number of trees give disjoint
# sets of tree seeds (a·t = b·u with t, u ≤ 500 is impossible), hence independent forests.
#
# Agreement of ranger with itself: three more sets of ten such seeds, each compared with the
# first as sigscore is (top-10 overlap, Pearson r of the mean importances, OOB difference),
# written to self_agreement.tsv; the thresholds of test/ml/forest-ranger.test.ts come from it.
# Usage: Rscript scripts/forest-fixtures.R /tmp/forest-cohorts test/conformance/forest
suppressPackageStartupMessages({ library(ranger); library(survival) })
args <- commandArgs(trailingOnly = TRUE)
indir <- if (length(args) >= 1) args[1] else "/tmp/forest-cohorts"
outdir <- if (length(args) >= 2) args[2] else "test/conformance/forest"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
d <- read.csv(file.path(indir, "cohort.csv"), check.names = FALSE)
covs <- setdiff(names(d), c("binary", "rare", "time", "status"))
X <- d[, covs]
primes_above <- function(from, k) {
  out <- integer(0); x <- from
  while (length(out) < k) { x <- x + 1L; if (all(x %% 2:floor(sqrt(x)) != 0)) out <- c(out, x) }
  out
}
seeds <- primes_above(1000L, 10)       # 1009 1013 ... 1061
# three more sets of ten primes, for ranger vs ranger
self_sets <- list(primes_above(max(seeds), 10))
for (k in 2:3) self_sets[[k]] <- primes_above(max(self_sets[[k - 1]]), 10)
fit <- function(endpoint, seed) {
  if (endpoint == "survival") {
    ranger(x = X, y = Surv(d$time, d$status), num.trees = 500, importance = "permutation", seed = seed, num.threads = 1)
  } else {
    ranger(x = X, y = factor(d[[endpoint]]), num.trees = 500, importance = "permutation", seed = seed, num.threads = 1)
  }
}
meta <- data.frame(key = c("R", "ranger", "seeds", "num.trees", "importance", "input"),
                   value = c(R.version.string, as.character(packageVersion("ranger")), paste(seeds, collapse = ","), "500", "permutation",
                             "test/helpers/forest-cohorts.ts forestCohort(2024, 124, 230)"))
write.table(meta, file.path(outdir, "meta.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
for (endpoint in c("binary", "survival", "rare")) {
  imp <- matrix(NA_real_, length(covs), length(seeds))
  err <- numeric(length(seeds))
  t0 <- proc.time()[["elapsed"]]
  for (k in seq_along(seeds)) {
    f <- fit(endpoint, seeds[k])
    imp[, k] <- f$variable.importance[covs]
    err[k] <- f$prediction.error
  }
  elapsed <- (proc.time()[["elapsed"]] - t0) / length(seeds)
  out <- data.frame(covariate = covs, importance = rowMeans(imp), importance_sd = apply(imp, 1, sd))
  write.table(out, file.path(outdir, paste0(endpoint, ".importance.tsv")), sep = "\t", quote = FALSE, row.names = FALSE)
  write.table(data.frame(endpoint = endpoint, oob_error = mean(err), oob_error_sd = sd(err), seconds_per_forest = elapsed),
              file.path(outdir, paste0(endpoint, ".oob.tsv")), sep = "\t", quote = FALSE, row.names = FALSE)
  cat(endpoint, "mean OOB error", mean(err), "s/forest", elapsed, "\n")
}

# Root splits with every covariate a candidate (mtry = p, max.depth = 1), one tree per seed 1..20,
# with the in-bag counts: the split rule itself, free of the random choice of candidates. For
# survival, the log-rank chi-square of ranger's split (survdiff on the rows repeated by their
# in-bag counts) — equal splits by that statistic are ties, broken differently by each program.
for (endpoint in c("binary", "survival")) {
  roots <- NULL
  for (s in 1:20) {
    y <- if (endpoint == "survival") Surv(d$time, d$status) else factor(d[[endpoint]])
    f <- ranger(x = X, y = y, num.trees = 1, mtry = ncol(X), max.depth = 1, keep.inbag = TRUE, seed = s, num.threads = 1)
    ti <- treeInfo(f, 1)
    inb <- f$inbag.counts[[1]]
    chisq <- NA_real_
    if (endpoint == "survival") {
      e <- d[rep(seq_len(nrow(d)), inb), ]
      chisq <- survdiff(Surv(time, status) ~ I(e[[ti$splitvarName[1]]] <= ti$splitval[1]), data = e)$chisq
    }
    roots <- rbind(roots, data.frame(seed = s, covariate = ti$splitvarName[1], value = sprintf("%.17g", ti$splitval[1]),
                                     chisq = chisq, inbag = paste(inb, collapse = ",")))
  }
  write.table(roots, file.path(outdir, paste0(endpoint, ".roots.tsv")), sep = "\t", quote = FALSE, row.names = FALSE)
}

# Agreement of ranger with itself: each further set of seeds against the first.
top <- function(v) order(-v)[1:10]
self <- NULL
for (endpoint in c("binary", "survival", "rare")) {
  ref <- read.delim(file.path(outdir, paste0(endpoint, ".importance.tsv")))$importance
  ref_err <- read.delim(file.path(outdir, paste0(endpoint, ".oob.tsv")))$oob_error
  for (seeds2 in self_sets) {
    fits <- lapply(seeds2, function(s) fit(endpoint, s))
    m <- rowMeans(sapply(fits, function(f) f$variable.importance[covs]))
    err <- mean(sapply(fits, function(f) f$prediction.error))
    row <- data.frame(endpoint = endpoint, seeds = paste(seeds2, collapse = ","), top10_overlap = length(intersect(top(m), top(ref))),
                      pearson = cor(m, ref), oob_error = err, oob_difference = err - ref_err)
    self <- rbind(self, row)
    cat(endpoint, "ranger vs ranger: top-10 overlap", row$top10_overlap, "pearson", row$pearson, "OOB difference", row$oob_difference, "\n")
  }
}
write.table(self, file.path(outdir, "self_agreement.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
