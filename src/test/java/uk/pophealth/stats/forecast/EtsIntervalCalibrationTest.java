package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Prediction intervals of ETS models against truth planted by simulation: series drawn from the model itself,
 * fitted with that model, scored on the next 12 months. Without the variance of the estimated initial states
 * (class 1 alone with normal quantiles, as forecast::ets; for multiplicative seasonality, paths from the fitted
 * states with sigma fixed) the 95% limits cover 0.89 for ETS(A,N,A) on 24 months, 0.85 for ETS(A,A,A) on 36 and
 * 0.87 for ETS(A,N,M) on 24; with it, 0.94, 0.96 and 0.95. The leverage itself is checked against the regression
 * prediction interval it reduces to when the smoothing parameters are 0, and the sample paths against the analytic
 * limits of a linear model.
 */
class EtsIntervalCalibrationTest {
  private static final int HORIZON = 12;

  @Test
  void localLevelSeasonalOnTwoYearsCoversNinetyFivePercent() {
    coverage(new EtsSpec(Trend.NONE, Season.ADDITIVE, 12), 24, 0.3, 0, 0.1, 300, 11L)
        .assertWithin(0.93, 0.975, 0.76, 0.86);
  }

  @Test
  void trendSeasonalOnThreeYearsCoversNinetyFivePercent() {
    coverage(new EtsSpec(Trend.ADDITIVE, Season.ADDITIVE, 12), 36, 0.2, 0.01, 0.1, 300, 12L)
        .assertWithin(0.92, 0.975, 0.75, 0.86);
  }

  @Test
  void multiplicativeSeasonalOnTwoYearsCoversNinetyFivePercent() {
    coverage(new EtsSpec(Trend.NONE, Season.MULTIPLICATIVE, 12), 24, 0.3, 0, 0.1, 150, 13L)
        .assertWithin(0.92, 0.98, 0.74, 0.86);
  }

  /**
   * The sample paths (sigma from its scaled inverse chi-square, starting states spread by
   * {@link StateUncertainty}) reproduce the analytic limits of a linear model, class 1 plus leverage with
   * Student-t quantiles, to within the simulation error of 5,000 paths.
   */
  @Test
  void samplePathsOfALinearModelMatchItsAnalyticLimits() {
    EtsSpec spec = new EtsSpec(Trend.ADDITIVE, Season.ADDITIVE, 12);
    double[] y = simulate(spec, 30, 0.2, 0.01, 0.1, new Random(14L));
    ForecastResult analytic = AutoForecaster.forecast(y, HORIZON, ForecastOptions.defaults().withEtsModel(spec.name()));
    PreparedSeries series = PreparedSeries.of(y, ForecastOptions.defaults());
    EtsFit fit = EtsSelection.chooseByAicc(java.util.List.of(spec), series);
    PredictionIntervals simulated = PredictionIntervals.fromSamples(EtsPrediction.simulate(fit, HORIZON, 3L));
    for (int h = 0; h < HORIZON; h++) {
      double point = analytic.point()[h];
      double analyticHalf = analytic.upper95()[h] - point;
      double simulatedHalf = (simulated.upper95()[h] - simulated.lower95()[h]) * fit.scale() / 2;
      assertEquals(analyticHalf, simulatedHalf, 0.04 * analyticHalf, "h " + (h + 1));
      double analytic80 = analytic.upper80()[h] - point;
      double simulated80 = (simulated.upper80()[h] - simulated.lower80()[h]) * fit.scale() / 2;
      assertEquals(analytic80, simulated80, 0.03 * analytic80, "80% h " + (h + 1));
    }
  }

  @Test
  void leverageOfTheMeanModelIsOneOverTheObservedMonths() {
    boolean[] observed = new boolean[10];
    Arrays.fill(observed, true);
    observed[3] = false;
    observed[7] = false;
    double[] leverage = LinearProfile.forecastLeverage(new EtsSpec(Trend.NONE, Season.NONE, 1),
        new EtsParameters(0, 0, 0, 1), observed, 3);
    assertArrayEquals(new double[] {1.0 / 8, 1.0 / 8, 1.0 / 8}, leverage, 1e-9);
  }

  @Test
  void leverageOfALinearTrendIsTheRegressionLeverage() {
    // alpha = beta = 0: mu_t = l0 + b0 t for t = 1..10, the forecast at 10 + h has leverage (to 1e-7: the solve
    // adds a ridge of 1e-10 times the largest diagonal)
    // (Sxx - 2 x Sx + n x^2) / (n Sxx - Sx^2) with x = 10 + h, Sx = 55, Sxx = 385
    boolean[] observed = new boolean[10];
    Arrays.fill(observed, true);
    double[] leverage = LinearProfile.forecastLeverage(new EtsSpec(Trend.ADDITIVE, Season.NONE, 1),
        new EtsParameters(0, 0, 0, 1), observed, 3);
    for (int h = 1; h <= 3; h++) {
      double x = 10 + h;
      assertEquals((385 - 2 * x * 55 + 10 * x * x) / (10 * 385 - 55 * 55), leverage[h - 1], 1e-7, "h " + h);
    }
  }

  private record Coverage(double at80, double at95) {
    void assertWithin(double min95, double max95, double min80, double max80) {
      assertTrue(at95 >= min95 && at95 <= max95, "95% coverage " + at95);
      assertTrue(at80 >= min80 && at80 <= max80, "80% coverage " + at80);
    }
  }

  private static Coverage coverage(EtsSpec spec, int n, double alpha, double beta, double gamma, int series,
      long seed) {
    Random random = new Random(seed);
    int in80 = 0;
    int in95 = 0;
    for (int k = 0; k < series; k++) {
      double[] y = simulate(spec, n + HORIZON, alpha, beta, gamma, random);
      ForecastResult r = AutoForecaster.forecast(Arrays.copyOf(y, n), HORIZON,
          ForecastOptions.defaults().withEtsModel(spec.name()));
      assertEquals(spec.name(), r.modelName());
      for (int h = 0; h < HORIZON; h++) {
        double actual = y[n + h];
        in80 += actual >= r.lower80()[h] && actual <= r.upper80()[h] ? 1 : 0;
        in95 += actual >= r.lower95()[h] && actual <= r.upper95()[h] ? 1 : 0;
      }
    }
    double points = series * HORIZON;
    return new Coverage(in80 / points, in95 / points);
  }

  /**
   * Level 1000, trend 2 a month if any, a cosine season of amplitude 100 with noise (multiplicative: factors 1 plus
   * a tenth of the cosine), innovations sd 20.
   */
  private static double[] simulate(EtsSpec spec, int length, double alpha, double beta, double gamma,
      Random random) {
    double[] season = new double[12];
    for (int j = 0; j < 12; j++) {
      season[j] = 100 * Math.cos(2 * Math.PI * j / 12) + 10 * random.nextGaussian();
    }
    double level = 1000;
    double trend = spec.hasTrend() ? 2 : 0;
    double[] y = new double[length];
    boolean multiplicative = spec.season() == Season.MULTIPLICATIVE;
    for (int j = 0; multiplicative && j < 12; j++) {
      season[j] = 1 + season[j] / 1000;
    }
    for (int t = 0; t < length; t++) {
      double e = 20 * random.nextGaussian();
      double base = level + trend;
      double s = season[t % 12];
      y[t] = (multiplicative ? base * s : base + s) + e;
      level = base + alpha * (multiplicative ? e / s : e);
      trend = trend + beta * (multiplicative ? e / s : e);
      season[t % 12] += gamma * (multiplicative ? e / base : e);
    }
    return y;
  }
}
