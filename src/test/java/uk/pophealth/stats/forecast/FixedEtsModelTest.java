package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** ForecastOptions.etsModel: fit one named ETS model instead of choosing (the product's backtest refits its choice). */
class FixedEtsModelTest {
  private final double[] seasonal = SyntheticSeries.additive(48, 200, 0.5, 3, 7);

  @Test
  void aNamedModelIsFittedInsteadOfTheAiccChoice() {
    ForecastResult chosen = AutoForecaster.forecast(seasonal, 12);
    String other = chosen.modelName().equals("ETS(A,A,A)") ? "ETS(A,N,A)" : "ETS(A,A,A)";
    ForecastResult fixed = AutoForecaster.forecast(seasonal, 12, ForecastOptions.defaults().withEtsModel(other));
    assertEquals(other, fixed.modelName());
    assertTrue(fixed.notes().contains(other + " fitted as asked (no model choice)"), fixed.notes().toString());
    assertNotEquals(Arrays.toString(chosen.point()), Arrays.toString(fixed.point()));
  }

  @Test
  void namingTheChosenModelGivesTheChosenForecast() {
    ForecastResult chosen = AutoForecaster.forecast(seasonal, 12);
    ForecastResult fixed = AutoForecaster.forecast(seasonal, 12,
        ForecastOptions.defaults().withEtsModel(chosen.modelName()));
    assertEquals(chosen.modelName(), fixed.modelName());
    assertArrayEquals(chosen.point(), fixed.point(), 1e-9);
    assertArrayEquals(chosen.upper95(), fixed.upper95(), 1e-9);
  }

  @Test
  void aModelTheSeriesDoesNotAllowIsChosenAsUsualWithANote() {
    double[] short18 = Arrays.copyOf(seasonal, 18); // under two seasons: no seasonal model allowed
    ForecastResult fixed = AutoForecaster.forecast(short18, 6, ForecastOptions.defaults().withEtsModel("ETS(A,N,A)"));
    ForecastResult chosen = AutoForecaster.forecast(short18, 6);
    assertEquals(chosen.modelName(), fixed.modelName());
    assertTrue(fixed.notes().contains("ETS(A,N,A) asked for but not allowed on this series: model chosen instead"),
        fixed.notes().toString());
  }

  @Test
  void backtestOfANamedModelRefitsThatModelAtEveryOrigin() {
    BacktestOptions options = new BacktestOptions(12, 3, 3, ForecastOptions.defaults().withEtsModel("ETS(A,N,N)"));
    BacktestResult result = Backtest.run(seasonal, ForecastMethod.AUTO, options);
    assertEquals(3, result.origins());
    assertEquals(java.util.List.of("ETS(A,N,N)", "ETS(A,N,N)", "ETS(A,N,N)"), result.models());
    BacktestResult chosen = Backtest.run(seasonal, ForecastMethod.AUTO, BacktestOptions.defaults());
    // A non-seasonal level model on a strongly seasonal series scores far worse than the seasonal choice.
    assertTrue(result.mase() > 2 * chosen.mase(), result.mase() + " vs " + chosen.mase());
  }
}
