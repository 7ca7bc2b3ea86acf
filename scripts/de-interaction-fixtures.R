# Conformance fixtures for interaction terms in design formulas (src/de/formula.ts, design.ts).
# Run from the repository root:  Rscript scripts/de-interaction-fixtures.R
# Oracles: R 4.2.2 model.matrix, limma 3.54.1, edgeR 3.40.2. Needs test/conformance/de/synth_counts.tsv
# and synth_samples.tsv (scripts/de-fixtures.R). Writes test/conformance/de/:
#   interaction_mm.json              model.matrix (column names, values row-major) of formulas on a small table
#   synth_batch_samples.tsv          synth_samples.tsv plus a two-level batch
#   synth_interaction.tsv            logCPM(TMM) ~ group*batch + age, topTable(coef="groupB:batchb2")
#   synth_interaction_combo.tsv      same fit, contrast groupB + groupB:batchb2 (contrasts.fit)
#   synth_interaction_age.tsv        logCPM(TMM) ~ group*age, topTable(coef="groupB:age")
suppressPackageStartupMessages({ library(limma); library(edgeR); library(jsonlite) })
out <- "test/conformance/de"
fmt <- function(df) { for (j in seq_along(df)) if (is.double(df[[j]])) df[[j]] <- sprintf("%.17g", df[[j]]); df }
wr <- function(df, name) write.table(df, file.path(out, name), sep = "\t", quote = FALSE, row.names = FALSE)

small <- data.frame(id = sprintf("s%d", 1:16), response = rep(c("R", "NR", "R", "NR", "NR", "R", "R", "NR"), 2),
  age = c(50, 61, 45, 52, 70, 38, 55, 48, 66, 41, 59, 47, 73, 35, 62, 57), batch = rep(c("b1", "b2", "b3", "b1", "b2", "b3", "b1", "b2"), 2),
  w = c(1.5, 2, 3, 1, 2.2, 0.5, 1, 2, 0.7, 1.1, 2.5, 1.8, 0.9, 3.2, 1.4, 2.1), stringsAsFactors = FALSE)
formulas <- c("~ response*age", "~ age*response", "~ response:age", "~ response + response:age",
  "~ 0 + response:age", "~ response*batch", "~ batch*response", "~ response:batch", "~ 0 + response + batch",
  "~ age*w", "~ age + response + response:age", "~ response + batch + response:batch + age",
  "~ response*batch*age", "~ 0 + age + response", "~ (response + batch):age", "~ response*batch - response:batch")
mm <- lapply(formulas, function(f) { m <- model.matrix(as.formula(f), small); list(formula = f, columns = colnames(m), x = as.vector(t(m))) })
writeLines(toJSON(list(R = R.version.string, table = small, designs = mm), digits = NA, auto_unbox = TRUE), file.path(out, "interaction_mm.json"))

counts <- as.matrix(read.delim(file.path(out, "synth_counts.tsv"), row.names = 1, check.names = FALSE))
s <- read.delim(file.path(out, "synth_samples.tsv"), stringsAsFactors = FALSE)
s$batch <- rep(c("b1", "b2"), length.out = nrow(s))
wr(s, "synth_batch_samples.tsv")
group <- factor(s$group); batch <- factor(s$batch); age <- s$age
y <- calcNormFactors(DGEList(counts), method = "TMM")
logcpm <- cpm(y, log = TRUE, prior.count = 2)
tab <- function(fit, coef) { t <- topTable(fit, coef = coef, number = Inf, sort.by = "none"); data.frame(gene = rownames(t), t, check.names = FALSE) }
d1 <- model.matrix(~ group*batch + age)
stopifnot(identical(colnames(d1), c("(Intercept)", "groupB", "batchb2", "age", "groupB:batchb2")))
f1 <- lmFit(logcpm, d1)
wr(fmt(tab(eBayes(f1), "groupB:batchb2")), "synth_interaction.tsv")
cm <- matrix(c(0, 1, 0, 0, 1), ncol = 1, dimnames = list(colnames(d1), "combo"))
wr(fmt(tab(eBayes(contrasts.fit(f1, cm)), 1)), "synth_interaction_combo.tsv")
d2 <- model.matrix(~ group*age)
wr(fmt(tab(eBayes(lmFit(logcpm, d2)), "groupB:age")), "synth_interaction_age.tsv")
