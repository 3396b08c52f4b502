package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Series no model can fit do not throw: a series with no observed month is returned not forecast, and a failed ETS
 * fit falls back to seasonal naive or the mean, with a note saying which and why.
 */
class UnfittableSeriesTest {
  /**
   * NHS England RTT waits over 18 weeks of trust NYG (Sussex Community Dermatology Service), "Dermatology Service",
   * April 2021 to February 2025 (../shared/refdata/nhs_timeseries/england_rtt_trust.csv), where the backtest's refit
   * of ETS(A,A,M) at origins 29 and 32 found no finite fit and the forecast sub-command died of a
   * NullPointerException.
   */
  static final double[] NYG = {52, 41, 94, 100, 82, 141, 261, 434, 489, 381, 287, 318, 195, 200, 248, 335, 505, 672,
      727, 1092, 1061, 1190, 1191, 1184, 952, 1087, 1221, 1457, 1703, 2133, 2473, 2612, 2296, 2728, 2141, 2058, 1774,
      1785, 1848, 1797, 2187, 3242, 3385, 3612, 3094, 3772, 3085};
  private static final String MULTIPLICATIVE = "ETS(A,A,M)";
  private static final double[] SEASONAL = SyntheticSeries.multiplicative(48, 300, 1, 0.15, 8, 21L);

  @ParameterizedTest
  @EnumSource(ForecastMethod.class)
  void aSeriesWithNoObservedMonthIsNotForecast(ForecastMethod method) {
    double[] y = new double[48];
    Arrays.fill(y, Double.NaN);
    ForecastResult r = AutoForecaster.forecast(y, 12, ForecastOptions.defaults().withMethod(method));
    assertFalse(r.forecasted());
    assertEquals(method, r.method());
    assertEquals("None", r.modelName());
    assertEquals(12, r.horizon());
    assertEquals(48, r.fitted().length);
    for (double[] values : List.of(r.fitted(), r.point(), r.lower80(), r.upper80(), r.lower95(), r.upper95())) {
      assertTrue(Arrays.stream(values).allMatch(Double::isNaN), Arrays.toString(values));
    }
    assertTrue(r.parameters().isEmpty(), r.parameters().toString());
    assertTrue(Double.isNaN(r.aicc()));
    assertEquals(List.of("not forecast: no observed month in 48 (all missing, suppressed or excluded)"),
        r.fallbackNotes());
  }

  @Test
  void aSeriesWhollyExcludedIsNotForecastUnderEitherSelection() {
    ForecastOptions excluded = ForecastOptions.defaults().withExclusions(List.of(new IndexRange(0, 48)));
    for (ModelSelection selection : ModelSelection.values()) {
      ForecastResult r = AutoForecaster.forecast(SEASONAL, 6, excluded.withSelection(selection));
      assertFalse(r.forecasted(), selection.toString());
      assertTrue(Arrays.stream(r.point()).allMatch(Double::isNaN), selection + ": " + r);
    }
  }

  @Test
  void oneObservedMonthGivesItsValueAsTheMeanAndSaysSo() {
    double[] y = new double[24];
    Arrays.fill(y, Double.NaN);
    y[10] = 7;
    ForecastResult r = AutoForecaster.forecast(y, 3);
    assertTrue(r.forecasted());
    assertEquals("Mean", r.modelName());
    assertArrayEquals(new double[] {7, 7, 7}, r.point(), 0);
    assertTrue(Arrays.stream(r.upper95()).allMatch(Double::isNaN), Arrays.toString(r.upper95()));
    assertEquals(List.of("fallback: very short series (1 observed months < 7): mean forecast instead of ETS"),
        r.fallbackNotes());
    assertTrue(r.notes().contains("too few observed months to estimate the spread: prediction intervals are NaN"),
        r.notes().toString());
  }

  @Test
  void allZerosAreForecastAsZeroWithZeroWidthIntervalsAndNoFallback() {
    assertConstant(0.0);
  }

