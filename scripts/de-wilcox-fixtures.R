# Conformance fixtures for src/stats/rank-sum.ts: R's wilcox.test(x, y) statistic and p-value.
# Run from the repository root: Rscript scripts/de-wilcox-fixtures.R
# Writes test/conformance/de/wilcox.json (cases: inputs, alternative, W, p).
suppressPackageStartupMessages(library(jsonlite))
set.seed(20260124)
cases <- list()
add <- function(name, x, y, alt) {
  r <- suppressWarnings(wilcox.test(x, y, alternative = alt))
  cases[[length(cases) + 1]] <<- list(name = name, x = x, y = y, alternative = alt,
    W = unname(r$statistic), p = r$p.value, method = r$method)
}
for (alt in c("two.sided", "less", "greater")) {
  add("exact small", c(1.1, 2.3, 0.4, 5.2), c(3.3, 4.4, 6.1, 7.5, 8.2), alt)
  add("exact 10v12", round(rnorm(10, 0.5), 6), round(rnorm(12), 6), alt)
  add("exact 49v49", round(rnorm(49, 0.3), 6), round(rnorm(49), 6), alt)
  add("exact 3v30", round(rnorm(3, 1), 6), round(rnorm(30), 6), alt)
  add("ties small", c(1, 2, 2, 3, 5), c(2, 3, 3, 4, 6, 6), alt)
  add("ties integers", sample(0:5, 25, TRUE), sample(1:6, 30, TRUE), alt)
  add("normal 60v55", round(rnorm(60, 0.4), 6), round(rnorm(55), 6), alt)
  add("normal 50v10", round(rnorm(50), 6), round(rnorm(10, -0.5), 6), alt)
  add("extreme 40v40", 100 + round(rnorm(40), 6), round(rnorm(40), 6), alt)
  add("extreme ties 80v80", 100 + round(rnorm(80), 1), round(rnorm(80), 1), alt)
  add("n1", c(0.5), c(1, 2, 3), alt)
}
out <- list(R = R.version.string, cases = cases)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), "test/conformance/de/wilcox.json")
