package uk.pophealth.stats.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Study for issue 4 (printed by {@code scripts/bench-forecast.sh --diffuse-intervals}; not part of the product):
 * prediction intervals of linear ETS models whose initial states are treated as diffuse, as a Kalman filter with a
 * diffuse prior does (de Jong 1991; Harvey 1989 s. 3.4; what R's StructTS does for the basic structural model),
 * instead of as fixed parameters estimated by least squares and then taken as known.
 *
 * <p>Rule, declared before the held-out year is scored. For a linear ETS model with d free initial states x0 and
 * one-step errors e = e0(theta) + E(theta) x0 over n months:
 * <ol>
 *   <li>the smoothing parameters theta maximise the diffuse (restricted) log-likelihood with sigma concentrated
 *       out, -(n - d)/2 log S(theta) - 1/2 log det(E'E), S the sum of squares at the least-squares x0;</li>
 *   <li>the point forecast is the model's forecast from those x0 (unchanged from the product's form);</li>
 *   <li>the forecast variance is s^2 (v_h + a_h' (E'E)^-1 a_h), where v_h is class 1 (1 + sum of c_j^2),
 *       a_h the forecast's sensitivity to x0 and s^2 = S / (n - d); limits are Student-t quantiles on n - d
 *       degrees of freedom (the predictive distribution given theta under flat priors on x0 and log sigma).</li>
 * </ol>
 * Scored on the A&amp;E split (fit 24, forecast 12): each linear model forced, and AUTO's own choice (pre-test,
 * then AICc) with its linear choices refitted by the rule and its multiplicative choices left as they are.
 */
public final class DiffuseIntervalStudy {
  private static final int TRAIN = 24;
  private static final int HORIZON = 12;
  private static final int PERIOD = 12;
  private static final int CELLS = 12;

  private DiffuseIntervalStudy() {}

  /** One forecast: point and 95%/80% limits. */
  record Forecast(double[] point, double[] lower80, double[] upper80, double[] lower95, double[] upper95,
      double alpha) {}

  /** Prints the study over series (org code to 36 months). */
  public static void print(Map<String, double[]> series) {
    Map<String, EtsSpec> forced = new LinkedHashMap<>();
    for (Trend trend : Trend.values()) {
      for (Season season : new Season[] {Season.NONE, Season.ADDITIVE}) {
        EtsSpec spec = new EtsSpec(trend, season, PERIOD);
        forced.put(spec.name(), spec);
      }
    }
    System.out.printf("%-28s %10s %12s %10s %10s %12s %10s%n", "model (diffuse)", "mean MASE", "median MASE",
        "cover80", "cover95", "median alpha", "above95");
    for (Map.Entry<String, EtsSpec> entry : forced.entrySet()) {
      Score score = new Score();
      for (double[] y : series.values()) {
        score.add(y, diffuse(entry.getValue(), Arrays.copyOf(y, TRAIN), HORIZON));
      }
      score.print(entry.getKey());
    }
    Score auto = new Score();
    Map<String, Integer> chosen = new java.util.TreeMap<>();
    for (double[] y : series.values()) {
      double[] train = Arrays.copyOf(y, TRAIN);
      ForecastResult result = AutoForecaster.forecast(train, HORIZON);
      chosen.merge(result.modelName(), 1, Integer::sum);
      EtsSpec spec = forced.get(result.modelName());
      auto.add(y, spec != null ? diffuse(spec, train, HORIZON)
          : new Forecast(result.point(), result.lower80(), result.upper80(), result.lower95(), result.upper95(),
              Double.NaN));
    }
    auto.print("AUTO, linear choices diffuse");
    for (String name : new String[] {"ETS(A,N,A)", "ETS(A,A,A)"}) {
      Score score = new Score();
      for (double[] y : series.values()) {
        score.add(y, integrated(forced.get(name), Arrays.copyOf(y, TRAIN), HORIZON, CELLS));
      }
      score.print(name + " integrated");
    }
    Score autoIntegrated = new Score();
    for (double[] y : series.values()) {
      double[] train = Arrays.copyOf(y, TRAIN);
      ForecastResult result = AutoForecaster.forecast(train, HORIZON);
      EtsSpec spec = forced.get(result.modelName());
      autoIntegrated.add(y, spec != null ? integrated(spec, train, HORIZON, CELLS)
          : new Forecast(result.point(), result.lower80(), result.upper80(), result.lower95(), result.upper95(),
              Double.NaN));
    }
    autoIntegrated.print("AUTO, linear integrated");
    System.out.println("  AUTO's choices: " + chosen);
  }