  @Test
  void aConstantIsForecastAsItselfWithZeroWidthIntervalsAndNoFallback() {
    assertConstant(5.0);
  }

  private static void assertConstant(double value) {
    double[] y = new double[36];
    Arrays.fill(y, value);
    ForecastResult r = AutoForecaster.forecast(y, 4);
    double[] expected = {value, value, value, value};
    assertEquals("ETS(A,N,N)", r.modelName());
    assertArrayEquals(expected, r.point(), 0);
    assertArrayEquals(expected, r.lower95(), 0);
    assertArrayEquals(expected, r.upper95(), 0);
    assertEquals(List.of(), r.fallbackNotes());
    assertTrue(r.notes().contains("constant series: ETS(A,N,N) held at the constant, zero-width intervals"),
        r.notes().toString());
  }

  @Test
  void whenNoEtsCandidateFitsFinitelyTheSeriesFallsBackToSeasonalNaive() {
    double[] window = Arrays.copyOf(NYG, 29);
    ForecastOptions fixed = ForecastOptions.defaults().withEtsModel(MULTIPLICATIVE);
    // the premise: the only candidate's fit is not finite on this window (no admissible start the optimiser improves)
    EtsSpec only = new EtsSpec(Trend.ADDITIVE, Season.MULTIPLICATIVE, 12);
    assertEquals(MULTIPLICATIVE, only.name());
    assertNull(EtsSelection.chooseByAicc(List.of(only), PreparedSeries.of(window, fixed)));

    ForecastResult r = AutoForecaster.forecast(window, 12, fixed);
    assertEquals(ForecastMethod.AUTO, r.method());
    assertEquals("SeasonalNaive", r.modelName());
    assertArrayEquals(Arrays.copyOfRange(window, 17, 29), r.point(), 0);
    assertEquals(List.of("fallback: no finite fit from ETS(A,A,M): seasonal naive forecast instead (the last 12 "
        + "months are observed)"), r.fallbackNotes());
    assertEquals(ForecastMethod.SEASONAL_NAIVE, AutoForecaster.refitMethod(r));
  }

  @Test
  void whenNoCandidateFitsAndTheLastSeasonHasAGapTheSeriesFallsBackToTheMean() {
    double[] y = SEASONAL.clone();
    y[44] = Double.NaN;
    ForecastResult r = AutoForecaster.forecast(y, 12, ForecastOptions.defaults(), (candidates, series) -> null);
    assertEquals("Mean", r.modelName());
    double mean = Arrays.stream(y).filter(Double::isFinite).average().orElseThrow();
    assertEquals(mean, r.point()[0], 1e-9);
    assertEquals(1, r.fallbackNotes().size(), r.notes().toString());
    String note = r.fallbackNotes().get(0);
    assertTrue(note.startsWith("fallback: no finite fit from any of "), note);
    assertTrue(note.endsWith(" ETS models: mean forecast instead (the last 12 months are not all observed, so no "
        + "seasonal naive)"), note);
    assertFalse(r.notes().stream().anyMatch(n -> n.contains("chosen by AICc")), r.notes().toString());
  }

  @Test
  void aFitThatThrowsFallsBackInsteadOfAbortingTheRun() {
    ForecastResult r = AutoForecaster.forecast(SEASONAL, 12, ForecastOptions.defaults(), (candidates, series) -> {
      throw new IllegalStateException("trust region step failed");
    });
    assertEquals("SeasonalNaive", r.modelName());
    assertArrayEquals(Arrays.copyOfRange(SEASONAL, 36, 48), r.point(), 0);
    assertEquals(List.of("fallback: ETS fitting failed (java.lang.IllegalStateException: trust region step failed): "
        + "seasonal naive forecast instead (the last 12 months are observed)"), r.fallbackNotes());
  }

