#!/usr/bin/env Rscript
# Conformance fixtures for sigscore's zscore and PLAGE scores (src/score/).
#
# Oracle: GSVA::gsva(method = "zscore" | "plage") on the Liu 2019 anti-PD-1 melanoma cohort
# (log2 TPM, ../shared/data/icb_cohorts/ICB_small_Liu_expr_log2tpm.tsv.gz) with the Danaher 2017
# and Mariathasan 2018 gene sets (../shared/data/genesets/*.gmt). Inputs are read by path and not
# copied; only the scores are written, to test/conformance/score/.
#
# Run from the repository root:  Rscript scripts/score-fixtures.R
suppressPackageStartupMessages(library(GSVA))

shared <- Sys.getenv("SIGSCORE_SHARED_DATA", "../shared/data")
expr_file <- file.path(shared, "icb_cohorts", "ICB_small_Liu_expr_log2tpm.tsv.gz")
gmt_files <- file.path(shared, "genesets", c("danaher2017_immune_celltypes.gmt", "mariathasan2018_imvigor210.gmt"))
out_dir <- "test/conformance/score"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

read_gmt <- function(path) {
  lines <- readLines(path, warn = FALSE)
  lines <- lines[nzchar(lines)]
  f <- strsplit(lines, "\t", fixed = TRUE)
  sets <- lapply(f, function(x) x[-(1:2)])
  names(sets) <- vapply(f, `[`, "", 1)
  sets
}

x <- as.matrix(read.delim(gzfile(expr_file), row.names = 1, check.names = FALSE))
sets <- do.call(c, lapply(gmt_files, read_gmt))

write_scores <- function(s, file) {
  out <- data.frame(signature = rownames(s), formatC(s, digits = 17, format = "g"), check.names = FALSE)
  colnames(out) <- c("signature", colnames(s))
  write.table(out, file.path(out_dir, file), sep = "\t", quote = FALSE, row.names = FALSE)
}

params <- list(min.sz = 1, max.sz = Inf, verbose = FALSE)
z <- do.call(gsva, c(list(expr = x, gset.idx.list = sets, method = "zscore"), params))
p <- do.call(gsva, c(list(expr = x, gset.idx.list = sets, method = "plage"), params))
write_scores(z, "liu_zscore.tsv")
write_scores(p, "liu_plage.tsv")

meta <- c(
  paste0("R\t", R.version.string),
  paste0("GSVA\t", as.character(packageVersion("GSVA"))),
  paste0("expression\t", expr_file, " (", nrow(x), " genes x ", ncol(x), " samples, md5 ",
         unname(tools::md5sum(expr_file)), ")"),
  paste0("gene_sets\t", paste(basename(gmt_files), collapse = ","), " (", length(sets), " sets)"),
  "call\tgsva(expr, sets, method = 'zscore' | 'plage', min.sz = 1, max.sz = Inf)",
  "outputs\tliu_zscore.tsv, liu_plage.tsv (signature x sample, 17 significant digits)",
  "note\tPLAGE's sign is arbitrary (first right singular vector); compare after sign alignment"
)
writeLines(meta, file.path(out_dir, "liu_meta.tsv"))
