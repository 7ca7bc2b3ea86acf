# Conformance fixtures for src/stats: rank, contingency, correlation and logistic tests on
# columns of the real data in ../shared/data (survival/ and icb_cohorts/), read by path.
# Run from the repository root:  Rscript scripts/stats-fixtures.R
# Writes test/conformance/stats/*.json: each case names its input file, columns and selection,
# and records R's results (full double precision). Inputs are not copied.
suppressPackageStartupMessages(library(jsonlite))
root <- "../shared/data"
out <- "test/conformance/stats"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
meta <- list(R = R.version.string, stats = as.character(packageVersion("stats")),
             jsonlite = as.character(packageVersion("jsonlite")), date = format(Sys.Date()))
rd <- function(f) {
  p <- file.path(root, f)
  if (grepl("\\.tsv$", f)) read.delim(p, stringsAsFactors = FALSE, check.names = FALSE, na.strings = c("NA", ""))
  else read.csv(p, stringsAsFactors = FALSE, check.names = FALSE, na.strings = c("NA", ""))
}
sel <- function(d, rows) if (is.null(rows)) d else d[rows, , drop = FALSE]
save <- function(name, cases) {
  writeLines(toJSON(list(meta = meta, cases = cases), auto_unbox = TRUE, digits = NA, null = "null", na = "string"),
             file.path(out, paste0(name, ".json")))
}
num <- function(v) { v <- unname(v); if (is.null(v)) NA else v }

# --- Wilcoxon rank-sum with the HL shift and its CI
wil <- list(
  list(file = "survival/lung.csv", value = "age", group = "sex", x = "1", y = "2"),
  list(file = "survival/ovarian.csv", value = "age", group = "rx", x = "1", y = "2"),
  list(file = "survival/ovarian.csv", value = "futime", group = "fustat", x = "1", y = "0"),
  list(file = "survival/veteran.csv", value = "karno", group = "trt", x = "1", y = "2"),
  list(file = "survival/lung.csv", value = "meal.cal", group = "sex", x = "1", y = "2"),
  list(file = "icb_cohorts/ICB_small_Liu_clinical.tsv", value = "TMB_perMb", group = "response", x = "R", y = "NR"),
  list(file = "icb_cohorts/ICB_small_Liu_clinical.tsv", value = "purity", group = "response", x = "R", y = "NR"),
  list(file = "icb_cohorts/ICB_small_Hugo_clinical.tsv", value = "age", group = "response", x = "R", y = "NR")
)
wil <- lapply(wil, function(c) {
  d <- rd(c$file); v <- d[[c$value]]; g <- as.character(d[[c$group]])
  x <- v[!is.na(v) & !is.na(g) & g == c$x]; y <- v[!is.na(v) & !is.na(g) & g == c$y]
  t <- suppressWarnings(wilcox.test(x, y, conf.int = TRUE))
  c(c, list(nx = length(x), ny = length(y), W = num(t$statistic), p = t$p.value,
            estimate = num(t$estimate), lower = t$conf.int[1], upper = t$conf.int[2], method = t$method))
})
save("wilcox", wil)

# --- Kruskal–Wallis
kw <- list(
  list(file = "survival/veteran.csv", value = "karno", group = "celltype"),
  list(file = "survival/lung.csv", value = "age", group = "ph.ecog"),
  list(file = "icb_cohorts/ICB_small_Liu_clinical.tsv", value = "TMB_perMb", group = "recist")
)
kw <- lapply(kw, function(c) {
  d <- rd(c$file); ok <- !is.na(d[[c$value]]) & !is.na(d[[c$group]])
  t <- kruskal.test(d[[c$value]][ok], factor(d[[c$group]][ok]))
  c(c, list(n = sum(ok), statistic = num(t$statistic), df = num(t$parameter), p = t$p.value))
})
save("kruskal", kw)

# --- contingency tables: χ² (Yates for 2×2) and Fisher (2×2 with conditional MLE OR and CI)
tabs <- list(
  list(file = "survival/lung.csv", row = "sex", col = "status"),
  list(file = "survival/ovarian.csv", row = "rx", col = "fustat"),
  list(file = "survival/veteran.csv", row = "trt", col = "prior"),
  list(file = "icb_cohorts/ICB_small_Liu_clinical.tsv", row = "sex", col = "response"),
  list(file = "icb_cohorts/ICB_small_Hugo_clinical.tsv", row = "sex", col = "response"),
  list(file = "survival/veteran.csv", row = "celltype", col = "trt"),
  list(file = "survival/lung.csv", row = "ph.ecog", col = "sex")
)
tabs <- lapply(tabs, function(c) {
  d <- rd(c$file); ok <- !is.na(d[[c$row]]) & !is.na(d[[c$col]])
  tb <- table(as.character(d[[c$row]][ok]), as.character(d[[c$col]][ok]))
  ch <- suppressWarnings(chisq.test(tb))
  r <- c(c, list(rowLevels = rownames(tb), colLevels = colnames(tb), counts = as.vector(t(tb)),
                 chisq = num(ch$statistic), df = num(ch$parameter), chisqP = ch$p.value))
  f <- fisher.test(tb)
  r$fisherP <- f$p.value
  if (all(dim(tb) == 2)) { r$oddsRatio <- num(f$estimate); r$orLower <- f$conf.int[1]; r$orUpper <- f$conf.int[2] }
  r
})
lit <- list(c(3, 1, 1, 3), c(0, 5, 4, 3), c(10, 2, 3, 15), c(50, 30, 20, 60), c(7, 0, 2, 9), c(1, 9, 11, 3), c(2, 118, 6, 0))
lit <- lapply(lit, function(v) {
  tb <- matrix(v, 2, 2, byrow = TRUE)
  f <- fisher.test(tb); ch <- suppressWarnings(chisq.test(tb))
  list(counts = v, fisherP = f$p.value, oddsRatio = num(f$estimate), orLower = f$conf.int[1], orUpper = f$conf.int[2],
       chisq = num(ch$statistic), chisqP = ch$p.value, chisqUncorrected = num(suppressWarnings(chisq.test(tb, correct = FALSE))$statistic))
})
save("contingency", list(data = tabs, literal = lit))

