# Conformance fixtures for sigscore's gsva() and ssgsea(): GSVA 1.46.0 is the oracle.
#
# Run from the repository root:  Rscript scripts/gsva-fixtures.R
# Writes test/conformance/gsva/:
#   synth_expr.tsv.gz    seeded synthetic log-scale matrix, 2000 genes x 60 samples, 3 significant
#                        digits (ties), one constant gene, pairs of identical genes
#   synth_counts.tsv.gz  seeded synthetic counts, 1000 genes x 30 samples (Poisson kernel)
#   synth_sets.gmt       40 random sets (sizes 1-300) plus edge cases: a set with only unknown
#                        genes, a set holding only the constant gene, a one-gene set
#   <case>.tsv           scores (sets x samples, %.17g) of every case
#   cases.tsv            case, input, gene sets, R call arguments
#   versions.txt         R and GSVA versions
#   normal_table.txt.gz  pnorm(10 k / 10000), k = 0..10000, as R computes it
#   poisson_table.txt.gz ppois(x, m + 0.5), x, m = 0..63
# Real inputs (read by path from ../shared/data, never copied): ICB Hugo log2 TPM with MSigDB
# Hallmark v7.0; TCGA-STAD raw counts (Ensembl ids mapped to symbols: first row per symbol).
suppressPackageStartupMessages(library(GSVA))
out <- "test/conformance/gsva"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
shared <- "../shared/data"

# The normal CDF table GSVA's Gaussian kernel reads (Phi(10 k / 10000), k = 0..10000), as R's pnorm
# gives it; scripts/gsva-tables.mts turns it (and the Poisson table below) into src/score/gsva/table-corrections.ts.
con <- gzfile(file.path(out, "normal_table.txt.gz"), "w")
writeLines(sprintf("%.17g", pnorm(10 * (0:10000) / 10000)), con)
close(con)
# ppois(x, m + 0.5) for x, m = 0..63 (row x, column m): the Poisson kernel's terms for small counts,
# where genes with the same counts in a different order are ordered by the last bits R obtains.
con <- gzfile(file.path(out, "poisson_table.txt.gz"), "w")
writeLines(apply(outer(0:63, 0:63, function(x, m) ppois(x, m + 0.5)), 1, function(r) paste(sprintf("%.17g", r), collapse = "\t")), con)
close(con)

writeLines(c(R.version.string, paste("GSVA", as.character(packageVersion("GSVA")))),
           file.path(out, "versions.txt"))

write_matrix <- function(m, path) {
  con <- gzfile(path, "w")
  writeLines(paste(c("gene", colnames(m)), collapse = "\t"), con)
  body <- apply(m, 1, function(r) paste(format(r, digits = 15, trim = TRUE), collapse = "\t"))
  writeLines(paste(rownames(m), body, sep = "\t"), con)
  close(con)
}
write_scores <- function(s, path) {
  lines <- c(paste(c("set", colnames(s)), collapse = "\t"),
             paste(rownames(s), apply(s, 1, function(r) paste(sprintf("%.17g", r), collapse = "\t")), sep = "\t"))
  writeLines(lines, path)
}
write_gmt <- function(sets, path) {
  writeLines(vapply(names(sets), function(n) paste(c(n, "synthetic", sets[[n]]), collapse = "\t"), ""), path)
}
read_gmt <- function(path) {
  l <- strsplit(readLines(path, warn = FALSE), "\t")
  s <- lapply(l, function(f) f[-(1:2)])
  names(s) <- vapply(l, `[`, "", 1)
  s
}

# ---- (a) synthetic --------------------------------------------------------------------------
set.seed(20240501)
G <- 2000; N <- 60
genes <- sprintf("G%04d", seq_len(G))
mu <- runif(G, 0, 12); sdv <- runif(G, 0.2, 3)
x <- matrix(rnorm(G * N, mu, sdv), G, N)
x[1:100, ] <- matrix(sample(0:4, 100 * N, replace = TRUE), 100, N)  # heavy ties within genes
x <- signif(x, 3)
x[7, ] <- 2.5                                                        # constant gene
x[201:210, ] <- x[211:220, ]                                         # identical genes
dimnames(x) <- list(genes, sprintf("S%02d", seq_len(N)))
write_matrix(x, file.path(out, "synth_expr.tsv.gz"))