  @Test
  void aPointForecastThatIsNotFiniteFallsBack() {
    double[] y = new double[48];
    for (int t = 0; t < y.length; t++) {
      y[t] = (t % 2 == 0 ? 1 : -1) * 1e308;
    }
    ForecastResult r = AutoForecaster.forecast(y, 12);
    assertEquals("SeasonalNaive", r.modelName());
    assertTrue(Arrays.stream(r.point()).allMatch(Double::isFinite), Arrays.toString(r.point()));
    assertEquals(1, r.fallbackNotes().size(), r.notes().toString());
    assertTrue(r.fallbackNotes().get(0).contains(" gave a point forecast that is not finite: seasonal naive forecast "
        + "instead"), r.fallbackNotes().toString());
  }

  @Test
  void aRoutineFitHasNoFallbackNoteAndIsRefittedAsAuto() {
    ForecastResult r = AutoForecaster.forecast(SEASONAL, 12);
    assertTrue(r.modelName().startsWith("ETS("), r.modelName());
    assertEquals(List.of(), r.fallbackNotes());
    assertEquals(ForecastMethod.AUTO, AutoForecaster.refitMethod(r));
  }

  @Test
  void programmerErrorsStillThrow() {
    assertThrows(NullPointerException.class, () -> AutoForecaster.forecast(null, 3));
    assertThrows(IllegalArgumentException.class, () -> AutoForecaster.forecast(new double[] {Double.NaN}, 0));
  }

  @Test
  void theBacktestSkipsOriginsWhoseTrainingWindowHasNoObservedMonth() {
    double[] y = SEASONAL.clone();
    Arrays.fill(y, 0, 24, Double.NaN);
    BacktestResult r = Backtest.run(y, ForecastMethod.AUTO, new BacktestOptions(12, 3, 12, ForecastOptions.defaults()));
    assertEquals(1, r.origins());
    assertEquals(1, r.forecasts().size());
    assertEquals(36, r.forecasts().get(0).origin());
    assertEquals(12, r.points());
    assertTrue(r.notes().contains("origin 12 skipped: fewer than 2 observed training months"), r.notes().toString());
    assertTrue(r.notes().contains("origin 24 skipped: fewer than 2 observed training months"), r.notes().toString());
    assertTrue(Double.isFinite(r.mase()), r.toString());
  }

  @Test
  void aBacktestWithNoUsableOriginScoresNaNOverNoOrigins() {
    double[] y = new double[48];
    Arrays.fill(y, Double.NaN);
    BacktestResult r = Backtest.run(y, ForecastMethod.AUTO, new BacktestOptions(12, 3, 3, ForecastOptions.defaults()));
    assertEquals(0, r.origins());
    assertEquals(0, r.points());
    assertEquals(List.of(), r.forecasts());
    assertEquals(List.of(), r.models());
    for (double score : new double[] {r.mase(), r.smape(), r.coverage80(), r.coverage95(), r.winkler95()}) {
      assertTrue(Double.isNaN(score), r.toString());
    }
    assertTrue(Arrays.stream(r.maseByHorizon()).allMatch(Double::isNaN));
    assertEquals(3, r.notes().size(), r.notes().toString());
  }

  @Test
  void theBacktestScoresTheFallbackWhereTheFixedModelHasNoFiniteRefit() {
    BacktestResult r = Backtest.run(NYG, ForecastMethod.AUTO,
        new BacktestOptions(12, 3, 3, ForecastOptions.defaults().withEtsModel(MULTIPLICATIVE)));
    assertEquals(3, r.origins());
    assertEquals(List.of("SeasonalNaive", "SeasonalNaive", MULTIPLICATIVE), r.models());
    assertArrayEquals(Arrays.copyOfRange(NYG, 17, 29), r.forecasts().get(0).point(), 0);
    assertTrue(r.notes().contains("origin 29: fallback: no finite fit from ETS(A,A,M): seasonal naive forecast "
        + "instead (the last 12 months are observed)"), r.notes().toString());
    assertTrue(Double.isFinite(r.mase()), r.toString());
  }
}