  /** Fits spec to y by the rule and forecasts horizon months. */
  static Forecast diffuse(EtsSpec spec, double[] y, int horizon) {
    double scale = Arrays.stream(y).map(Math::abs).average().orElse(1);
    double[] unit = Arrays.stream(y).map(v -> v / scale).toArray();
    Diffuse objective = new Diffuse(spec, unit, allObserved(y.length));
    double[] box = EtsFitter.minimise(objective::minusLogLikelihood, EtsParameters.startInBox(spec),
        EtsParameters.boxLower(spec), EtsParameters.boxUpper(spec), 0.1);
    EtsParameters parameters = EtsParameters.fromBox(spec, box);
    Given given = given(spec, unit, parameters, horizon, scale);
    int df = y.length - spec.stateCount();
    TDistribution t = new TDistribution(null, df);
    PredictionIntervals limits = PredictionIntervals.symmetric(given.point, given.se,
        t.inverseCumulativeProbability(0.90), t.inverseCumulativeProbability(0.975));
    return new Forecast(given.point, limits.lower80(), limits.upper80(), limits.lower95(), limits.upper95(),
        parameters.alpha());
  }

  /**
   * Third variant: the product's maximum-likelihood fit (profile likelihood, as forecast::ets) with the variance of
   * its least-squares initial states added, s^2 = SSE / (n - parameters) as now and Student-t quantiles on
   * n - parameters degrees of freedom.
   */
  static Forecast profileWithStates(EtsSpec spec, double[] y, int horizon) {
    double scale = Arrays.stream(y).map(Math::abs).average().orElse(1);
    double[] unit = Arrays.stream(y).map(v -> v / scale).toArray();
    boolean[] observed = allObserved(y.length);
    EtsFit fit = EtsFitter.fit(spec, unit, observed, unit, scale);
    EtsParameters parameters = fit.parameters();
    Given given = given(spec, unit, parameters, horizon, scale);
    int df = y.length - spec.parameterCount();
    double inflate = Math.sqrt((y.length - spec.stateCount()) / (double) df);
    double[] se = Arrays.stream(given.se).map(v -> v * inflate).toArray();
    TDistribution t = new TDistribution(null, df);
    PredictionIntervals limits = PredictionIntervals.symmetric(given.point, se,
        t.inverseCumulativeProbability(0.90), t.inverseCumulativeProbability(0.975));
    return new Forecast(given.point, limits.lower80(), limits.upper80(), limits.lower95(), limits.upper95(),
        parameters.alpha());
  }