sizes <- c(1, 2, 3, 5, 8, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250, 300,
           round(runif(20, 5, 120)))
sets <- lapply(seq_along(sizes), function(i) sample(genes, sizes[i]))
names(sets) <- sprintf("SET%02d", seq_along(sets))
sets$SET03 <- c(sets$SET03, "G0007", "NOTAGENE1")   # contains the constant gene and an unknown one
sets$SET05 <- c("G0201", "G0211", "G0001", "G0002", "G0003")  # identical and tied genes
sets$ONLY_UNKNOWN <- c("NOTAGENE2", "NOTAGENE3")
sets$ONLY_CONSTANT <- c("G0007")
sets$CONST_PLUS_ONE <- c("G0007", "G0500")
write_gmt(sets, file.path(out, "synth_sets.gmt"))

set.seed(20240502)
Gc <- 1000; Nc <- 30
lam <- exp(runif(Gc, -1, 8))
cnt <- matrix(rpois(Gc * Nc, rep(lam, Nc) * rep(exp(rnorm(Nc, 0, 0.3)), each = Gc)), Gc, Nc)
cnt[5, ] <- 0
dimnames(cnt) <- list(sprintf("C%04d", seq_len(Gc)), sprintf("N%02d", seq_len(Nc)))
write_matrix(cnt, file.path(out, "synth_counts.tsv.gz"))
csets <- lapply(c(1, 4, 10, 25, 50, 100, 200), function(k) sample(rownames(cnt), k))
names(csets) <- sprintf("CSET%d", seq_along(csets))
write_gmt(csets, file.path(out, "synth_counts_sets.gmt"))

cases <- list()
run <- function(name, input, setsFile, m, s, ...) {
  args <- list(...)
  res <- suppressWarnings(do.call(gsva, c(list(m, s, verbose = FALSE), args)))
  write_scores(res, file.path(out, paste0(name, ".tsv")))
  a <- paste(names(args), vapply(args, function(v) paste(format(v), collapse = ","), ""), sep = "=", collapse = " ")
  cases[[length(cases) + 1]] <<- data.frame(case = name, input = input, sets = setsFile, args = a)
  cat(name, ":", nrow(res), "x", ncol(res), "\n")
}

run("synth_gaussian", "synth_expr.tsv.gz", "synth_sets.gmt", x, sets, method = "gsva", kcdf = "Gaussian")
run("synth_gaussian_nomxdiff", "synth_expr.tsv.gz", "synth_sets.gmt", x, sets, method = "gsva", kcdf = "Gaussian", mx.diff = FALSE)
run("synth_gaussian_absranking", "synth_expr.tsv.gz", "synth_sets.gmt", x, sets, method = "gsva", kcdf = "Gaussian", abs.ranking = TRUE)
run("synth_gaussian_tau05_min3_max150", "synth_expr.tsv.gz", "synth_sets.gmt", x, sets, method = "gsva", kcdf = "Gaussian", tau = 0.5, min.sz = 3, max.sz = 150)
run("synth_none", "synth_expr.tsv.gz", "synth_sets.gmt", x, sets, method = "gsva", kcdf = "none")
run("synth_none_nomxdiff", "synth_expr.tsv.gz", "synth_sets.gmt", x, sets, method = "gsva", kcdf = "none", mx.diff = FALSE)
run("synth_ssgsea", "synth_expr.tsv.gz", "synth_sets.gmt", x, sets, method = "ssgsea")
run("synth_ssgsea_nonorm", "synth_expr.tsv.gz", "synth_sets.gmt", x, sets, method = "ssgsea", ssgsea.norm = FALSE)
run("synth_ssgsea_alpha1", "synth_expr.tsv.gz", "synth_sets.gmt", x, sets, method = "ssgsea", tau = 1)
run("synth_counts_poisson", "synth_counts.tsv.gz", "synth_counts_sets.gmt", cnt, csets, method = "gsva", kcdf = "Poisson")
run("synth_counts_poisson_nomxdiff", "synth_counts.tsv.gz", "synth_counts_sets.gmt", cnt, csets, method = "gsva", kcdf = "Poisson", mx.diff = FALSE)

