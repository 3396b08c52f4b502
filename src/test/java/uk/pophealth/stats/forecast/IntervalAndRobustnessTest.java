package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Interval shape, short series, zeros, missing months, level shifts, exclusions, determinism. */
class IntervalAndRobustnessTest {
  private static final double[] SEASONAL = SyntheticSeries.multiplicative(48, 300, 1, 0.15, 8, 21L);

  @ParameterizedTest
  @EnumSource(ForecastMethod.class)
  void intervalsNestAndWidenWithHorizon(ForecastMethod method) {
    ForecastResult r = AutoForecaster.forecast(SEASONAL, 36, ForecastOptions.defaults().withMethod(method));
    double[] l80 = r.lower80();
    double[] u80 = r.upper80();
    double[] l95 = r.lower95();
    double[] u95 = r.upper95();
    double[] p = r.point();
    for (int h = 0; h < 36; h++) {
      assertTrue(l95[h] < l80[h] && l80[h] < p[h] && p[h] < u80[h] && u80[h] < u95[h],
          method + " h=" + (h + 1) + " nests: " + l95[h] + " " + l80[h] + " " + p[h] + " " + u80[h] + " " + u95[h]);
    }
    if (method != ForecastMethod.MEAN) {
      assertTrue(u95[35] - l95[35] > u95[0] - l95[0], method + ": the 95% interval at h=36 is wider than at h=1");
    }
  }

  /**
   * The class-1 variance never falls with h. The initial-state term can (its leverage depends on the month's
   * seasonal position), but on a complete series, where every position is seen equally often, it does so only at
   * rounding level: with smoothing parameters near 0 the model is the regression on trend and seasonal dummies,
   * whose leverage is the same for every month of a forecast year.
   */
  @Test
  void linearEtsIntervalsNeverNarrow() {
    double[] y = SyntheticSeries.additive(48, 100, 0.5, 3, 22L);
    ForecastResult r = AutoForecaster.forecast(y, 36);
    assertTrue(r.modelName().endsWith(",A)") || r.modelName().endsWith(",N)"), r.modelName());
    for (int h = 1; h < 36; h++) {
      double previous = r.upper95()[h - 1] - r.lower95()[h - 1];
      double current = r.upper95()[h] - r.lower95()[h];
      assertTrue(current >= previous * (1 - 1e-6), "h=" + (h + 1));
    }
  }

