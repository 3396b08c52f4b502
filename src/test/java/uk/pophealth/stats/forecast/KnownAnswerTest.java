package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hand-computed cases: the ETS recursion, SES on a constant, seasonal naive, and backtest metrics. */
class KnownAnswerTest {
  private static final double TOLERANCE = 1e-12;

  @Test
  void simpleExponentialSmoothingRecursionByHand() {
    // ETS(A,N,N), alpha 0.5, level0 0, y = 2, 4: mu = 0, e = 2, l = 1; mu = 1, e = 3, l = 2.5; SSE = 13
    EtsFilter filter = new EtsFilter(new EtsSpec(Trend.NONE, Season.NONE, 1), new EtsParameters(0.5, 0, 0, 1));
    double[] errors = new double[2];
    double[] fitted = new double[2];
    double sse = filter.run(new double[] {2, 4}, new boolean[] {true, true}, new EtsStates(0, 0, new double[1]), errors,
        fitted);
    assertEquals(13, sse, TOLERANCE);
    assertArrayEquals(new double[] {0, 1}, fitted, TOLERANCE);
    assertArrayEquals(new double[] {2, 3}, errors, TOLERANCE);
    assertEquals(2.5, filter.level(), TOLERANCE);
  }

  @Test
  void dampedTrendRecursionByHand() {
    // ETS(A,Ad,N), alpha 0.5, beta 0.2, phi 0.9, l0 10, b0 2, y = 14:
    // mu = 10 + 1.8 = 11.8, e = 2.2, l = 11.8 + 1.1 = 12.9, b = 1.8 + 0.44 = 2.24; a missing month then: mu = 12.9 + 2.016
    EtsFilter filter = new EtsFilter(new EtsSpec(Trend.DAMPED, Season.NONE, 1), new EtsParameters(0.5, 0.2, 0, 0.9));
    double[] fitted = new double[2];
    double sse = filter.run(new double[] {14, Double.NaN}, new boolean[] {true, false},
        new EtsStates(10, 2, new double[1]), null, fitted);
    assertEquals(2.2 * 2.2, sse, 1e-12);
    assertEquals(11.8, fitted[0], 1e-12);
    assertEquals(12.9 + 0.9 * 2.24, fitted[1], 1e-12);
    assertEquals(0.9 * 2.24, filter.trend(), 1e-12);
  }

  @Test
  void constantSeriesGivesItsValueWithZeroWidthIntervals() {
    double[] y = new double[30];
    Arrays.fill(y, 42);
    ForecastResult result = AutoForecaster.forecast(y, 5);
    assertEquals("ETS(A,N,N)", result.modelName());
    double[] expected = {42, 42, 42, 42, 42};
    assertArrayEquals(expected, result.point(), 0);
    assertArrayEquals(expected, result.lower95(), 0);
    assertArrayEquals(expected, result.upper95(), 0);
  }

  @Test
  void sesOnANearlyConstantSeriesForecastsItsLevel() {
    double[] y = new double[30];
    for (int t = 0; t < 30; t++) {
      y[t] = 50 + (t % 2 == 0 ? 0.5 : -0.5);
    }
    ForecastResult result = AutoForecaster.forecast(y, 3, ForecastOptions.defaults().withPeriod(1));
    assertEquals(50, result.point()[0], 0.5, "stays within the +/-0.5 wobble");
  }

  @Test
  void seasonalNaiveRepeatsTheLastYearWithHandIntervals() {
    double[] y = new double[24];
    for (int t = 0; t < 24; t++) {
      y[t] = t + 1;
    }
    ForecastResult result = AutoForecaster.forecast(y, 14,
        ForecastOptions.defaults().withMethod(ForecastMethod.SEASONAL_NAIVE));
    assertEquals("SeasonalNaive", result.modelName());
    for (int h = 1; h <= 14; h++) {
      assertEquals(13 + (h - 1) % 12, result.point()[h - 1], 0, "h=" + h);
    }
    // every lag-12 difference is 12, so sigma = 12; se_h = 12 sqrt(floor((h - 1) / 12) + 1)
    assertEquals(13 - PredictionIntervals.Z95 * 12, result.lower95()[0], 1e-9);
    assertEquals(13 + PredictionIntervals.Z80 * 12 * Math.sqrt(2), result.upper80()[12], 1e-9);
  }

  @Test
  void backtestMetricsByHand() {
    // period 4, naive method, one origin, horizon 2: training 1,2,3,4,2,3,4,5; held out 3, 4.
    double[] y = {1, 2, 3, 4, 2, 3, 4, 5, 3, 4};
    BacktestOptions options = new BacktestOptions(2, 1, 1, ForecastOptions.defaults().withPeriod(4));
    BacktestResult result = Backtest.run(y, ForecastMethod.NAIVE, options);
    // lag-4 in-sample MAE = 1; forecasts 5, 5; errors 2, 1 -> MASE 1.5
    assertEquals(1.5, result.mase(), TOLERANCE);
    assertArrayEquals(new double[] {2, 1}, result.maseByHorizon(), TOLERANCE);
    assertEquals((200.0 * 2 / 8 + 200.0 * 1 / 9) / 2, result.smape(), TOLERANCE);
    // naive sigma^2 = mean of squared lag-1 differences (1,1,1,-2,1,1,1) = 10/7; se_h = sigma sqrt(h)
    double sigma = Math.sqrt(10.0 / 7);
    double half80h1 = PredictionIntervals.Z80 * sigma;
    double half80h2 = PredictionIntervals.Z80 * sigma * Math.sqrt(2);
    assertEquals((3 < 5 - half80h1 ? 0 : 1) + (4 < 5 - half80h2 ? 0 : 1), result.coverage80() * 2, TOLERANCE);
    assertEquals(0.5, result.coverage80(), TOLERANCE);
    assertEquals(1.0, result.coverage95(), TOLERANCE);
    double width1 = 2 * PredictionIntervals.Z95 * sigma;
    double width2 = 2 * PredictionIntervals.Z95 * sigma * Math.sqrt(2);
    assertEquals((width1 + width2) / 2, result.winkler95(), 1e-12);
    assertEquals(1, result.origins());
    assertEquals(2, result.points());
  }

  @Test
  void winklerScorePenalisesAMissByFortyTimesIt() {
    assertEquals(10 + 40 * 3, Accuracy.winkler(13, 0, 10, 0.05), TOLERANCE);
    assertEquals(10 + 40 * 2, Accuracy.winkler(-2, 0, 10, 0.05), TOLERANCE);
    assertEquals(10, Accuracy.winkler(5, 0, 10, 0.05), TOLERANCE);
  }
}
