package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.RefData;

/**
 * The issue-4 design (fit 24 months, forecast 12) on data the forecasts were never tuned on: total A&amp;E
 * attendances of the 134 NHS trusts with a positive count in all 52 months of healthyr's trust file (April 2021 to
 * July 2025), at five rolling origins four months apart (fit months s..s+23, score s+24..s+35 for s = 0, 4, 8, 12,
 * 16). Every method runs at its defaults; nothing here was chosen on these figures. Skips cleanly when
 * ../shared/refdata is absent.
 */
class TrustAttendanceValidationTest {
  private static final BacktestOptions HOLDOUT = new BacktestOptions(12, 1, 1, ForecastOptions.defaults());
  private static final int[] STARTS = {0, 4, 8, 12, 16};
  private static Map<String, double[]> series;

  @BeforeAll
  static void load() {
    series = TrustAttendanceSeries.completePositive(
        RefData.require("nhs_timeseries/england_trust_accidents_emergency.csv"));
  }

  @Test
  void oneHundredAndThirtyFourTrustsWithEveryMonth() {
    assertEquals(134, series.size());
  }

  /** Both of the criteria, at every origin: mean MASE below seasonal naive's, 95% coverage in 0.90-0.98. */
  @Test
  void chosenModelBeatsSeasonalNaiveAndItsIntervalsCoverNinetyToNinetyEightPercent() {
    double chosenMase = 0;
    double naiveMase = 0;
    double covered95 = 0;
    for (int start : STARTS) {
      HoldoutSummary chosen = HoldoutSummary.of(TrustAttendanceSeries.window(series, start, 36),
          ForecastMethod.AUTO, HOLDOUT);
      HoldoutSummary naive = HoldoutSummary.of(TrustAttendanceSeries.window(series, start, 36),
          ForecastMethod.SEASONAL_NAIVE, HOLDOUT);
      assertTrue(chosen.coverage95() >= 0.90 && chosen.coverage95() <= 0.98,
          "origin " + start + ": coverage95 " + chosen.coverage95());
      chosenMase += chosen.meanMase() / STARTS.length;
      naiveMase += naive.meanMase() / STARTS.length;
      covered95 += chosen.coverage95() / STARTS.length;
    }
    assertTrue(chosenMase < naiveMase, "chosen " + chosenMase + " vs seasonal naive " + naiveMase);
    assertTrue(covered95 >= 0.90 && covered95 <= 0.98, "coverage95 over all origins " + covered95);
  }
}
