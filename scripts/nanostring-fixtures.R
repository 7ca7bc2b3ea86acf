# Conformance fixtures for sigscore's NanoString QC and normalisation.
#
# A direct R transcription of the nSolver steps documented in the nCounter Data Analysis
# Guidelines (MAN-C0011) run on the 25 RCC files of NanoStringQCPro 1.30.0's extdata
# (../shared/data/nanostring/nanostringqcpro/RCC). Counts are read with NanoStringQCPro's
# readRcc (an independent RCC reader) and checked against a plain base-R read.
#
# Usage (from the repository root): Rscript scripts/nanostring-fixtures.R
# Writes test/conformance/nanostring/{meta.tsv,qc.tsv,factors_<cfg>.tsv,normalized_<cfg>.tsv}.
suppressPackageStartupMessages(library(NanoStringQCPro))
rccDir <- "../shared/data/nanostring/nanostringqcpro/RCC"
outDir <- "test/conformance/nanostring"
dir.create(outDir, showWarnings = FALSE, recursive = TRUE)
files <- sort(list.files(rccDir, pattern = "\\.RCC$", full.names = TRUE))
stems <- sub("\\.RCC$", "", basename(files))

read_code_summary <- function(f) {
  l <- sub("\r$", "", readLines(f, warn = FALSE))
  a <- which(l == "<Code_Summary>") + 2; b <- which(l == "</Code_Summary>") - 1
  t <- read.csv(text = paste(l[a:b], collapse = "\n"), header = FALSE, stringsAsFactors = FALSE,
                col.names = c("CodeClass", "Name", "Accession", "Count"))
  t
}
tabs <- lapply(files, read_code_summary)
probes <- tabs[[1]]$Name
cls <- setNames(tabs[[1]]$CodeClass, probes)
X <- sapply(tabs, function(t) setNames(t$Count, t$Name)[probes])
colnames(X) <- stems; rownames(X) <- probes

# independent reader: NanoStringQCPro::readRcc must give the same counts
for (j in seq_along(files)) {
  cs <- readRcc(files[j])$Code_Summary
  stopifnot(all(as.numeric(setNames(cs$Count, cs$Name)[probes]) == X[, j]))
}

gm <- function(v) exp(mean(log(v)))
conc <- c(POS_A = 128, POS_B = 32, POS_C = 8, POS_D = 2, POS_E = 0.5, POS_F = 0.125)
pos <- names(cls)[cls == "Positive"]; neg <- names(cls)[cls == "Negative"]
hkc <- names(cls)[cls == "Housekeeping"]
tgt <- cls %in% c("Endogenous", "Housekeeping")  # background applies to these classes only

nsolver <- function(X, dropPosF, bg, est, k, hk, scale, floor = 1) {
  p <- if (dropPosF) setdiff(pos, "POS_F") else pos
  pg <- apply(X[p, , drop = FALSE], 2, gm)
  pf <- mean(pg) / pg
  Z <- sweep(X, 2, pf, "*")
  N <- Z[neg, , drop = FALSE]
  thr <- switch(est, "mean-sd" = colMeans(N) + k * apply(N, 2, sd), max = apply(N, 2, max), mean = colMeans(N))
  for (j in seq_len(ncol(Z))) {
    v <- Z[tgt, j]
    Z[tgt, j] <- switch(bg, none = v, threshold = pmax(v, thr[j]), subtract = pmax(v - thr[j], 0))
  }
  hg <- apply(Z[hk, , drop = FALSE], 2, gm)
  hf <- mean(hg) / hg
  Z <- sweep(Z, 2, hf, "*")
  if (scale == "log2") Z <- log2(pmax(Z, floor))
  list(factors = data.frame(sample = colnames(X), positive_geomean = pg, positive_factor = pf,
                            background_threshold = thr, housekeeping_geomean = hg, housekeeping_factor = hf),
       normalized = Z)
}
configs <- list(
  A = list(dropPosF = FALSE, bg = "threshold", est = "mean-sd", k = 2, hk = hkc, scale = "log2"),
  B = list(dropPosF = TRUE, bg = "subtract", est = "mean", k = 2, hk = c("PPFIBP2", "C1orf167"), scale = "linear"),
  C = list(dropPosF = FALSE, bg = "none", est = "mean-sd", k = 3, hk = c("USP19", "MFSD5", "ITGA2"), scale = "log2")
)
f17 <- function(d) { for (n in names(d)) if (is.numeric(d[[n]])) d[[n]] <- sprintf("%.17g", d[[n]]); d }
for (cfg in names(configs)) {
  r <- do.call(nsolver, c(list(X = X), configs[[cfg]]))
  write.table(f17(r$factors), file.path(outDir, sprintf("factors_%s.tsv", cfg)), sep = "\t", quote = FALSE, row.names = FALSE)
  nd <- data.frame(probe = rownames(r$normalized), f17(as.data.frame(r$normalized)), check.names = FALSE)
  write.table(nd, file.path(outDir, sprintf("normalized_%s.tsv", cfg)), sep = "\t", quote = FALSE, row.names = FALSE)
}

# QC metrics: linearity R^2 of log2(max(count,1)) on log2(conc); LoD threshold mean(NEG) + 2 SD(NEG)
r2 <- apply(X[pos, ], 2, function(v) summary(lm(log2(pmax(v, 1)) ~ log2(conc[pos])))$r.squared)
lod <- colMeans(X[neg, ]) + 2 * apply(X[neg, ], 2, sd)
above <- sapply(seq_along(stems), function(j) 100 * mean(X[cls == "Endogenous", j] > lod[j]))
write.table(f17(data.frame(sample = stems, positive_linearity = r2, lod_threshold = lod, pct_above_background = above)),
            file.path(outDir, "qc.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)

meta <- data.frame(key = c("R", "NanoStringQCPro", "input", "files", "configs"),
                   value = c(R.version.string, as.character(packageVersion("NanoStringQCPro")), rccDir, length(files),
                             paste(sapply(names(configs), function(n) paste0(n, ":", paste(names(configs[[n]]), sapply(configs[[n]], paste, collapse = "+"), sep = "=", collapse = ";"))), collapse = " | ")))
write.table(meta, file.path(outDir, "meta.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
cat("wrote fixtures to", outDir, "\n")
