# Conformance fixtures for sigscore correlate (src/workflow/correlate.ts).
# Run from the repository root:  Rscript scripts/correlate-fixtures.R
# Writes test/conformance/correlate/: two small features x samples tables made here with a fixed
# seed (a.tsv: 4 features x 14 samples; b.tsv: 3 features x 12 samples, 10 shared with a.tsv, in
# another order; one missing value, one feature with ties, one with a strong planted
# correlation) and R's cor.test per pair over the shared samples (pairwise complete), with
# p.adjust(method = "BH") over all pairs, for method = "spearman" and "pearson"
# (expected_<method>.tsv, %.17g), plus R and package versions (versions.json).
suppressPackageStartupMessages(library(jsonlite))
out <- "test/conformance/correlate"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
set.seed(20261124)
sa <- sprintf("S%02d", 1:14)
a <- rbind(
  F1 = rnorm(14),
  F2 = rnorm(14, 5, 2),
  F3 = round(runif(14, 0, 4)),            # ties
  F4 = rexp(14)
)
colnames(a) <- sa
a["F2", 3] <- NA                             # a missing value
sb <- c(sa[c(12, 3, 5, 1, 9, 7, 2, 14, 10, 6)], "X1", "X2")
b <- rbind(
  G1 = a["F1", sb[1:10]] * 2 + rnorm(10, 0, 0.3),   # planted correlation with F1
  G2 = rnorm(10),
  G3 = rnorm(10, 10, 3)
)
b <- cbind(b, matrix(rnorm(6), 3, 2))
colnames(b) <- sb
wr <- function(m, f) {
  d <- data.frame(feature = rownames(m), m, check.names = FALSE)
  write.table(d, file.path(out, f), sep = "\t", quote = FALSE, row.names = FALSE, na = "NA")
}
wr(a, "a.tsv")
wr(b, "b.tsv")
# compute from the files as written (15 significant digits), the inputs sigscore reads
rd <- function(f) { d <- read.delim(file.path(out, f), check.names = FALSE, row.names = 1); as.matrix(d) }
a <- rd("a.tsv")
b <- rd("b.tsv")
shared <- intersect(colnames(a), colnames(b))
res <- list()
for (method in c("spearman", "pearson")) {
  rows <- list()
  for (fa in rownames(a)) for (fb in rownames(b)) {
    x <- a[fa, shared]; y <- b[fb, shared]
    ok <- !is.na(x) & !is.na(y)
    t <- suppressWarnings(cor.test(x[ok], y[ok], method = method))
    rows[[length(rows) + 1]] <- list(feature_a = fa, feature_b = fb, n = sum(ok),
      estimate = unname(t$estimate), statistic = unname(t$statistic), p = t$p.value)
  }
  p <- sapply(rows, function(r) r$p)
  q <- p.adjust(p, method = "BH")
  for (i in seq_along(rows)) rows[[i]]$q <- q[i]
  res[[method]] <- rows
}
meta <- list(R = R.version.string, stats = as.character(packageVersion("stats")),
             jsonlite = as.character(packageVersion("jsonlite")), date = format(Sys.Date()),
             shared = shared)
writeLines(toJSON(meta, auto_unbox = TRUE), file.path(out, "versions.json"))
g17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
for (method in names(res)) {
  rows <- res[[method]]
  d <- data.frame(feature_a = sapply(rows, `[[`, "feature_a"), feature_b = sapply(rows, `[[`, "feature_b"),
                  n = sapply(rows, `[[`, "n"))
  for (k in c("estimate", "statistic", "p", "q")) d[[k]] <- g17(sapply(rows, `[[`, k))
  write.table(d, file.path(out, paste0("expected_", method, ".tsv")), sep = "\t", quote = FALSE, row.names = FALSE)
}
