package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rolling-origin backtest refits on training data only and scores what it should. */
class BacktestTest {
  private static final double[] Y = SyntheticSeries.multiplicative(60, 300, 1, 0.2, 6, 41L);

  @Test
  void eachOriginIsAPlainForecastOfItsTrainingPart() {
    BacktestOptions options = new BacktestOptions(12, 3, 4, ForecastOptions.defaults());
    BacktestResult result = Backtest.run(Y, ForecastMethod.AUTO, options);
    assertEquals(3, result.origins());
    assertEquals(36, result.points());
    double expected = 0;
    int[] origins = {40, 44, 48};
    assertEquals(3, result.forecasts().size());
    for (int k = 0; k < origins.length; k++) {
      int origin = origins[k];
      double[] training = Arrays.copyOf(Y, origin);
      double[] point = AutoForecaster.forecast(training, 12).point();
      double scale = Accuracy.seasonalNaiveScale(training, PreparedSeries.of(training, ForecastOptions.defaults())
          .observed(), 12);
      OriginForecast kept = result.forecasts().get(k);
      assertEquals(origin, kept.origin(), "origins are kept oldest first");
      assertEquals(scale, kept.scale(), 1e-12);
      assertArrayEquals(point, kept.point(), 1e-9);
      for (int h = 0; h < 12; h++) {
        expected += Math.abs(Y[origin + h] - point[h]) / scale / 36;
      }
    }
    assertEquals(expected, result.mase(), 1e-9);
  }

  @Test
  void heldOutValuesDoNotChangeTheForecasts() {
    double[] changed = Y.clone();
    for (int t = 48; t < 60; t++) {
      changed[t] = Y[t] + 50;
    }
    BacktestOptions options = new BacktestOptions(12, 1, 1, ForecastOptions.defaults());
    BacktestResult original = Backtest.run(Y, ForecastMethod.AUTO, options);
    BacktestResult shifted = Backtest.run(changed, ForecastMethod.AUTO, options);
    assertEquals(original.models(), shifted.models());
    assertTrue(shifted.mase() != original.mase());
  }

  @Test
  void excludedHeldOutMonthsAreNotScored() {
    BacktestOptions options = new BacktestOptions(12, 1, 1,
        ForecastOptions.defaults().withExclusions(List.of(new IndexRange(50, 53))));
    BacktestResult result = Backtest.run(Y, ForecastMethod.SEASONAL_NAIVE, options);
    assertEquals(9, result.points());
    assertTrue(Double.isNaN(result.maseByHorizon()[2]));
  }

  @Test
  void seasonalNaiveScoresMaseOneOnAnExactlyRepeatingYearPlusNoise() {
    double[] y = new double[48];
    for (int t = 0; t < 48; t++) {
      y[t] = SyntheticSeries.ADDITIVE_SEASON[t % 12] + 100 + (t % 24 < 12 ? 1 : -1);
    }
    // in-sample lag-12 differences are all +/-2; the held-out year differs from the last by 2 too
    BacktestResult result = Backtest.run(y, ForecastMethod.SEASONAL_NAIVE,
        new BacktestOptions(12, 1, 1, ForecastOptions.defaults()));
    assertEquals(1.0, result.mase(), 1e-12);
    double[] ones = new double[12];
    Arrays.fill(ones, 1.0);
    assertArrayEquals(ones, result.maseByHorizon(), 1e-12);
  }

  @Test
  void backtestChoiceIsExplainedInTheNotes() {
    ForecastResult result = AutoForecaster.forecast(Y, 12,
        ForecastOptions.defaults().withSelection(ModelSelection.BACKTEST));
    String last = result.notes().get(result.notes().size() - 1);
    assertTrue(last.contains("chosen by rolling-origin backtest MASE (AUTO"), last);
    assertEquals(ForecastMethod.AUTO, result.method());
  }
}
