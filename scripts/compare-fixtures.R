# Conformance fixture for sigscore compare (test/workflow/compare-conformance.test.ts).
# For the eight ICB cohorts in ../shared/data/icb_cohorts/ (read by path, never copied):
#   1. common genes = genes present in every cohort's expression table;
#   2. the CD8 T-effector signature (Mariathasan 2018: CD8A GZMA GZMB IFNG CXCL9 CXCL10 PRF1
#      TBX21) scored per cohort on its common genes as sigscore scores it (PLAGE): every gene
#      standardised across the cohort's samples (sd with n - 1, constant genes left out), the
#      score is the first right singular vector of the genes x samples z matrix, its sign chosen
#      so that it correlates positively with the genes' mean expression per sample;
#   3. per cohort and endpoint, complete cases (score, time, event) with the score standardised
#      over them (z = (s - mean)/sd): coxph(Surv(time, event) ~ z) with Efron ties -> log HR per
#      SD, se, Wald p; cohorts with no events or fewer than 3 subjects are left out;
#      response (R vs NR, NA dropped): glm(y ~ z, binomial) -> log OR per SD;
#   4. inverse-variance fixed effect and DerSimonian-Laird random effects by the textbook
#      formulas (w = 1/se^2, Q, tau2, I2, Wald CIs and p), in base R.
# Output: test/conformance/compare/cd8_meta.json, numbers with 15 significant digits (jsonlite).
# Run from the repository root:  Rscript scripts/compare-fixtures.R [data-dir]
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else "../shared/data/icb_cohorts"
out <- "test/conformance/compare"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

cohorts <- c("Mariathasan", "Hugo", "Liu", "Miao", "Nathanson", "Padron", "Riaz", "Van_Allen")
cd8 <- c("CD8A", "GZMA", "GZMB", "IFNG", "CXCL9", "CXCL10", "PRF1", "TBX21")
endpoints <- list(os = c("survival_time_os", "event_occurred_os"), pfs = c("survival_time_pfs", "event_occurred_pfs"))

read_expr <- function(c) {
  d <- read.delim(gzfile(file.path(dir, sprintf("ICB_small_%s_expr_log2tpm.tsv.gz", c))), check.names = FALSE, stringsAsFactors = FALSE)
  m <- as.matrix(d[, -1, drop = FALSE]); rownames(m) <- d[[1]]; m
}
read_clin <- function(c) read.delim(file.path(dir, sprintf("ICB_small_%s_clinical.tsv", c)), check.names = FALSE, stringsAsFactors = FALSE)
expr <- setNames(lapply(cohorts, read_expr), cohorts)
clin <- setNames(lapply(cohorts, read_clin), cohorts)
common <- Reduce(intersect, lapply(expr, rownames))
genes <- cd8[cd8 %in% common]

plage <- function(x) {
  x <- x[genes, , drop = FALSE]
  s <- apply(x, 1, sd)
  x <- x[s > 0, , drop = FALSE]
  z <- t(scale(t(x)))
  v <- svd(z)$v[, 1]
  if (cor(v, colMeans(x)) < 0) v <- -v
  setNames(v, colnames(x))
}

pool <- function(est, se) {
  k <- length(est); w <- 1 / se^2; zc <- qnorm(0.975)
  pe <- function(w) { e <- sum(w * est) / sum(w); s <- 1 / sqrt(sum(w))
    list(estimate = e, se = s, lower = e - zc * s, upper = e + zc * s, p = 2 * pnorm(-abs(e / s))) }
  fixed <- pe(w)
  q <- sum(w * (est - fixed$estimate)^2); df <- k - 1
  tau2 <- max(0, (q - df) / (sum(w) - sum(w^2) / sum(w)))
  list(studies = k, fixed = fixed, random = pe(1 / (se^2 + tau2)), tau2 = tau2, q = q, df = df,
       q_p = pchisq(q, df, lower.tail = FALSE), i2 = if (q > 0) max(0, (q - df) / q) else 0)
}

scores <- lapply(cohorts, function(c) plage(expr[[c]][common, , drop = FALSE]))
names(scores) <- cohorts
per <- list(); meta <- list()
fit_one <- function(c, kind, cols) {
  cl <- clin[[c]]; s <- scores[[c]]
  at <- match(names(s), cl[[1]])
  if (kind == "response") {
    y <- ifelse(cl$response[at] == "R", 1, ifelse(cl$response[at] == "NR", 0, NA))
    ok <- is.finite(s) & !is.na(y)
    z <- (s[ok] - mean(s[ok])) / sd(s[ok]); y <- y[ok]
    if (sum(ok) < 3 || sum(y) == 0 || sum(y) == length(y)) return(NULL)
    f <- summary(glm(y ~ z, family = binomial))$coefficients
    return(list(study = c, n = sum(ok), events = sum(y), estimate = f["z", 1], se = f["z", 2], p = f["z", 4]))
  }
  t <- cl[[cols[1]]][at]; e <- cl[[cols[2]]][at]
  ok <- is.finite(s) & !is.na(t) & !is.na(e)
  if (sum(ok) < 3 || sum(e[ok]) == 0) return(NULL)
  z <- (s[ok] - mean(s[ok])) / sd(s[ok])
  f <- coxph(Surv(t[ok], e[ok]) ~ z, ties = "efron")
  list(study = c, n = sum(ok), events = sum(e[ok]), estimate = unname(coef(f)), se = unname(sqrt(vcov(f))[1, 1]),
       p = unname(summary(f)$coefficients[1, 5]))
}
for (ep in c("response", names(endpoints))) {
  rows <- Filter(Negate(is.null), lapply(cohorts, fit_one, kind = if (ep == "response") "response" else "survival", cols = endpoints[[ep]]))
  per[[ep]] <- list(study = sapply(rows, `[[`, "study"), n = sapply(rows, `[[`, "n"), events = sapply(rows, `[[`, "events"),
                    estimate = sapply(rows, `[[`, "estimate"), se = sapply(rows, `[[`, "se"), p = sapply(rows, `[[`, "p"))
  meta[[ep]] <- pool(per[[ep]]$estimate, per[[ep]]$se)
}

res <- list(
  r = R.version.string, survival = as.character(packageVersion("survival")),
  cohorts = cohorts, signature = "Mariathasan_CD8_T_effector", genes = genes, common_genes = length(common),
  endpoints = lapply(endpoints, as.list), response = list(column = "response", level = "R"),
  scores_head = lapply(scores, function(s) unname(s[seq_len(min(5, length(s)))])),
  per_cohort = per, meta = meta)
writeLines(toJSON(res, digits = I(17), auto_unbox = TRUE, pretty = TRUE), file.path(out, "cd8_meta.json"))
cat(sprintf("wrote %s/cd8_meta.json: %d common genes, OS %d cohorts, PFS %d cohorts, response %d cohorts\n", out,
            length(common), meta$os$studies, meta$pfs$studies, meta$response$studies))