# ---- (b) ICB Hugo with MSigDB Hallmark v7.0 ----------------------------------------------------
hugoFile <- file.path(shared, "icb_cohorts/ICB_small_Hugo_expr_log2tpm.tsv.gz")
hallFile <- file.path(shared, "genesets/msigdb_h.all.v7.0.symbols.gmt")
if (file.exists(hugoFile) && file.exists(hallFile)) {
  h <- read.delim(hugoFile, check.names = FALSE)
  hm <- as.matrix(h[, -1]); rownames(hm) <- h[[1]]
  hall <- read_gmt(hallFile)
  run("hugo_hallmark_gaussian", "icb_cohorts/ICB_small_Hugo_expr_log2tpm.tsv.gz", "genesets/msigdb_h.all.v7.0.symbols.gmt", hm, hall, method = "gsva", kcdf = "Gaussian")
  run("hugo_hallmark_gaussian_nomxdiff", "icb_cohorts/ICB_small_Hugo_expr_log2tpm.tsv.gz", "genesets/msigdb_h.all.v7.0.symbols.gmt", hm, hall, method = "gsva", kcdf = "Gaussian", mx.diff = FALSE)
  run("hugo_hallmark_absranking", "icb_cohorts/ICB_small_Hugo_expr_log2tpm.tsv.gz", "genesets/msigdb_h.all.v7.0.symbols.gmt", hm, hall, method = "gsva", kcdf = "Gaussian", abs.ranking = TRUE)
  run("hugo_hallmark_none", "icb_cohorts/ICB_small_Hugo_expr_log2tpm.tsv.gz", "genesets/msigdb_h.all.v7.0.symbols.gmt", hm, hall, method = "gsva", kcdf = "none")
  run("hugo_hallmark_ssgsea", "icb_cohorts/ICB_small_Hugo_expr_log2tpm.tsv.gz", "genesets/msigdb_h.all.v7.0.symbols.gmt", hm, hall, method = "ssgsea")
  run("hugo_hallmark_ssgsea_nonorm", "icb_cohorts/ICB_small_Hugo_expr_log2tpm.tsv.gz", "genesets/msigdb_h.all.v7.0.symbols.gmt", hm, hall, method = "ssgsea", ssgsea.norm = FALSE)
}

# ---- (c) TCGA-STAD counts, Poisson kernel ----------------------------------------------------
stadFile <- file.path(shared, "tcga_stad/tcga_stad_counts_10samples.tsv.gz")
annoFile <- file.path(shared, "tcga_stad/anno_grch38_ensembl_to_symbol.tsv.gz")
if (file.exists(stadFile) && file.exists(annoFile) && file.exists(hallFile)) {
  s <- read.delim(stadFile, check.names = FALSE)
  anno <- read.delim(annoFile, quote = "")
  sym <- anno$symbol[match(s[[1]], anno$id)]
  keep <- !is.na(sym) & sym != "" & !duplicated(sym)   # first row per symbol, in file order
  sm <- as.matrix(s[keep, -1]); rownames(sm) <- sym[keep]
  run("stad_hallmark_poisson", "tcga_stad/tcga_stad_counts_10samples.tsv.gz", "genesets/msigdb_h.all.v7.0.symbols.gmt", sm, hall, method = "gsva", kcdf = "Poisson")
  run("stad_hallmark_poisson_absranking", "tcga_stad/tcga_stad_counts_10samples.tsv.gz", "genesets/msigdb_h.all.v7.0.symbols.gmt", sm, hall, method = "gsva", kcdf = "Poisson", abs.ranking = TRUE)
  run("stad_hallmark_ssgsea", "tcga_stad/tcga_stad_counts_10samples.tsv.gz", "genesets/msigdb_h.all.v7.0.symbols.gmt", sm, hall, method = "ssgsea")
}

write.table(do.call(rbind, cases), file.path(out, "cases.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
