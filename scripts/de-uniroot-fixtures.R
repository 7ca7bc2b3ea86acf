# Conformance fixtures for the root search of the robust prior df (src/de/zeroin.ts, fit-fdist-robust.ts).
# Run from the repository root after scripts/de-robust-fixtures.R:  Rscript scripts/de-uniroot-fixtures.R
# Oracles: R 4.2.2 `uniroot`, limma 3.54.1 `fitFDistRobustly`. Writes test/conformance/de/uniroot_trace.json:
# Numbers are written as %.17g strings.
#   functions   uniroot on closed-form functions: interval, tol, every point evaluated (in order), root, iter
#   limma_calls for each robust_fdist.json case, the uniroot call made inside fitFDistRobustly, recorded by
#               wrapping uniroot with trace(): its interval, tol, f.lower, f.upper, the points evaluated
#               (the last is uniroot's own f(root)), the root and the resulting df2
suppressPackageStartupMessages({ library(limma); library(jsonlite) })
out <- "test/conformance/de"
calls <- list()
record <- function(name, fn, interval, ...) {
  xs <- numeric(0)
  g <- function(x) { xs <<- c(xs, x); fn(x) }
  r <- uniroot(g, interval, ...)
  list(name = name, interval = interval, tol = if (is.null(list(...)$tol)) .Machine$double.eps^0.25 else list(...)$tol,
    evaluated = xs, root = r$root, iter = r$iter)
}
fns <- list(
  record("x^3 - 2x - 5 on [2, 3]", function(x) x^3 - 2 * x - 5, c(2, 3)),
  record("x^3 - 2x - 5 on [2, 3], tol 1e-12", function(x) x^3 - 2 * x - 5, c(2, 3), tol = 1e-12),
  record("cos(x) - x on [0, 1], tol 1e-10", function(x) cos(x) - x, c(0, 1), tol = 1e-10),
  record("exp(x) - 1e4 on [-5, 20], tol 1e-9", function(x) exp(x) - 1e4, c(-5, 20), tol = 1e-9),
  record("(x - 0.3)^3 on [0, 1], tol 1e-10", function(x) (x - 0.3)^3, c(0, 1), tol = 1e-10)
)
# the uniroot calls made by fitFDistRobustly (observed through trace on uniroot, not limma's code)
trace("uniroot", tracer = quote({
  assign(".last_uniroot", list(interval = interval, tol = tol, f_lower = f.lower, f_upper = f.upper), envir = globalenv())
  assign(".evaluated", numeric(0), envir = globalenv())
  f <- local({ ff <- f; function(x, ...) { assign(".evaluated", c(.evaluated, x), envir = globalenv()); ff(x, ...) } })
}), print = FALSE, where = asNamespace("limma"))
fd <- fromJSON(file.path(out, "robust_fdist.json"), simplifyVector = FALSE)
lim <- list()
for (c in fd$cases) {
  if (exists(".last_uniroot", envir = globalenv())) rm(".last_uniroot", envir = globalenv())
  cov <- if (length(c$covariate)) unlist(c$covariate) else NULL
  f <- fitFDistRobustly(unlist(c$x), df1 = c$df1, covariate = cov)
  u <- if (exists(".last_uniroot", envir = globalenv())) c(get(".last_uniroot", envir = globalenv()), list(evaluated = .evaluated)) else NULL
  lim[[length(lim) + 1]] <- c(list(name = c$name, called = !is.null(u), df2 = f$df2), if (!is.null(u)) u else list())
}
untrace("uniroot", where = asNamespace("limma"))
num17 <- function(v) if (is.list(v)) lapply(v, num17) else if (is.double(v)) sprintf("%.17g", v) else v
fns <- num17(fns); lim <- num17(lim)
writeLines(toJSON(list(R = R.version.string, limma = as.character(packageVersion("limma")), functions = fns, limma_calls = lim),
  digits = NA, auto_unbox = TRUE), file.path(out, "uniroot_trace.json"))