  /**
   * Second rule, declared before its scoring: the predictive distribution integrated over the smoothing
   * parameters, with a uniform prior on the optimiser's box (alpha, then beta / alpha, gamma / (1 - alpha), the
   * damping share), on a grid of cell midpoints with {@code cells} per dimension, inadmissible points given no
   * weight, each point weighted by its diffuse likelihood. The point forecast stays the rule-1 estimate's; the
   * limits are quantiles of the mixture of the scaled Student-t predictives.
   */
  static Forecast integrated(EtsSpec spec, double[] y, int horizon, int cells) {
    Forecast plugIn = diffuse(spec, y, horizon);
    double scale = Arrays.stream(y).map(Math::abs).average().orElse(1);
    double[] unit = Arrays.stream(y).map(v -> v / scale).toArray();
    int dimensions = spec.smoothingCount();
    int total = (int) Math.pow(cells, dimensions);
    List<Given> grid = new ArrayList<>();
    List<Double> logWeights = new ArrayList<>();
    double[] z = new double[dimensions];
    for (int index = 0; index < total; index++) {
      int rest = index;
      for (int k = 0; k < dimensions; k++) {
        z[k] = ((rest % cells) + 0.5) / cells;
        rest /= cells;
      }
      EtsParameters parameters = EtsParameters.fromBox(spec, z);
      if (!parameters.admissible(spec)) {
        continue;
      }
      Given given = given(spec, unit, parameters, horizon, scale);
      grid.add(given);
      logWeights.add(-given.minusLogLikelihood);
    }
    double max = logWeights.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double[] w = logWeights.stream().mapToDouble(v -> Math.exp(v - max)).toArray();
    double sum = Arrays.stream(w).sum();
    TDistribution t = new TDistribution(null, y.length - spec.stateCount());
    double[][] limits = new double[4][horizon];
    double[] probabilities = {0.10, 0.90, 0.025, 0.975};
    for (int h = 0; h < horizon; h++) {
      for (int q = 0; q < 4; q++) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Given g : grid) {
          low = Math.min(low, g.point[h] - 20 * g.se[h]);
          high = Math.max(high, g.point[h] + 20 * g.se[h]);
        }
        for (int iteration = 0; iteration < 40; iteration++) {
          double middle = (low + high) / 2;
          double cdf = 0;
          for (int i = 0; i < grid.size(); i++) {
            Given g = grid.get(i);
            cdf += w[i] * t.cumulativeProbability((middle - g.point[h]) / g.se[h]);
          }
          if (cdf / sum < probabilities[q]) {
            low = middle;
          } else {
            high = middle;
          }
        }
        limits[q][h] = (low + high) / 2;
      }
    }
    return new Forecast(plugIn.point(), limits[0], limits[1], limits[2], limits[3], plugIn.alpha());
  }

  /** Point forecast and t scale (original units) given the smoothing parameters, and the diffuse likelihood. */
  private record Given(double[] point, double[] se, double minusLogLikelihood) {}

  private static Given given(EtsSpec spec, double[] unit, EtsParameters parameters, int horizon, double scale) {
    int n = unit.length;
    boolean[] observed = allObserved(n);
    Diffuse objective = new Diffuse(spec, unit, observed);
    double logDet = objective.evaluate(parameters);
    int d = spec.stateCount();
    double minusLogLikelihood = (n - d) / 2.0 * Math.log(Math.max(objective.sse, 1e-300)) + 0.5 * logDet;
    double[] x0 = objective.states;
    EtsFilter filter = new EtsFilter(spec, parameters);
    filter.run(unit, observed, spec.initialStates(x0), null, null);
    double[] point = EtsPrediction.pointForecast(spec, parameters.phi(), filter.states(), n, horizon);
    double[] classOne = EtsPrediction.classOneFactors(spec, parameters, horizon);
    double[] leverage = LinearProfile.forecastLeverage(spec, parameters, observed, horizon);
    double s2 = objective.sse / (n - d);
    double[] se = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      se[h] = Math.sqrt(s2 * (classOne[h] + leverage[h])) * scale;
      point[h] *= scale;
    }
    return new Given(point, se, minusLogLikelihood);
  }

  private static boolean[] allObserved(int n) {
    boolean[] observed = new boolean[n];
    Arrays.fill(observed, true);
    return observed;
  }

  /** The diffuse log-likelihood of a linear model and the least-squares states that go with it. */
  private static final class Diffuse {
    private final EtsSpec spec;
    private final double[] y;
    private final boolean[] observed;
    double[][] gram;
    double[] states;
    double sse;

    Diffuse(EtsSpec spec, double[] y, boolean[] observed) {
      this.spec = spec;
      this.y = y;
      this.observed = observed;
    }

    double minusLogLikelihood(double[] box) {
      EtsParameters parameters = EtsParameters.fromBox(spec, box);
      if (!parameters.admissible(spec)) {
        return EtsFitter.PENALTY;
      }
      double logDet = evaluate(parameters);
      int d = spec.stateCount();
      return (y.length - d) / 2.0 * Math.log(Math.max(sse, 1e-300)) + 0.5 * logDet;
    }

    /** Sets gram, states and sse for these parameters; returns log det(E'E). */
    double evaluate(EtsParameters parameters) {
      int n = y.length;
      int d = spec.stateCount();
      double[] base = new double[n];
      EtsFilter filter = new EtsFilter(spec, parameters);
      double[] zeroSeason = new double[spec.seasonLength()];
      double baseSse = filter.run(y, observed, new EtsStates(0, 0, zeroSeason), base, null);
      double[][] columns = new double[d][n];
      for (int j = 0; j < d; j++) {
        double[] state = new double[d];
        state[j] = 1;
        filter.run(null, observed, spec.initialStates(state), columns[j], null);
      }
      gram = Cholesky.gram(columns);
      double[] rhs = new double[d];
      for (int i = 0; i < d; i++) {
        for (int t = 0; t < n; t++) {
          rhs[i] -= columns[i][t] * base[t];
        }
      }
      states = new double[d];
      Cholesky.solve(gram, rhs, states);
      double reduction = 0;
      for (int i = 0; i < d; i++) {
        reduction += states[i] * rhs[i];
      }
      sse = Math.max(baseSse - reduction, 0);
      return logDeterminant(gram);
    }
  }

  static double logDeterminant(double[][] a) {
    double[][] l = Cholesky.factor(a);
    double logDet = 0;
    for (int i = 0; i < l.length; i++) {
      logDet += 2 * Math.log(l[i][i]);
    }
    return logDet;
  }

  /** Accumulates MASE and coverage over series. */
  private static final class Score {
    private final List<Double> mase = new ArrayList<>();
    private final List<Double> alphas = new ArrayList<>();
    private int points;
    private int in80;
    private int in95;
    private int above95;

    void add(double[] y, Forecast f) {
      double naive = 0;
      for (int t = PERIOD; t < TRAIN; t++) {
        naive += Math.abs(y[t] - y[t - PERIOD]);
      }
      naive /= TRAIN - PERIOD;
      double error = 0;
      for (int h = 0; h < HORIZON; h++) {
        double actual = y[TRAIN + h];
        error += Math.abs(actual - f.point()[h]);
        points++;
        in80 += actual >= f.lower80()[h] && actual <= f.upper80()[h] ? 1 : 0;
        in95 += actual >= f.lower95()[h] && actual <= f.upper95()[h] ? 1 : 0;
        above95 += actual > f.upper95()[h] ? 1 : 0;
      }
      mase.add(error / HORIZON / naive);
      if (!Double.isNaN(f.alpha())) {
        alphas.add(f.alpha());
      }
    }

    void print(String name) {
      double[] m = mase.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] a = alphas.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf("%-28s %10.3f %12.3f %10.3f %10.3f %12.3f %10.3f%n", name, Arrays.stream(m).average().orElse(0),
          (m[(m.length - 1) / 2] + m[m.length / 2]) / 2, in80 / (double) points, in95 / (double) points,
          a.length == 0 ? Double.NaN : (a[(a.length - 1) / 2] + a[a.length / 2]) / 2,
          above95 / (double) points);
    }
  }
}
