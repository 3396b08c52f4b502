package uk.pophealth.stats.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark forecasts, with the interval formulas of R {@code forecast}: seasonal naive and naive
 * (sigma^2 = mean squared lag-m or lag-1 difference; se_h = sigma sqrt(ceil(h / m))), random walk with drift
 * (slope through the first and last observed values; se_h = sigma sqrt(h (1 + h / k)) with k differences) and
 * mean (se = s sqrt(1 + 1/n), Student t quantiles with n - 1 degrees of freedom). They read the gap-filled
 * series; residuals use only pairs of observed months.
 */
final class Benchmarks {
  static final String SEASONAL_NAIVE_MODEL = "SeasonalNaive";
  static final String NAIVE_MODEL = "Naive";
  static final String MEAN_MODEL = "Mean";

  private Benchmarks() {}

  static ForecastResult seasonalNaive(ForecastMethod method, PreparedSeries series, int period, int horizon,
      List<String> notes) {
    int n = series.length();
    if (period == 1 || n < period) {
      List<String> more = new ArrayList<>(notes);
      if (period > 1) {
        more.add("series shorter than one season (" + n + " < " + period + "): naive forecast instead of seasonal naive");
      }
      return naive(method, series, horizon, more);
    }
    return lagWalk(method, SEASONAL_NAIVE_MODEL, series, period, horizon, notes);
  }

  static ForecastResult naive(ForecastMethod method, PreparedSeries series, int horizon, List<String> notes) {
    return lagWalk(method, NAIVE_MODEL, series, 1, horizon, notes);
  }

  private static ForecastResult lagWalk(ForecastMethod method, String name, PreparedSeries series, int lag,
      int horizon, List<String> notes) {
    double[] x = series.filled();
    double[] raw = series.raw();
    int n = x.length;
    double[] fitted = new double[n];
    Arrays.fill(fitted, Double.NaN);
    double sumSquares = 0;
    int count = 0;
    for (int t = lag; t < n; t++) {
      fitted[t] = x[t - lag];
      if (series.observed(t) && series.observed(t - lag)) {
        double r = raw[t] - raw[t - lag];
        sumSquares += r * r;
        count++;
      }
    }
    double sigma = count == 0 ? Double.NaN : Math.sqrt(sumSquares / count);
    double[] point = new double[horizon];
    double[] se = new double[horizon];
    for (int h = 1; h <= horizon; h++) {
      point[h - 1] = x[n - lag + (h - 1) % lag];
      se[h - 1] = sigma * Math.sqrt((h - 1) / lag + 1);
    }
    List<String> allNotes = withSpreadNote(notes, count == 0);
    return PredictionIntervals.normal(point, se)
        .toResult(FittedModel.withoutAicc(method, name, Map.of("sigma", sigma)), fitted, point, allNotes);
  }

  static ForecastResult drift(ForecastMethod method, PreparedSeries series, int horizon, List<String> notes) {
    double[] raw = series.raw();
    int n = raw.length;
    int first = -1;
    int last = -1;
    for (int t = 0; t < n; t++) {
      if (series.observed(t)) {
        first = first < 0 ? t : first;
        last = t;
      }
    }
    if (first == last) {
      List<String> more = new ArrayList<>(notes);
      more.add("one observed month: naive forecast instead of drift");
      return naive(method, series, horizon, more);
    }
    double slope = (raw[last] - raw[first]) / (last - first);
    double[] x = series.filled();
    double[] fitted = new double[n];
    fitted[0] = Double.NaN;
    double sumSquares = 0;
    int count = 0;
    for (int t = 1; t < n; t++) {
      fitted[t] = x[t - 1] + slope;
      if (series.observed(t) && series.observed(t - 1)) {
        double r = raw[t] - raw[t - 1] - slope;
        sumSquares += r * r;
        count++;
      }
    }
    double sigma = count < 2 ? Double.NaN : Math.sqrt(sumSquares / (count - 1));
    double[] point = new double[horizon];
    double[] se = new double[horizon];
    for (int h = 1; h <= horizon; h++) {
      point[h - 1] = raw[last] + (n - 1 + h - last) * slope;
      se[h - 1] = sigma * Math.sqrt(h * (1.0 + (double) h / Math.max(count, 1)));
    }
    Map<String, Double> parameters = new LinkedHashMap<>();
    parameters.put("drift", slope);
    parameters.put("sigma", sigma);
    return PredictionIntervals.normal(point, se)
        .toResult(FittedModel.withoutAicc(method, "Drift", parameters), fitted, point,
            withSpreadNote(notes, count < 2));
  }

  static ForecastResult mean(ForecastMethod method, PreparedSeries series, int horizon, List<String> notes) {
    double[] raw = series.raw();
    int n = series.observedCount();
    double mean = 0;
    for (int t = 0; t < raw.length; t++) {
      if (series.observed(t)) {
        mean += raw[t] / n;
      }
    }
    double squares = 0;
    for (int t = 0; t < raw.length; t++) {
      if (series.observed(t)) {
        squares += (raw[t] - mean) * (raw[t] - mean);
      }
    }
    double sd = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
    double[] point = new double[horizon];
    double[] se = new double[horizon];
    Arrays.fill(point, mean);
    Arrays.fill(se, sd * Math.sqrt(1 + 1.0 / n));
    PredictionIntervals intervals = n >= 2 ? PredictionIntervals.studentT(point, se, n - 1)
        : PredictionIntervals.symmetric(point, se, Double.NaN, Double.NaN);
    double[] fitted = new double[raw.length];
    Arrays.fill(fitted, mean);
    Map<String, Double> parameters = new LinkedHashMap<>();
    parameters.put("mean", mean);
    parameters.put("sigma", sd);
    return intervals.toResult(FittedModel.withoutAicc(method, MEAN_MODEL, parameters), fitted, point,
        withSpreadNote(notes, n < 2));
  }

  private static List<String> withSpreadNote(List<String> notes, boolean noSpread) {
    if (!noSpread) {
      return notes;
    }
    List<String> more = new ArrayList<>(notes);
    more.add("too few observed months to estimate the spread: prediction intervals are NaN");
    return more;
  }
}
