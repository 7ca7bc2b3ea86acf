# Conformance fixtures for the differential-expression domain (src/de, src/normalize/rnaseq).
# Run from the repository root:  Rscript scripts/de-fixtures.R
# Oracles: R 4.2.2, limma 3.54.1, edgeR 3.40.2. Writes test/conformance/de/:
#   synth_counts.tsv, synth_samples.tsv      seeded input (1000 genes x 20 samples; group A/B, age)
#   synth_normfactors.tsv                    calcNormFactors TMM / upperquartile / RLE, lib sizes
#   synth_filter.tsv                         filterByExpr(y, design) keep flags
#   synth_voom_tmm.tsv                       voom(TMM) -> lmFit -> eBayes, topTable(coef="groupB")
#   synth_trend.tsv                          logCPM (prior 2, TMM) -> lmFit -> eBayes(trend=TRUE)
#   synth_limma_F.tsv                        same logCPM, eBayes(), topTable(coef=c("groupB","age"))
#   bladder_limma.tsv                        bladderbatch ~ cancer(ref Normal) + factor(batch), coef cancerCancer (every 10th probe)
#   hyper.tsv                                d0 and s0^2 of each fit (s0^2 median for the trend fit)
#   synth_trend_s2prior.tsv                  per-gene s0^2 of the trend fit
suppressPackageStartupMessages({ library(limma); library(edgeR) })
out <- "test/conformance/de"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
wr <- function(df, name) write.table(df, file.path(out, name), sep = "\t", quote = FALSE, row.names = FALSE)
fmt <- function(df) { for (j in seq_along(df)) if (is.double(df[[j]])) df[[j]] <- sprintf("%.17g", df[[j]]); df }
cat("R", R.version.string, "limma", as.character(packageVersion("limma")), "edgeR", as.character(packageVersion("edgeR")), "\n")

# ---- (a) seeded synthetic counts
set.seed(20260124)
G <- 1000; n <- 20
group <- factor(rep(c("A", "B"), each = 10))
age <- round(runif(n, 30, 80))
base <- exp(rnorm(G, 3, 2))                       # wide range of expression, some near zero
disp <- 0.05 + 0.4 / sqrt(base)
lfc <- ifelse(runif(G) < 0.1, rnorm(G, 0, 1.5), 0)
agefx <- ifelse(runif(G) < 0.05, rnorm(G, 0, 0.03), 0)
libf <- runif(n, 0.5, 2)
mu <- base * outer(rep(1, G), libf) * 2^(outer(lfc, as.numeric(group == "B"))) * 2^(outer(agefx, age - 55))
counts <- matrix(rnbinom(G * n, mu = mu, size = 1 / disp), G, n)
counts[1:5, ] <- 0                                 # all-zero genes
genes <- sprintf("G%04d", 1:G); samples <- sprintf("S%02d", 1:n)
dimnames(counts) <- list(genes, samples)
wr(data.frame(gene = genes, counts, check.names = FALSE), "synth_counts.tsv")
wr(data.frame(sample_id = samples, group = group, age = age), "synth_samples.tsv")
design <- model.matrix(~ group + age)

y <- DGEList(counts)
nf <- data.frame(sample = samples, lib_size = y$samples$lib.size,
  TMM = calcNormFactors(y, method = "TMM")$samples$norm.factors,
  upperquartile = calcNormFactors(y, method = "upperquartile")$samples$norm.factors,
  RLE = calcNormFactors(y, method = "RLE")$samples$norm.factors)
wr(fmt(nf), "synth_normfactors.tsv")
wr(data.frame(gene = genes, keep = as.integer(filterByExpr(y, design))), "synth_filter.tsv")

y <- calcNormFactors(y, method = "TMM")
tab <- function(fit, coef) { t <- topTable(fit, coef = coef, number = Inf, sort.by = "none"); data.frame(gene = rownames(t), t, check.names = FALSE) }
v <- voom(y, design)
fv <- eBayes(lmFit(v, design))
wr(fmt(tab(fv, "groupB")), "synth_voom_tmm.tsv")
logcpm <- cpm(y, log = TRUE, prior.count = 2)
ft <- eBayes(lmFit(logcpm, design), trend = TRUE)
wr(fmt(tab(ft, "groupB")), "synth_trend.tsv")
wr(fmt(data.frame(gene = genes, s2prior = ft$s2.prior)), "synth_trend_s2prior.tsv")
fl <- eBayes(lmFit(logcpm, design))
tF <- topTable(fl, coef = c("groupB", "age"), number = Inf, sort.by = "none")
wr(fmt(data.frame(gene = rownames(tF), tF, check.names = FALSE)), "synth_limma_F.tsv")
wr(fmt(tab(fl, "groupB")), "synth_limma.tsv")

# ---- (b) bladderbatch (read from the shared data folder; only outputs are committed)
bb <- "../shared/data/microarray"
x <- read.delim(gzfile(file.path(bb, "bladderbatch_hgu133a_log2.tsv.gz")), check.names = FALSE)
pd <- read.delim(file.path(bb, "bladderbatch_pdata.tsv"))
E <- as.matrix(x[, -(1:2)]); rownames(E) <- x$probe_id
pd <- pd[match(colnames(E), pd$sample_file), ]
cancer <- relevel(factor(pd$cancer), ref = "Normal"); batch <- pd$batch
db <- model.matrix(~ cancer + factor(batch))
fb <- eBayes(lmFit(E, db))
tb <- tab(fb, "cancerCancer")
wr(fmt(tb[seq(1, nrow(tb), by = 10), ]), "bladder_limma.tsv")

hyper <- data.frame(fit = c("synth_voom_tmm", "synth_trend", "synth_limma", "bladder_limma"),
  df_prior = c(fv$df.prior, ft$df.prior, fl$df.prior, fb$df.prior),
  s2_prior = c(fv$s2.prior, median(ft$s2.prior), fl$s2.prior, fb$s2.prior))
wr(fmt(hyper), "hyper.tsv")
writeLines(c(R.version.string, paste("limma", packageVersion("limma")), paste("edgeR", packageVersion("edgeR")),
  "seed 20260124; design ~ group + age (synthetic), ~ cancer(ref Normal) + factor(batch) (bladderbatch)"),
  file.path(out, "VERSIONS.txt"))