# --- Pearson and Spearman correlation tests
cors <- list(
  list(file = "survival/lung.csv", x = "age", y = "wt.loss"),
  list(file = "survival/ovarian.csv", x = "age", y = "futime"),
  list(file = "survival/ovarian.csv", x = "age", y = "futime", rows = 1:8),
  list(file = "survival/ovarian.csv", x = "futime", y = "age", rows = 3:11),
  list(file = "survival/ovarian.csv", x = "age", y = "futime", rows = 1:15),
  list(file = "survival/veteran.csv", x = "karno", y = "time"),
  list(file = "survival/pbc.csv", x = "bili", y = "albumin"),
  list(file = "survival/gbsg.csv", x = "age", y = "size"),
  list(file = "icb_cohorts/ICB_small_Liu_clinical.tsv", x = "purity", y = "TMB_perMb"),
  list(file = "icb_cohorts/ICB_small_Liu_clinical.tsv", x = "TMB_perMb", y = "nsTMB_perMb")
)
cors <- lapply(cors, function(c) {
  d <- sel(rd(c$file), c$rows); x <- d[[c$x]]; y <- d[[c$y]]; ok <- !is.na(x) & !is.na(y)
  pe <- cor.test(x, y, method = "pearson"); sp <- suppressWarnings(cor.test(x, y, method = "spearman"))
  c(c, list(n = sum(ok), pearson = num(pe$estimate), pearsonT = num(pe$statistic), pearsonP = pe$p.value,
            pearsonLower = if (is.null(pe$conf.int)) NA else pe$conf.int[1], pearsonUpper = if (is.null(pe$conf.int)) NA else pe$conf.int[2],
            spearman = num(sp$estimate), spearmanS = num(sp$statistic), spearmanP = sp$p.value,
            ties = any(duplicated(x[ok])) || any(duplicated(y[ok]))))
})
save("correlation", cors)

# --- Spearman matrix with p and BH q (pairwise complete)
cm <- list(file = "survival/lung.csv", columns = c("age", "ph.karno", "pat.karno", "meal.cal", "wt.loss", "ph.ecog"))
d <- rd(cm$file); pr <- list()
for (i in 1:(length(cm$columns) - 1)) for (j in (i + 1):length(cm$columns)) {
  x <- d[[cm$columns[i]]]; y <- d[[cm$columns[j]]]
  t <- suppressWarnings(cor.test(x, y, method = "spearman"))
  pr[[length(pr) + 1]] <- list(i = i - 1, j = j - 1, n = sum(!is.na(x) & !is.na(y)), r = num(t$estimate), p = t$p.value)
}
q <- p.adjust(sapply(pr, `[[`, "p"), "BH")
for (k in seq_along(pr)) pr[[k]]$q <- q[k]
save("cormatrix", c(cm, list(pairs = pr)))

