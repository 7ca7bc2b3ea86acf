# Small conformance fixtures for src/stats/welch.ts, src/de/lowess.ts, src/stats/special/polygamma.ts.
# Run from the repository root: Rscript scripts/de-small-fixtures.R   (R 4.2.2, limma 3.54.1)
# Writes test/conformance/de/small.json.
suppressPackageStartupMessages({ library(jsonlite); library(limma) })
set.seed(7)
welch <- list()
addw <- function(name, x, y, alt) {
  r <- t.test(x, y, alternative = alt)
  welch[[length(welch) + 1]] <<- list(name = name, x = x, y = y, alternative = alt, t = unname(r$statistic), df = unname(r$parameter), p = r$p.value)
}
for (alt in c("two.sided", "less", "greater")) {
  addw("normal 8v11", round(rnorm(8, 1), 6), round(rnorm(11), 6), alt)
  addw("unequal var", round(rnorm(15, 0, 5), 6), round(rnorm(6, 2, 0.5), 6), alt)
  addw("far tail", round(rnorm(30, 10), 6), round(rnorm(30), 6), alt)
}
x <- round(runif(200, 0, 10), 2); y <- sin(x) + rnorm(200, 0, 0.3); y[c(5, 50, 150)] <- y[c(5, 50, 150)] + 4
l1 <- lowess(x, y, f = 0.5); l2 <- lowess(x, y); l3 <- lowess(x, y, f = 0.3, iter = 0, delta = 0)
z <- c(0.01, 0.3, 1, 2.5, 7.3, 11.99, 12, 45, 1e4)
out <- list(R = R.version.string, welch = welch,
  lowess = list(x = x, y = y, f05 = l1$y, default = l2$y, f03iter0delta0 = l3$y),
  polygamma = list(x = z, trigamma = trigamma(z), tetragamma = psigamma(z, 2), trigammaInverse = limma::trigammaInverse(trigamma(z))))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), "test/conformance/de/small.json")
