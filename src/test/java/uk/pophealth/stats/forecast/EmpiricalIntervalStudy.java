package uk.pophealth.stats.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark study (figures only, nothing asserted; not product code): prediction intervals of the AUTO-chosen ETS
 * model widened by its empirical multi-step in-sample errors, on the A&E holdout (fit on the first 24 months,
 * forecast 12). Only the intervals change; the point forecasts are the product's.
 *
 * <p>The rules were declared before any of them was run on the held-out year, and none is tuned to it:
 * <ul>
 *   <li>In-sample h-step errors: the chosen model with its fitted parameters and initial states (no refit) is
 *   filtered to each origin t = t0..n-1 of the training series and forecasts h = 1..12 ahead;
 *   e(t, h) = y(t + h) - yhat(t + h | t) over observed target months. t0 is the end of the initialisation: as many
 *   months as the model has free initial states (1 for ETS(A,N,N), 12 for ETS(A,N,A), 13 with a trend), so that
 *   the first origin has seen as many months as the initial states it estimated. Sensitivity: t0 = 0.</li>
 *   <li>The model's own h-step variance v(h): class 1 for linear models; for multiplicative seasonality the normal
 *   equivalent of the simulated 95% limits, ((u95 - l95) / (2 z95))^2.</li>
 *   <li>E1, per series (Williams &amp; Goodman 1971; Hyndman &amp; Athanasopoulos, FPP3 section 5.5 on multi-step
 *   errors): ve(h) = mean of e(t, h)^2 over its pairs (bias included); h is well estimated if it and every
 *   shorter h have at least {@value #MIN_PAIRS} pairs; beyond the last well-estimated h = H, ve(h) = ve(H) v(h) /
 *   v(H) (the model's growth carried on); with no well-estimated h the model's limits stand. Limits: point +
 *   (limit - point) sqrt(max(1, ve(h) / v(h))), i.e. point -/+ z sqrt(max(v, ve)) for linear models.</li>
 *   <li>E2, global across the series of one run (split-conformal style, training data only): per h the pooled
 *   |e(t, h)| / sqrt(v(h)) of every series; q80(h), q95(h) their 0.80 and 0.95 quantiles (type 7); limits
 *   point + (limit - point) max(1, q / z) at each level.</li>
 * </ul>
 */
public final class EmpiricalIntervalStudy {
  static final int MIN_PAIRS = 6;
  private static final int TRAINING = 24;
  private static final int HORIZON = 12;
  private static final double[] Z = {PredictionIntervals.Z80, PredictionIntervals.Z95};

  private EmpiricalIntervalStudy() {}

  /** One series: the chosen fit's forecast, the held-out year, the model's v(h) and in-sample errors per h. */
  private record Case(String model, double[] actual, double[] point, double[][] lower, double[][] upper,
      double[] variance, List<List<Double>> errors, List<List<Double>> errorsFromZero, double maseScale) {}

  /** Prints the study's table for the given complete 36-month series. */
  public static void print(Map<String, double[]> series) {
    ForecastOptions options = ForecastOptions.defaults();
    List<Case> cases = new ArrayList<>();
    int pointMismatches = 0;
    for (double[] y : series.values()) {
      Case c = study(y, options);
      double[] product = AutoForecaster.forecast(Arrays.copyOf(y, TRAINING), HORIZON, options).point();
      pointMismatches += Arrays.equals(product, c.point) ? 0 : 1;
      cases.add(c);
    }
    System.out.printf("Empirical in-sample multi-step intervals (AUTO-chosen ETS; points identical to the product's "
        + "in %d of %d series)%n", cases.size() - pointMismatches, cases.size());
    System.out.printf("%-44s %10s %12s %12s%n", "interval rule", "mean MASE", "coverage80", "coverage95");
    row("class 1 / simulated (product now)", cases, c -> new double[][] {{1, 1}, {1, 1}}, false);
    row("E1 per series, t0 = free initial states", cases, c -> perSeries(c, c.errors), true);
    row("E1 per series, t0 = 0", cases, c -> perSeries(c, c.errorsFromZero), true);
    double[][] global = globalMultipliers(cases, false, false);
    double[][] globalFromZero = globalMultipliers(cases, true, false);
    row("E2 global, t0 = free initial states", cases, c -> global, true);
    row("E2 global, t0 = 0", cases, c -> globalFromZero, true);
    System.out.printf("Diagnostics (unclamped, before max(1, .)):%n");
    System.out.printf("  E2 q95(h)/z95, t0 = free states: %s%n",
        Arrays.toString(round(globalMultipliers(cases, false, true)[1])));
    System.out.printf("  E2 q95(h)/z95, t0 = 0:           %s%n",
        Arrays.toString(round(globalMultipliers(cases, true, true)[1])));
    System.out.printf("  E1 median over series of sqrt(ve(h) / v(h)), t0 = free states: %s%n",
        Arrays.toString(round(medianRatio(cases, false))));
    System.out.printf("  E1 median over series of sqrt(ve(h) / v(h)), t0 = 0:           %s%n",
        Arrays.toString(round(medianRatio(cases, true))));
    System.out.printf("  held-out: median over series of |y - point| / sqrt(v(h)) / z95 by h: %s%n",
        Arrays.toString(round(heldOutRatio(cases))));
  }

  private interface Widening {
    /** factor[level][h] applied to (limit - point); level 0 = 80%, 1 = 95%. */
    double[][] factors(Case c);
  }

  private static void row(String name, List<Case> cases, Widening widening, boolean perH) {
    int[] inside = new int[2];
    int points = 0;
    double mase = 0;
    double widthFactors = 0;
    for (Case c : cases) {
      double[][] f = widening.factors(c);
      double sum = 0;
      for (int h = 0; h < HORIZON; h++) {
        sum += Math.abs(c.actual[h] - c.point[h]) / c.maseScale / HORIZON;
        points++;
        for (int level = 0; level < 2; level++) {
          double k = perH ? f[level][h] : 1;
          double lo = c.point[h] + (c.lower[level][h] - c.point[h]) * k;
          double hi = c.point[h] + (c.upper[level][h] - c.point[h]) * k;
          inside[level] += c.actual[h] >= lo && c.actual[h] <= hi ? 1 : 0;
          if (level == 1) {
            widthFactors += k;
          }
        }
      }
      mase += sum / cases.size();
    }
    System.out.printf("%-44s %10.3f %12.3f %12.3f   (mean 95%% width factor %.2f)%n", name, mase,
        (double) inside[0] / points, (double) inside[1] / points, widthFactors / points);
  }

  private static Case study(double[] y, ForecastOptions options) {
    double[] training = Arrays.copyOf(y, TRAINING);
    PreparedSeries prepared = PreparedSeries.of(training, options);
    List<String> notes = new ArrayList<>();
    EtsFit fit = EtsSelection.chooseByAicc(EtsSelection.candidates(prepared, options.period(), notes), prepared);
    ForecastResult result = EtsPrediction.forecast(ForecastMethod.AUTO, fit, HORIZON, options.seed(), notes);
    double[] point = result.point();
    double[] variance = new double[HORIZON];
    for (int h = 0; h < HORIZON; h++) {
      double sd = (result.upper95()[h] - result.lower95()[h]) / (2 * PredictionIntervals.Z95);
      variance[h] = sd * sd;
    }
    double scale = Accuracy.seasonalNaiveScale(training, prepared.observed(), options.period());
    return new Case(fit.spec().name(), Arrays.copyOfRange(y, TRAINING, TRAINING + HORIZON), point,
        new double[][] {result.lower80(), result.lower95()}, new double[][] {result.upper80(), result.upper95()},
        variance, inSampleErrors(fit, prepared, fit.spec().stateCount()), inSampleErrors(fit, prepared, 0), scale);
  }

  /** errors.get(h - 1) = e(t, h) in original units over origins t = t0..n-1 with an observed target. */
  static List<List<Double>> inSampleErrors(EtsFit fit, PreparedSeries series, int t0) {
    EtsSpec spec = fit.spec();
    double scale = fit.scale();
    int n = series.length();
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = series.observed(t) ? series.raw()[t] / scale : 0;
    }
    List<List<Double>> errors = new ArrayList<>();
    for (int h = 0; h < HORIZON; h++) {
      errors.add(new ArrayList<>());
    }
    for (int t = t0; t < n; t++) {
      EtsFilter filter = new EtsFilter(spec, fit.parameters());
      EtsStates start = new EtsStates(fit.level0(), fit.trend0(), fit.season0());
      double sse = filter.run(Arrays.copyOf(y, t), Arrays.copyOf(series.observed(), t), start, null, null);
      if (!Double.isFinite(sse)) {
        continue;
      }
      EtsFit atOrigin = new EtsFit(spec, fit.parameters(), fit.level0(), fit.trend0(), fit.season0(), sse,
          Arrays.copyOf(series.observed(), t), Arrays.copyOf(y, t), new double[t], filter.level(), filter.trend(),
          filter.season(), scale);
      double[] forecast = EtsPrediction.pointForecast(atOrigin, HORIZON);
      for (int h = 1; h <= HORIZON && t + h <= n; h++) {
        if (series.observed(t + h - 1)) {
          errors.get(h - 1).add((y[t + h - 1] - forecast[h - 1]) * scale);
        }
      }
    }
    return errors;
  }

  private static double[][] perSeries(Case c, List<List<Double>> errors) {
    double[] ve = new double[HORIZON];
    int wellEstimated = 0;
    for (int h = 0; h < HORIZON; h++) {
      List<Double> e = errors.get(h);
      if (e.size() < MIN_PAIRS || wellEstimated < h) {
        continue;
      }
      double sum = 0;
      for (double x : e) {
        sum += x * x;
      }
      ve[h] = sum / e.size();
      wellEstimated = h + 1;
    }
    double[] k = new double[HORIZON];
    Arrays.fill(k, 1);
    if (wellEstimated > 0) {
      int last = wellEstimated - 1;
      for (int h = 0; h < HORIZON; h++) {
        double empirical = h <= last ? ve[h] : ve[last] * c.variance[h] / c.variance[last];
        k[h] = c.variance[h] > 0 ? Math.sqrt(Math.max(1, empirical / c.variance[h])) : 1;
      }
    }
    return new double[][] {k, k};
  }

  private static double[][] globalMultipliers(List<Case> cases, boolean fromZero, boolean raw) {
    double[][] factors = new double[2][HORIZON];
    for (int h = 0; h < HORIZON; h++) {
      List<Double> pooled = new ArrayList<>();
      for (Case c : cases) {
        if (c.variance[h] > 0) {
          for (double e : (fromZero ? c.errorsFromZero : c.errors).get(h)) {
            pooled.add(Math.abs(e) / Math.sqrt(c.variance[h]));
          }
        }
      }
      double[] sorted = pooled.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      for (int level = 0; level < 2; level++) {
        double q = sorted.length < MIN_PAIRS ? Z[level]
            : PredictionIntervals.quantile(sorted, level == 0 ? 0.80 : 0.95);
        factors[level][h] = raw ? q / Z[level] : Math.max(1, q / Z[level]);
      }
    }
    return factors;
  }

  private static double[] medianRatio(List<Case> cases, boolean fromZero) {
    double[] out = new double[HORIZON];
    for (int h = 0; h < HORIZON; h++) {
      List<Double> ratios = new ArrayList<>();
      for (Case c : cases) {
        List<Double> e = (fromZero ? c.errorsFromZero : c.errors).get(h);
        if (!e.isEmpty() && c.variance[h] > 0) {
          ratios.add(Math.sqrt(e.stream().mapToDouble(x -> x * x).sum() / e.size() / c.variance[h]));
        }
      }
      out[h] = median(ratios);
    }
    return out;
  }

  private static double[] heldOutRatio(List<Case> cases) {
    double[] out = new double[HORIZON];
    for (int h = 0; h < HORIZON; h++) {
      List<Double> ratios = new ArrayList<>();
      for (Case c : cases) {
        if (c.variance[h] > 0) {
          ratios.add(Math.abs(c.actual[h] - c.point[h]) / Math.sqrt(c.variance[h]) / PredictionIntervals.Z95);
        }
      }
      out[h] = median(ratios);
    }
    return out;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length == 0 ? Double.NaN : PredictionIntervals.quantile(sorted, 0.5);
  }

  private static double[] round(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.round(x[i] * 100) / 100.0;
    }
    return out;
  }
}