# --- logistic regression (glm binomial), Wald CI, predicted probability band
lg <- list(
  list(file = "survival/lung.csv", y = "status", event = "2", x = c("age", "sex", "ph.karno")),
  list(file = "survival/ovarian.csv", y = "fustat", event = "1", x = c("age")),
  list(file = "icb_cohorts/ICB_small_Liu_clinical.tsv", y = "response", event = "R", x = c("TMB_perMb", "purity")),
  list(file = "survival/pbc.csv", y = "status", event = "2", x = c("bili", "albumin", "age"))
)
lg <- lapply(lg, function(c) {
  d <- rd(c$file); yy <- as.character(d[[c$y]])
  df <- data.frame(y = ifelse(is.na(yy), NA, as.numeric(yy == c$event)), d[, c$x, drop = FALSE], check.names = FALSE)
  df <- df[complete.cases(df), , drop = FALSE]
  names(df) <- c("y", paste0("v", seq_along(c$x)))
  f <- glm(as.formula(paste("y ~", paste(names(df)[-1], collapse = " + "))), family = binomial, data = df)
  s <- summary(f)$coefficients; ci <- confint.default(f)
  grid <- seq(min(df$v1), max(df$v1), length.out = 25)
  nd <- data.frame(v1 = grid)
  if (length(c$x) > 1) for (k in 2:length(c$x)) nd[[paste0("v", k)]] <- mean(df[[paste0("v", k)]])
  pp <- predict(f, newdata = nd, type = "link", se.fit = TRUE)
  z <- qnorm(0.975)
  c(c, list(n = nrow(df), events = sum(df$y), coef = unname(s[, 1]), se = unname(s[, 2]), z = unname(s[, 3]), p = unname(s[, 4]),
            lower = unname(ci[, 1]), upper = unname(ci[, 2]), deviance = f$deviance, nullDeviance = f$null.deviance,
            iterations = f$iter, converged = f$converged,
            grid = grid, at = if (length(c$x) > 1) sapply(2:length(c$x), function(k) mean(df[[paste0("v", k)]])) else list(),
            eta = unname(pp$fit), seFit = unname(pp$se.fit), prob = plogis(unname(pp$fit)),
            probLower = plogis(unname(pp$fit) - z * unname(pp$se.fit)), probUpper = plogis(unname(pp$fit) + z * unname(pp$se.fit))))
})
save("logistic", lg)
# --- the biomarker screen on the Liu cohort (sigscore screen semantics, computed with R):
# binary endpoint response == "R": numeric covariate → wilcox.test p and AUC = W/(mn);
# two-level covariate → fisher.test OR (second level vs first), CI, p.
# survival endpoint PFS: coxph HR per unit (Wald CI and p); log-rank p of x > median vs ≤ median.
# q = p.adjust(BH) within the endpoint.
suppressPackageStartupMessages(library(survival))
meta$survival <- as.character(packageVersion("survival"))
sc <- list(file = "icb_cohorts/ICB_small_Liu_clinical.tsv",
           covariates = c("TMB_perMb", "purity", "ploidy", "heterogeneity", "numPriorTherapies", "sex"),
           endpoints = c("resp=binary:response==R", "pfs=survival:survival_time_pfs,event_occurred_pfs"))
d <- rd(sc$file)
rows <- list()
for (ep in c("resp", "pfs")) {
  part <- list()
  for (cv in sc$covariates) {
    x <- d[[cv]]
    if (ep == "resp") {
      y <- ifelse(is.na(d$response), NA, as.numeric(d$response == "R"))
      ok <- !is.na(x) & !is.na(y)
      if (is.numeric(x)) {
        t <- suppressWarnings(wilcox.test(x[ok & y == 1], x[ok & y == 0]))
        r <- list(test = "wilcoxon", effect = num(t$statistic) / (sum(ok & y == 1) * sum(ok & y == 0)), lower = NA, upper = NA, p = t$p.value)
      } else {
        lv <- sort(unique(x[ok])); xm <- x[ok] == lv[2]; yy <- y[ok]
        tb <- matrix(c(sum(xm & yy == 1), sum(xm & yy == 0), sum(!xm & yy == 1), sum(!xm & yy == 0)), 2, byrow = TRUE)
        f <- fisher.test(tb)
        r <- list(test = "fisher", effect = num(f$estimate), lower = f$conf.int[1], upper = f$conf.int[2], p = f$p.value)
      }
      r$median_cutoff <- NA; r$logrank_p_median <- NA
    } else {
      tt <- d$survival_time_pfs; ee <- d$event_occurred_pfs
      ok <- !is.na(x) & !is.na(tt) & !is.na(ee)
      if (is.numeric(x)) {
        s <- summary(coxph(Surv(tt[ok], ee[ok]) ~ x[ok]))
        m <- median(x[ok]); g <- x[ok] > m
        lp <- pchisq(survdiff(Surv(tt[ok], ee[ok]) ~ g)$chisq, 1, lower.tail = FALSE)
        r <- list(test = "cox", effect = s$conf.int[1, 1], lower = s$conf.int[1, 3], upper = s$conf.int[1, 4], p = s$coefficients[1, 5],
                  median_cutoff = m, logrank_p_median = lp)
      } else {
        lv <- sort(unique(x[ok])); ind <- as.numeric(x[ok] == lv[2])
        s <- summary(coxph(Surv(tt[ok], ee[ok]) ~ ind))
        r <- list(test = "cox", effect = s$conf.int[1, 1], lower = s$conf.int[1, 3], upper = s$conf.int[1, 4], p = s$coefficients[1, 5],
                  median_cutoff = NA, logrank_p_median = NA)
      }
    }
    part[[length(part) + 1]] <- c(list(covariate = cv, endpoint = ep, n = sum(ok)), r)
  }
  q <- p.adjust(sapply(part, `[[`, "p"), "BH")
  for (k in seq_along(part)) part[[k]]$q <- q[k]
  rows <- c(rows, part)
}
save("screen", c(sc, list(rows = rows)))
cat("wrote", out, "\n")
