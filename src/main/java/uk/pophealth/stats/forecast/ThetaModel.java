package uk.pophealth.stats.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.MultivariateFunction;

/**
 * The optimised Theta model (OTM) of Fiorucci et al. (2016), static version as {@code forecTheta::otm}.
 * With A and B the intercept and slope of the least-squares line through the (seasonally adjusted) series,
 * w = 1 - 1/theta and q = 1 - alpha:
 * mu_{t+1} = ell_t + w (A q^t + B (1 - q^(t+1)) / alpha), ell_{t+1} = alpha y_{t+1} + q ell_t,
 * and the forecasts continue the recursion on mu. ell0, alpha in [0.1, 0.99] and theta in [1, 10000] minimise the
 * one-step squared error (BOBYQA, theta optimised as w). Seasonality: the 90% test on the lag-m
 * autocorrelation of {@code forecast::thetaf} / {@code forecTheta}, when at least two full seasons exist;
 * classical multiplicative decomposition (additive when any value is not positive). Intervals:
 * se_h = sigma sqrt(1 + (h - 1) alpha^2), sigma^2 = SSE / (n - 3), reseasonalised with the point.
 */
final class ThetaModel {
  static final int MINIMUM_OBSERVED = 4;
  private static final double ALPHA_LOWER = 0.1;
  private static final double ALPHA_UPPER = 0.99;
  private static final double W_UPPER = 1 - 1.0 / 10_000;
  private static final double Z90_ONE_SIDED = 1.6448536269514722;

  private ThetaModel() {}

  static ForecastResult forecast(ForecastMethod method, PreparedSeries series, int period, int horizon,
      List<String> notesIn) {
    List<String> notes = new ArrayList<>(notesIn);
    double[] x = series.filled();
    int n = x.length;
    double[] figure = null;
    boolean multiplicative = series.allPositive();
    if (period > 1 && n >= 2 * period && !series.constant() && seasonal(x, period)) {
      figure = ClassicalDecomposition.seasonalFigure(x, period, multiplicative);
      notes.add("seasonality detected: Theta fitted to the " + (multiplicative ? "multiplicatively" : "additively")
          + " deseasonalised series (classical decomposition)");
    } else if (period > 1 && n < 2 * period) {
      notes.add("fewer than two full seasons (" + n + " < " + 2 * period + "): Theta without seasonal adjustment");
    }
    double[] adjusted = x.clone();
    if (figure != null) {
      for (int t = 0; t < n; t++) {
        adjusted[t] = multiplicative ? x[t] / figure[t % period] : x[t] - figure[t % period];
      }
    }
    double cte = 0;
    for (double v : adjusted) {
      cte += Math.abs(v) / n;
    }
    cte = cte > 0 ? cte : 1;
    double[] z = new double[n];
    for (int t = 0; t < n; t++) {
      z[t] = adjusted[t] / cte;
    }
    double[] line = LeastSquaresLine.fit(z, n);
    Recursion recursion = new Recursion(z, series.observed(), line[0], line[1]);
    double[] best = EtsFitter.minimise(recursion, new double[] {clamp(z[0] / 2, -10, 10), 0.5, 0.5},
        new double[] {-10, ALPHA_LOWER, 0}, new double[] {10, ALPHA_UPPER, W_UPPER}, 0.05);
    double[] fitted = new double[n];
    double[] point = new double[horizon];
    double sse = recursion.run(best, fitted, point);
    double alpha = best[1];
    int df = Math.max(1, series.observedCount() - 3);
    double sigma = Math.sqrt(sse / df);
    double[] se = new double[horizon];
    double[] factor = new double[horizon];
    double[] shift = new double[horizon];
    boolean additiveSeason = figure != null && !multiplicative;
    for (int h = 1; h <= horizon; h++) {
      se[h - 1] = sigma * Math.sqrt(1 + (h - 1) * alpha * alpha);
      double seasonal = figure == null ? 1 : figure[(n + h - 1) % period];
      factor[h - 1] = additiveSeason ? cte : cte * seasonal;
      shift[h - 1] = additiveSeason ? seasonal : 0;
    }
    PredictionIntervals intervals = PredictionIntervals.normal(point, se).transform(factor, shift);
    for (int h = 0; h < horizon; h++) {
      point[h] = point[h] * factor[h] + shift[h];
    }
    for (int t = 0; t < n; t++) {
      double seasonal = figure == null ? 1 : figure[t % period];
      fitted[t] = additiveSeason ? fitted[t] * cte + seasonal : fitted[t] * cte * seasonal;
    }
    Map<String, Double> parameters = new LinkedHashMap<>();
    parameters.put("ell0", best[0] * cte);
    parameters.put("alpha", alpha);
    parameters.put("theta", 1 / (1 - best[2]));
    parameters.put("A", line[0] * cte);
    parameters.put("B", line[1] * cte);
    parameters.put("sigma", sigma * cte);
    return intervals.toResult(FittedModel.withoutAicc(method, "Theta(OTM)", parameters), fitted, point, notes);
  }

  /** The 90% seasonality test of thetaf: |r_m| > 1.645 sqrt((1 + 2 sum_{k<m} r_k^2) / n). */
  static boolean seasonal(double[] x, int m) {
    int n = x.length;
    double mean = Arrays.stream(x).average().orElse(0);
    double denominator = 0;
    for (double v : x) {
      denominator += (v - mean) * (v - mean);
    }
    if (denominator == 0) {
      return false;
    }
    double sumSquares = 0;
    double rm = 0;
    for (int k = 1; k <= m; k++) {
      double numerator = 0;
      for (int t = 0; t + k < n; t++) {
        numerator += (x[t] - mean) * (x[t + k] - mean);
      }
      double r = numerator / denominator;
      if (k < m) {
        sumSquares += r * r;
      } else {
        rm = r;
      }
    }
    return Math.abs(rm) > Z90_ONE_SIDED * Math.sqrt((1 + 2 * sumSquares) / n);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** The OTM recursion; value() is log SSE over observed months for (ell0, alpha, w). */
  private static final class Recursion implements MultivariateFunction {
    private final double[] z;
    private final boolean[] observed;
    private final double a;
    private final double b;

    Recursion(double[] z, boolean[] observed, double a, double b) {
      this.z = z;
      this.observed = observed;
      this.a = a;
      this.b = b;
    }

    @Override
    public double value(double[] parameters) {
      return Math.log(Math.max(run(parameters, null, null), 1e-300));
    }

    double run(double[] parameters, double[] fitted, double[] point) {
      double ell = parameters[0];
      double alpha = parameters[1];
      double w = parameters[2];
      double q = 1 - alpha;
      double qPower = 1;
      double sse = 0;
      int n = z.length;
      int steps = n + (point == null ? 0 : point.length);
      for (int t = 0; t < steps; t++) {
        double mu = ell + w * (a * qPower + b * (1 - qPower * q) / alpha);
        qPower *= q;
        double value;
        if (t < n) {
          if (fitted != null) {
            fitted[t] = mu;
          }
          if (observed[t]) {
            sse += (z[t] - mu) * (z[t] - mu);
            value = z[t];
          } else {
            value = mu;
          }
        } else {
          point[t - n] = mu;
          value = mu;
        }
        ell = alpha * value + q * ell;
      }
      return sse;
    }
  }
}
