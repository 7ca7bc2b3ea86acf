# Conformance fixtures for the survival domain (sigscore test/survival/conformance.test.ts).
# Oracles: R survival (coxph, survfit, survdiff, cox.zph, concordance) and maxstat (maxstat.test).
# Inputs: the CSV exports of survival's data sets in ../shared/data/survival/ (see SOURCE.txt);
# the inputs are NOT copied, only the R outputs are written, as JSON with 17 significant digits.
# Run from the repository root:  Rscript scripts/survival-fixtures.R [data-dir]
suppressPackageStartupMessages({ library(survival); library(maxstat); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else "../shared/data/survival"
out <- "test/conformance/survival"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
rd <- function(f) read.csv(file.path(dir, f), stringsAsFactors = FALSE)

lung <- rd("lung.csv")
veteran <- rd("veteran.csv")
ovarian <- rd("ovarian.csv")
colon <- rd("colon.csv"); colon <- colon[colon$etype == 2, ]   # one event type: death
gbsg <- rd("gbsg.csv")
rotterdam <- rd("rotterdam.csv")

km <- function(d, time, status, group = NULL, conf.type = "log", times = NULL, rmean = NULL) {
  f <- if (is.null(group)) as.formula(sprintf("Surv(%s, %s) ~ 1", time, status))
       else as.formula(sprintf("Surv(%s, %s) ~ %s", time, status, group))
  fit <- survfit(f, data = d, conf.type = conf.type)
  st <- if (is.null(fit$strata)) rep("all", length(fit$time)) else rep(sub("^[^=]*=", "", names(fit$strata)), fit$strata)
  tab <- summary(fit, rmean = if (is.null(rmean)) "none" else rmean)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
  res <- list(time = time, status = status, group = if (is.null(group)) NA else group, conf_type = conf.type,
    curve = list(group = st, time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, n_censor = fit$n.censor,
      surv = fit$surv, std_err_cumhaz = fit$std.err, lower = fit$lower, upper = fit$upper),
    summary = list(group = if (is.null(fit$strata)) "all" else sub("^[^=]*=", "", rownames(tab)),
      n = unname(tab[, "records"]), events = unname(tab[, "events"]), median = unname(tab[, "median"]),
      median_lower = unname(tab[, "0.95LCL"]), median_upper = unname(tab[, "0.95UCL"]),
      rmean = if (is.null(rmean)) NA else unname(tab[, "rmean"]), rmean_se = if (is.null(rmean)) NA else unname(tab[, "se(rmean)"])),
    quantiles = list(probs = c(0.25, 0.5, 0.75), quantile = unname(as.matrix(q$quantile)),
      lower = unname(as.matrix(q$lower)), upper = unname(as.matrix(q$upper))),
    rmean_tau = if (is.null(rmean)) NA else rmean)
  if (!is.null(times)) {
    s <- summary(fit, times = times, extend = TRUE)
    res$at <- list(times = times, group = if (is.null(s$strata)) rep("all", length(s$time)) else sub("^[^=]*=", "", as.character(s$strata)),
      time = s$time, surv = s$surv, std_err = s$std.err, lower = s$lower, upper = s$upper)
  }
  res
}

lr <- function(d, time, status, group, rho = 0, strata = NULL) {
  rhs <- if (is.null(strata)) group else sprintf("%s + strata(%s)", group, strata)
  f <- as.formula(sprintf("Surv(%s, %s) ~ %s", time, status, rhs))
  s <- survdiff(f, data = d, rho = rho)
  list(time = time, status = status, group = group, rho = rho, strata = if (is.null(strata)) NA else strata,
    groups = sub("^[^=]*=", "", names(s$n)), n = as.vector(s$n),
    observed = if (is.matrix(s$obs)) rowSums(s$obs) else s$obs,
    expected = if (is.matrix(s$exp)) rowSums(s$exp) else s$exp,
    variance = as.vector(s$var), chisq = s$chisq, df = length(s$n) - 1,
    p = pchisq(s$chisq, length(s$n) - 1, lower.tail = FALSE))
}

cx <- function(d, time, status, rhs, ties = "efron", factors = character(0), zph = TRUE) {
  for (v in factors) d[[v]] <- factor(d[[v]])
  f <- as.formula(sprintf("Surv(%s, %s) ~ %s", time, status, rhs))
  fit <- coxph(f, data = d, ties = ties)
  s <- summary(fit)
  cc <- concordance(fit)
  res <- list(time = time, status = status, rhs = rhs, ties = ties, factors = factors,
    terms = names(coef(fit)), coef = unname(coef(fit)), se = unname(sqrt(diag(vcov(fit)))),
    z = unname(s$coefficients[, "z"]), p = unname(s$coefficients[, "Pr(>|z|)"]),
    hr_lower = unname(s$conf.int[, "lower .95"]), hr_upper = unname(s$conf.int[, "upper .95"]),
    loglik = fit$loglik,
    wald = c(fit$wald.test, length(coef(fit)), pchisq(fit$wald.test, length(coef(fit)), lower.tail = FALSE)),
    lr = c(2 * diff(fit$loglik), length(coef(fit)), pchisq(2 * diff(fit$loglik), length(coef(fit)), lower.tail = FALSE)),
    score = c(fit$score, length(coef(fit)), pchisq(fit$score, length(coef(fit)), lower.tail = FALSE)),
    levels = lapply(setNames(factors, factors), function(v) levels(d[[v]])),
    concordance = unname(cc$concordance), concordance_count = as.list(cc$count),
    n = fit$n, events = fit$nevent, iterations = fit$iter, means = unname(fit$means))
  if (zph) {
    z <- cox.zph(fit, transform = "km", terms = FALSE)
    res$zph <- list(rows = rownames(z$table), chisq = unname(z$table[, "chisq"]), df = unname(z$table[, "df"]),
      p = unname(z$table[, "p"]))
  }
  res
}

ms <- function(d, time, status, x, minprop = 0.1, maxprop = 0.9) {
  f <- as.formula(sprintf("Surv(%s, %s) ~ %s", time, status, x))
  d <- d[!is.na(d[[x]]) & !is.na(d[[time]]) & !is.na(d[[status]]), ]
  m94 <- maxstat.test(f, data = d, smethod = "LogRank", pmethod = "Lau94", minprop = minprop, maxprop = maxprop)
  m92 <- maxstat.test(f, data = d, smethod = "LogRank", pmethod = "Lau92", minprop = minprop, maxprop = maxprop)
  list(time = time, status = status, x = x, minprop = minprop, maxprop = maxprop,
    statistic = unname(m94$statistic), cutpoint = unname(m94$estimate),
    p_lau94 = unname(m94$p.value), p_lau92 = unname(m92$p.value), cuts = m94$cuts, stats = m94$stats)
}

set.seed(1)
condmc <- maxstat.test(Surv(time, status) ~ age, data = veteran, smethod = "LogRank", pmethod = "condMC", B = 10000)

fx <- list(
  condmc = list(data = "veteran", time = "time", status = "status", x = "age", B = 10000, seed = 1,
    statistic = unname(condmc$statistic), p = unname(condmc$p.value)),
  meta = list(R = R.version.string, survival = as.character(packageVersion("survival")),
    maxstat = as.character(packageVersion("maxstat")), data_dir = dir,
    notes = "lung status 1=censored 2=dead; colon restricted to etype==2 (death); rotterdam rtime/recur"),
  km = list(
    km(lung, "time", "status", times = c(100, 365, 730, 1100), rmean = 730),
    km(lung, "time", "status", "sex", times = c(100, 365, 730), rmean = 730),
    km(lung, "time", "status", "sex", conf.type = "log-log"),
    km(lung, "time", "status", "sex", conf.type = "plain"),
    km(lung, "time", "status", "ph.ecog"),
    km(veteran, "time", "status", "celltype", rmean = 365),
    km(veteran, "time", "status", "trt"),
    km(ovarian, "futime", "fustat", "rx"),
    km(colon, "time", "status", "rx"),
    km(gbsg, "rfstime", "status", "hormon"),
    km(rotterdam, "rtime", "recur", "size")),
  logrank = list(
    lr(lung, "time", "status", "sex"), lr(lung, "time", "status", "sex", rho = 1),
    lr(lung, "time", "status", "ph.ecog"), lr(lung, "time", "status", "sex", strata = "ph.ecog"),
    lr(veteran, "time", "status", "celltype"), lr(veteran, "time", "status", "trt"),
    lr(veteran, "time", "status", "trt", strata = "celltype"),
    lr(ovarian, "futime", "fustat", "rx"), lr(colon, "time", "status", "rx"),
    lr(gbsg, "rfstime", "status", "hormon"), lr(rotterdam, "rtime", "recur", "size")),
  cox = list(
    cx(lung, "time", "status", "sex"),
    cx(lung, "time", "status", "sex + age + ph.ecog"),
    cx(lung, "time", "status", "sex + age + ph.ecog", ties = "breslow"),
    cx(lung, "time", "status", "sex + ph.ecog", factors = "ph.ecog", zph = FALSE),
    cx(veteran, "time", "status", "trt + celltype + karno + age", factors = "celltype"),
    cx(veteran, "time", "status", "trt + karno + strata(celltype)", zph = FALSE),
    cx(ovarian, "futime", "fustat", "rx + age + resid.ds + ecog.ps"),
    cx(colon, "time", "status", "rx + age + nodes + sex", factors = "rx"),
    cx(gbsg, "rfstime", "status", "hormon + size + nodes + pgr + er + age"),
    cx(rotterdam, "rtime", "recur", "hormon + chemo + age + nodes + pgr + er + size", factors = "size")),
  maxstat = list(
    ms(lung, "time", "status", "age"), ms(lung, "time", "status", "meal.cal"),
    ms(veteran, "time", "status", "karno"), ms(ovarian, "futime", "fustat", "age"),
    ms(gbsg, "rfstime", "status", "pgr"), ms(gbsg, "rfstime", "status", "age", minprop = 0.2, maxprop = 0.8),
    ms(rotterdam, "rtime", "recur", "nodes"))
)
write_json(fx, file.path(out, "survival.json"), digits = NA, auto_unbox = TRUE, na = "null", pretty = FALSE)
cat("wrote", file.path(out, "survival.json"), "\n")
