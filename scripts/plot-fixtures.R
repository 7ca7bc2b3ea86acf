# Conformance fixtures for sigscore's hierarchical clustering (src/plot/hclust.ts).
# Oracle: R's stats::hclust and stats::dist / cor. Run from the repository root:
#   Rscript scripts/plot-fixtures.R
# Writes test/conformance/plot/hclust.json: the seeded input matrix, and for each distance
# (euclidean, correlation = 1 - Pearson r between rows) and linkage (average, complete, single)
# the merge matrix, heights and order, for the rows and for the columns of the matrix.
suppressPackageStartupMessages(library(jsonlite))

set.seed(20261124)
nr <- 40
nc <- 12
x <- matrix(rnorm(nr * nc), nr, nc)
x[1:10, 1:6] <- x[1:10, 1:6] + 2   # some structure
x[11:20, 7:12] <- x[11:20, 7:12] - 1.5

dists <- list(
  euclidean = function(m) dist(m),
  correlation = function(m) as.dist(1 - cor(t(m)))
)
cases <- list()
for (axis in c("rows", "columns")) {
  m <- if (axis == "rows") x else t(x)
  for (dname in names(dists)) {
    d <- dists[[dname]](m)
    for (linkage in c("average", "complete", "single")) {
      h <- hclust(d, method = linkage)
      cases[[length(cases) + 1]] <- list(
        axis = axis, distance = dname, linkage = linkage,
        merge = unname(as.vector(t(h$merge))),  # row-major pairs
        height = h$height,
        order = h$order
      )
    }
  }
}
out <- list(
  generator = "scripts/plot-fixtures.R",
  r_version = R.version.string,
  seed = 20261124,
  nrow = nr, ncol = nc,
  x = as.vector(t(x)),  # row-major
  cases = cases
)
dir.create("test/conformance/plot", recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), "test/conformance/plot/hclust.json")
cat("wrote test/conformance/plot/hclust.json:", length(cases), "cases\n")
