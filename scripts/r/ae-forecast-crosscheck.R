# Cross-check of the A&E forecast benchmark (issue 4) against R's forecast package: the same 130 organisations with
# all 36 months of type-1 attendances, fit on the first 24, forecast 12, MASE scaled by the in-sample seasonal-naive
# MAE, coverage over all 1,560 held-out months. Figures only; not run by CI.
# Needs Debian's r-cran-forecast (apt-get install r-cran-forecast). Run from the repository root:
#   Rscript scripts/r/ae-forecast-crosscheck.R [../shared] [method ...]
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
shared <- if (length(args) > 0) args[1] else "../shared"
d <- read.csv(file.path(shared, "refdata/nhs_timeseries/ae_attendances.csv"),
              colClasses = c("character", "character", "character", "numeric", "numeric", "numeric"))
d <- d[d$type == "1", ]
levels95 <- c(80, 95)
methods <- list(
  ets_auto          = function(tr) forecast(ets(tr), h = 12, level = levels95),
  ets_additive_auto = function(tr) forecast(ets(tr, additive.only = TRUE), h = 12, level = levels95),
  ets_ANA           = function(tr) forecast(ets(tr, model = "ANA"), h = 12, level = levels95),
  ets_AAA           = function(tr) forecast(ets(tr, model = "AAA"), h = 12, level = levels95),
  ets_MNM           = function(tr) forecast(ets(tr, model = "MNM"), h = 12, level = levels95),
  ets_ANA_log       = function(tr) forecast(ets(tr, model = "ANA", lambda = 0), h = 12, level = levels95),
  ets_ANA_bootstrap = function(tr) forecast(ets(tr, model = "ANA"), h = 12, level = levels95, bootstrap = TRUE),
  auto_arima        = function(tr) forecast(auto.arima(tr), h = 12, level = levels95),
  thetaf            = function(tr) thetaf(tr, h = 12, level = levels95),
  tslm              = function(tr) forecast(tslm(tr ~ trend + season), h = 12, level = levels95),
  structts_bsm      = function(tr) forecast(StructTS(tr, type = "BSM"), h = 12, level = levels95),
  snaive            = function(tr) snaive(tr, h = 12, level = levels95),
  rwf_drift         = function(tr) rwf(tr, drift = TRUE, h = 12, level = levels95)
)
if (length(args) > 1) methods <- methods[args[-1]]
cat(sprintf("%-18s %5s %10s %12s %8s %8s %8s %8s\n", "method", "n", "mean MASE", "median MASE", "cover80",
            "cover95", "above95", "below95"))
for (name in names(methods)) {
  rows <- NULL
  for (org in sort(unique(d$org_code))) {
    s <- d[d$org_code == org, ]
    if (nrow(s) != 36) next
    s <- s[order(s$period), ]
    y <- ts(s$attendances, start = c(2016, 4), frequency = 12)
    train <- window(y, end = c(2018, 3))
    test <- as.numeric(window(y, start = c(2018, 4)))
    set.seed(1)
    fc <- tryCatch(methods[[name]](train), error = function(e) NULL)
    if (is.null(fc)) next
    scale <- mean(abs(diff(as.numeric(train), lag = 12)))
    rows <- rbind(rows, data.frame(
      mase = mean(abs(test - as.numeric(fc$mean))) / scale,
      c80 = mean(test >= fc$lower[, 1] & test <= fc$upper[, 1]),
      c95 = mean(test >= fc$lower[, 2] & test <= fc$upper[, 2]),
      above = mean(test > fc$upper[, 2]), below = mean(test < fc$lower[, 2])))
  }
  if (is.null(rows)) { cat(sprintf("%-18s failed on every series\n", name)); next }
  cat(sprintf("%-18s %5d %10.3f %12.3f %8.3f %8.3f %8.3f %8.3f\n", name, nrow(rows), mean(rows$mase),
              median(rows$mase), mean(rows$c80), mean(rows$c95), mean(rows$above), mean(rows$below)))
}