  @Test
  void veryShortSeriesFallsBackToTheMean() {
    ForecastResult r = AutoForecaster.forecast(new double[] {10, 12, 11, 13, 9}, 4);
    assertEquals("Mean", r.modelName());
    assertEquals(11, r.point()[0], 1e-12);
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("very short series")), r.notes().toString());
  }

  @Test
  void oneObservationGivesAPointAndNoInterval() {
    ForecastResult r = AutoForecaster.forecast(new double[] {Double.NaN, 7}, 2);
    assertEquals(7, r.point()[1], 0);
    assertTrue(Double.isNaN(r.lower95()[0]));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("intervals are NaN")), r.notes().toString());
  }

  @Test
  void underTwoSeasonsNoSeasonalModel() {
    double[] y = java.util.Arrays.copyOf(SEASONAL, 20);
    ForecastResult r = AutoForecaster.forecast(y, 12);
    assertTrue(r.modelName().endsWith(",N)"), r.modelName());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("no seasonal models")), r.notes().toString());
  }

  @Test
  void zerosRuleOutMultiplicativeSeasonality() {
    double[] y = SEASONAL.clone();
    y[5] = 0;
    ForecastResult r = AutoForecaster.forecast(y, 12);
    assertFalse(r.modelName().endsWith(",M)"), r.modelName());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("no multiplicative seasonality")), r.notes().toString());
    assertTrue(java.util.Arrays.stream(r.point()).allMatch(Double::isFinite));
  }

  @Test
  void missingMonthsAreNotedAndForecastsStayFinite() {
    double[] y = SEASONAL.clone();
    y[3] = Double.NaN;
    y[17] = Double.NaN;
    y[18] = Double.NaN;
    for (ForecastMethod method : ForecastMethod.values()) {
      ForecastResult r = AutoForecaster.forecast(y, 12, ForecastOptions.defaults().withMethod(method));
      assertTrue(java.util.Arrays.stream(r.point()).allMatch(Double::isFinite), method.toString());
      assertTrue(r.notes().get(0).startsWith("3 missing month(s)"), r.notes().toString());
      assertEquals(48, r.fitted().length);
    }
  }

  @Test
  void levelShiftIsFollowed() {
    java.util.Random random = new java.util.Random(3);
    double[] y = new double[48];
    for (int t = 0; t < 48; t++) {
      y[t] = (t < 30 ? 100 : 160) + 2 * random.nextGaussian();
    }
    ForecastResult r = AutoForecaster.forecast(y, 6, ForecastOptions.defaults().withPeriod(1));
    assertEquals(160, r.point()[0], 6, "forecast follows the new level: " + r.modelName());
  }

  @Test
  void excludedMonthsActExactlyAsMissing() {
    double[] planted = SEASONAL.clone();
    double[] missing = SEASONAL.clone();
    for (int t = 30; t < 36; t++) {
      planted[t] = 5 * SEASONAL[t];
      missing[t] = Double.NaN;
    }
    ForecastOptions exclude = ForecastOptions.defaults().withExclusions(List.of(new IndexRange(30, 36)));
    for (ForecastMethod method : ForecastMethod.values()) {
      ForecastResult excluded = AutoForecaster.forecast(planted, 12, exclude.withMethod(method));
      ForecastResult asMissing = AutoForecaster.forecast(missing, 12, ForecastOptions.defaults().withMethod(method));
      assertArrayEquals(asMissing.point(), excluded.point(), 1e-9, method.toString());
      assertArrayEquals(asMissing.upper95(), excluded.upper95(), 1e-9, method.toString());
      assertTrue(excluded.notes().stream().anyMatch(n -> n.contains("6 excluded month(s)")), excluded.notes().toString());
    }
  }

  @Test
  void noObservedMonthIsNotForecastRatherThanThrown() {
    ForecastResult r = AutoForecaster.forecast(new double[] {Double.NaN, Double.NaN}, 3);
    assertFalse(r.forecasted());
    assertEquals(ForecastResult.NOT_FORECAST_MODEL, r.modelName());
    assertEquals(List.of("not forecast: no observed month in 2 (all missing, suppressed or excluded)"),
        r.fallbackNotes());
  }

  @Test
  void horizonBelowOneIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AutoForecaster.forecast(SEASONAL, 0));
    assertEquals("Cannot forecast: the horizon must be at least 1 (0)", e.getMessage());
  }

  @Test
  void resultsRepeatAndSurviveSerialisation() throws Exception {
    double[] y = SyntheticSeries.multiplicative(48, 300, 0, 0.3, 2, 23L);
    ForecastResult first = AutoForecaster.forecast(y, 24);
    ForecastResult second = AutoForecaster.forecast(y, 24);
    assertEquals(first, second);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(first);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(first, in.readObject());
    }
  }

  @Test
  void simulatedIntervalsDependOnTheSeedOnly() {
    double[] y = SyntheticSeries.multiplicative(60, 300, 0, 0.3, 2, 24L);
    EtsFit fit = EtsSelection.chooseByAicc(List.of(new EtsSpec(Trend.NONE, Season.MULTIPLICATIVE, 12)),
        PreparedSeries.of(y, ForecastOptions.defaults()));
    ForecastResult a = EtsPrediction.forecast(ForecastMethod.AUTO, fit, 12, 1L, List.of());
    ForecastResult b = EtsPrediction.forecast(ForecastMethod.AUTO, fit, 12, 1L, List.of());
    ForecastResult c = EtsPrediction.forecast(ForecastMethod.AUTO, fit, 12, 2L, List.of());
    assertArrayEquals(a.upper95(), b.upper95(), 0);
    assertFalse(java.util.Arrays.equals(a.upper95(), c.upper95()));
    assertArrayEquals(a.point(), c.point(), 0, "the point forecast is analytic");
  }
}
