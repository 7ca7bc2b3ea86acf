# Conformance fixtures for survival by one dichotomised covariate (sigscore `splitSurvival`,
# `sigscore km --split COL --cut median|optimal|<number>`; test/survival/split.test.ts and
# test/cli/km-split.test.ts).
# Oracles: R survival (survfit, survdiff, coxph with Efron ties) on the variable x > cut, and
# maxstat (maxstat.test, smethod = "LogRank") for the optimal cut.
# Convention: low = x <= cut, high = x > cut. The median is median(x) over the subjects with complete
# time, status and x. Inputs: the CSV exports in ../shared/data/survival/ (see SOURCE.txt: lung
# status 1=censored 2=dead, veteran status 0/1); only the R outputs are written, as JSON with 17
# significant digits, to test/conformance/survival/km_split_fixtures.json.
# Run from the repository root:  Rscript scripts/km-split-fixtures.R [data-dir]
suppressPackageStartupMessages({ library(survival); library(maxstat); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else "../shared/data/survival"
out <- "test/conformance/survival"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
rd <- function(f) read.csv(file.path(dir, f), stringsAsFactors = FALSE)

lung <- rd("lung.csv")
veteran <- rd("veteran.csv")

split_case <- function(name, d, time, status, x, cut, minprop = 0.1, maxprop = 0.9) {
  d <- d[!is.na(d[[x]]) & !is.na(d[[time]]) & !is.na(d[[status]]), ]
  res <- list(data = name, time = time, status = status, x = x, method = if (is.numeric(cut)) "fixed" else cut,
    minprop = minprop, maxprop = maxprop, n = nrow(d))
  if (identical(cut, "median")) {
    cut <- median(d[[x]])
  } else if (identical(cut, "optimal")) {
    f <- as.formula(sprintf("Surv(%s, %s) ~ %s", time, status, x))
    m94 <- maxstat.test(f, data = d, smethod = "LogRank", pmethod = "Lau94", minprop = minprop, maxprop = maxprop)
    m92 <- maxstat.test(f, data = d, smethod = "LogRank", pmethod = "Lau92", minprop = minprop, maxprop = maxprop)
    cut <- unname(m94$estimate)
    res$statistic <- unname(m94$statistic)
    res$p_lau94 <- unname(m94$p.value)
    res$p_lau92 <- unname(m92$p.value)
  }
  res$cut <- cut
  d$high <- as.numeric(d[[x]] > cut)
  d$grp <- factor(ifelse(d$high == 1, "high", "low"), levels = c("low", "high"))
  res$n_low <- sum(d$high == 0)
  res$n_high <- sum(d$high == 1)
  s <- survdiff(as.formula(sprintf("Surv(%s, %s) ~ grp", time, status)), data = d)
  res$logrank <- list(observed = as.vector(s$obs), expected = as.vector(s$exp), chisq = s$chisq,
    p = pchisq(s$chisq, 1, lower.tail = FALSE))
  fit <- coxph(as.formula(sprintf("Surv(%s, %s) ~ high", time, status)), data = d, ties = "efron")
  sm <- summary(fit)
  res$cox <- list(coef = unname(coef(fit)), se = unname(sqrt(diag(vcov(fit)))), hr = unname(exp(coef(fit))),
    hr_lower = unname(sm$conf.int[, "lower .95"]), hr_upper = unname(sm$conf.int[, "upper .95"]),
    z = unname(sm$coefficients[, "z"]), p = unname(sm$coefficients[, "Pr(>|z|)"]),
    wald_p = unname(sm$waldtest["pvalue"]), lr_p = unname(sm$logtest["pvalue"]), score_p = unname(sm$sctest["pvalue"]),
    loglik = fit$loglik)
  km <- survfit(as.formula(sprintf("Surv(%s, %s) ~ grp", time, status)), data = d)
  tab <- summary(km)$table
  res$km <- list(group = c("low", "high"), n = unname(tab[, "records"]), events = unname(tab[, "events"]),
    median = unname(tab[, "median"]), median_lower = unname(tab[, "0.95LCL"]), median_upper = unname(tab[, "0.95UCL"]),
    curve_group = rep(sub("^[^=]*=", "", names(km$strata)), km$strata), time = km$time, surv = km$surv,
    lower = km$lower, upper = km$upper)
  res
}

fx <- list(
  meta = list(R = R.version.string, survival = as.character(packageVersion("survival")),
    maxstat = as.character(packageVersion("maxstat")), data_dir = dir,
    notes = "lung status 1=censored 2=dead (event = status - 1 on the sigscore side); veteran status 0/1; low = x <= cut"),
  cases = list(
    split_case("veteran", veteran, "time", "status", "karno", "median"),
    split_case("veteran", veteran, "time", "status", "karno", "optimal"),
    split_case("veteran", veteran, "time", "status", "karno", 50),
    split_case("lung", lung, "time", "status", "age", "median"),
    split_case("lung", lung, "time", "status", "age", "optimal"),
    split_case("lung", lung, "time", "status", "ph.karno", "median"),
    split_case("lung", lung, "time", "status", "meal.cal", "optimal", minprop = 0.2, maxprop = 0.8))
)
write_json(fx, file.path(out, "km_split_fixtures.json"), digits = NA, auto_unbox = TRUE, na = "null", pretty = FALSE)
cat("wrote", file.path(out, "km_split_fixtures.json"), "\n")
