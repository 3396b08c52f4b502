package uk.pophealth.stats.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Point forecasts and prediction intervals of a fitted ETS model, in original units. Linear models: the
 * analytic variance of Hyndman et al. (2008, table 6.1, class 1), v_h = sigma^2 (1 + sum_{j<h} c_j^2) with
 * c_j = alpha + beta (j, or phi + ... + phi^j when damped) + gamma [j mod m = 0], plus the variance of the
 * estimated initial states, sigma^2 q_h ({@link LinearProfile#forecastLeverage}), with Student-t quantiles on
 * the n - parameters degrees of freedom that sigma^2 is divided by. forecast::ets stops at class 1 and normal
 * quantiles, treating the fitted states as known; on series simulated from the model itself those limits cover
 * 83%-91% instead of 95% at 24-48 months (12 or 13 states estimated), with the added term 90%-96%
 * ({@code EtsIntervalCalibrationTest}; docs/benchmarks.md). Point forecasts are unchanged. Multiplicative
 * seasonality: quantiles of {@link #PATHS} sample paths ({@link #simulate}, with the same two additions) from
 * seeded generators (java.util.Random and Commons Math's JDKRandomGenerator, whose algorithms are fixed by their
 * specifications, so the figures repeat on every JVM).
 */
final class EtsPrediction {
  static final int PATHS = 5000;

  private EtsPrediction() {}

  static ForecastResult forecast(ForecastMethod method, EtsFit fit, int horizon, long seed, List<String> notes) {
    EtsSpec spec = fit.spec();
    double scale = fit.scale();
    double[] point = pointForecast(fit, horizon);
    double sigma = Math.sqrt(fit.sigma2());
    PredictionIntervals intervals;
    if (spec.linear()) {
      double[] se = new double[horizon];
      double[] classOne = classOneFactors(spec, fit.parameters(), horizon);
      double[] leverage = LinearProfile.forecastLeverage(spec, fit.parameters(), fit.observed(), horizon);
      for (int h = 0; h < horizon; h++) {
        se[h] = sigma * Math.sqrt(classOne[h] + leverage[h]);
      }
      intervals = PredictionIntervals.studentT(point, se, fit.residualDegreesOfFreedom());
    } else {
      intervals = PredictionIntervals.fromSamples(simulate(fit, horizon, seed));
    }
    double[] ones = new double[horizon];
    double[] zeros = new double[horizon];
    java.util.Arrays.fill(ones, scale);
    PredictionIntervals scaled = intervals.transform(ones, zeros);
    double[] fitted = fit.fitted().clone();
    for (int t = 0; t < fitted.length; t++) {
      fitted[t] *= scale;
    }
    for (int h = 0; h < horizon; h++) {
      point[h] *= scale;
    }
    return scaled.toResult(new FittedModel(method, spec.name(), parameters(fit), fit.aicc()), fitted, point, notes);
  }

  /** v_h / sigma^2 = 1 + sum_{j<h} c_j^2 for h = 1..horizon (class 1). */
  static double[] classOneFactors(EtsSpec spec, EtsParameters p, int horizon) {
    double[] factors = new double[horizon];
    double sum = 0;
    double phiSum = 0;
    double phiPower = 1;
    for (int h = 1; h <= horizon; h++) {
      factors[h - 1] = 1 + sum;
      phiPower *= p.phi();
      phiSum += phiPower;
      double trendPart = spec.damped() ? phiSum : h;
      double c = p.alpha() + p.beta() * trendPart + (spec.seasonal() && h % spec.period() == 0 ? p.gamma() : 0);
      sum += c * c;
    }
    return factors;
  }

  static double[] pointForecast(EtsFit fit, int horizon) {
    return pointForecast(fit.spec(), fit.parameters().phi(), fit.finalStates(), fit.fitted().length, horizon);
  }

  /** Forecasts from the states after month n (season by position t mod period). */
  static double[] pointForecast(EtsSpec spec, double phi, EtsStates states, int n, int horizon) {
    double level = states.level();
    double trend = states.trend();
    double[] season = states.season();
    double[] point = new double[horizon];
    double trendMultiplier = 0;
    double phiPower = 1;
    for (int h = 1; h <= horizon; h++) {
      if (spec.damped()) {
        phiPower *= phi;
        trendMultiplier += phiPower;
      } else {
        trendMultiplier = h;
      }
      double base = level + (spec.hasTrend() ? trendMultiplier * trend : 0);
      double s = spec.seasonal() ? season[(n + h - 1) % spec.period()] : 0;
      point[h - 1] = spec.season() == Season.MULTIPLICATIVE ? base * s : base + s;
    }
    return point;
  }

  /**
   * samples[h][path] of future values on the unit scale. Each path draws its sigma from the scaled inverse
   * chi-square on the fit's residual degrees of freedom (Commons Math's sampler on its own generator, seeded alike) (so that, for a linear model, the paths' spread is the
   * Student-t of the analytic limits) and its starting states from the fitted final states plus
   * sigma F z ({@link StateUncertainty}); then it runs the model's recursion on Gaussian innovations.
   */
  static double[][] simulate(EtsFit fit, int horizon, long seed) {
    EtsSpec spec = fit.spec();
    EtsParameters p = fit.parameters();
    boolean multiplicative = spec.season() == Season.MULTIPLICATIVE;
    int n = fit.fitted().length;
    int m = spec.seasonLength();
    double sigma = Math.sqrt(fit.sigma2());
    int df = fit.residualDegreesOfFreedom();
    double[][] factor = StateUncertainty.finalStateFactor(fit);
    int d = factor == null ? 0 : factor[0].length;
    double[] z = new double[d];
    double[][] samples = new double[horizon][PATHS];
    double[] season = new double[m];
    Random random = new Random(seed);
    JDKRandomGenerator chiSquareSource = new JDKRandomGenerator();
    chiSquareSource.setSeed(seed);
    // chi-square on df degrees of freedom as Gamma(df / 2, 2), whose sample() is Marsaglia-Tsang (the chi-square
    // class samples by inverting its distribution function, several times slower)
    GammaDistribution chiSquare = new GammaDistribution(chiSquareSource, df / 2.0, 2);
    for (int path = 0; path < PATHS; path++) {
      double pathSigma = sigma * Math.sqrt(df / chiSquare.sample());
      for (int j = 0; j < d; j++) {
        z[j] = random.nextGaussian();
      }
      System.arraycopy(fit.finalSeason(), 0, season, 0, m);
      double l = fit.finalLevel() + pathSigma * dot(factor, 0, z);
      double b = fit.finalTrend() + pathSigma * dot(factor, 1, z);
      for (int k = 0; k < m; k++) {
        season[k] += pathSigma * dot(factor, 2 + k, z);
      }
      for (int h = 0; h < horizon; h++) {
        int position = spec.seasonal() ? (n + h) % m : 0;
        double s = spec.seasonal() ? season[position] : 0;
        double damped = spec.damped() ? p.phi() * b : (spec.hasTrend() ? b : 0);
        double base = l + damped;
        double e = pathSigma * random.nextGaussian();
        if (multiplicative) {
          samples[h][path] = base * s + e;
          l = base + p.alpha() * e / s;
          b = damped + p.beta() * e / s;
          season[position] = s + p.gamma() * e / base;
        } else {
          samples[h][path] = base + s + e;
          l = base + p.alpha() * e;
          b = damped + p.beta() * e;
          season[position] = s + p.gamma() * e;
        }
      }
    }
    return samples;
  }

  private static double dot(double[][] factor, int row, double[] z) {
    if (factor == null) {
      return 0;
    }
    double sum = 0;
    for (int j = 0; j < z.length; j++) {
      sum += factor[row][j] * z[j];
    }
    return sum;
  }

  static Map<String, Double> parameters(EtsFit fit) {
    EtsSpec spec = fit.spec();
    EtsParameters p = fit.parameters();
    double scale = fit.scale();
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("alpha", p.alpha());
    if (spec.hasTrend()) {
      out.put("beta", p.beta());
    }
    if (spec.seasonal()) {
      out.put("gamma", p.gamma());
    }
    if (spec.damped()) {
      out.put("phi", p.phi());
    }
    out.put("level0", fit.level0() * scale);
    if (spec.hasTrend()) {
      out.put("trend0", fit.trend0() * scale);
    }
    boolean multiplicative = spec.season() == Season.MULTIPLICATIVE;
    if (spec.seasonal()) {
      for (int j = 0; j < spec.period(); j++) {
        out.put("season" + j, multiplicative ? fit.season0()[j] : fit.season0()[j] * scale);
      }
    }
    out.put("levelEnd", fit.finalLevel() * scale);
    if (spec.hasTrend()) {
      out.put("trendEnd", fit.finalTrend() * scale);
    }
    out.put("sigma", Math.sqrt(fit.sigma2()) * scale);
    return out;
  }
}
