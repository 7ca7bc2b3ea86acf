# Conformance fixtures for random forests: ranger 0.14.1 on the seeded synthetic cohort that
# test/helpers/forest-cohorts.ts writes (node --import tsx test/helpers/forest-cohorts.ts DIR).
# For each endpoint (binary, survival, rare binary with 8 events) and seeds 1..10: 500 trees,
# permutation importance (unscaled), ranger's default mtry, min.node.size and split rules.
# Writes the mean importance over seeds and the mean OOB prediction error.
# Usage: Rscript scripts/forest-fixtures.R /tmp/forest-cohorts test/conformance/forest
suppressPackageStartupMessages({ library(ranger); library(survival) })
args <- commandArgs(trailingOnly = TRUE)
indir <- if (length(args) >= 1) args[1] else "/tmp/forest-cohorts"
outdir <- if (length(args) >= 2) args[2] else "test/conformance/forest"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
d <- read.csv(file.path(indir, "cohort.csv"), check.names = FALSE)
covs <- setdiff(names(d), c("binary", "rare", "time", "status"))
X <- d[, covs]
seeds <- 1:10
fit <- function(endpoint, seed) {
  if (endpoint == "survival") {
    ranger(x = X, y = Surv(d$time, d$status), num.trees = 500, importance = "permutation", seed = seed, num.threads = 1)
  } else {
    ranger(x = X, y = factor(d[[endpoint]]), num.trees = 500, importance = "permutation", seed = seed, num.threads = 1)
  }
}
meta <- data.frame(key = c("R", "ranger", "seeds", "num.trees", "importance", "input"),
                   value = c(R.version.string, as.character(packageVersion("ranger")), "1..10", "500", "permutation",
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

# Agreement of ranger with itself (seeds 11..20 against the fixture's seeds 1..10), for reference.
if (identical(Sys.getenv("FOREST_SELF_AGREEMENT"), "1")) {
  for (endpoint in c("binary", "survival", "rare")) {
    ref <- read.delim(file.path(outdir, paste0(endpoint, ".importance.tsv")))$importance
    imp <- sapply(11:20, function(s) fit(endpoint, s)$variable.importance[covs])
    m <- rowMeans(imp)
    top <- function(v) order(-v)[1:10]
    cat(endpoint, "ranger vs ranger: top-10 overlap", length(intersect(top(m), top(ref))), "pearson", cor(m, ref), "\n")
  }
}
