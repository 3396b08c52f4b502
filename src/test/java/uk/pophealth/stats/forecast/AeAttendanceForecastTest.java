package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.RefData;

/**
 * Real monthly NHS A&E type-1 attendances (NHSRdatasets, 2016-04 to 2019-03): the 130 organisations with all 36
 * months; fit on the first 24, forecast the last 12. Skips cleanly when ../shared/refdata is absent.
 */
class AeAttendanceForecastTest {
  private static final BacktestOptions HOLDOUT = new BacktestOptions(12, 1, 1, ForecastOptions.defaults());
  private static Map<String, double[]> series;

  @BeforeAll
  static void load() {
    series = AeAttendanceSeries.completeType1(RefData.require("nhs_timeseries/ae_attendances.csv"));
  }

  @Test
  void oneHundredAndThirtyCompleteOrganisations() {
    assertEquals(130, series.size());
  }

  /** The point-accuracy criterion: the chosen model's mean MASE beats seasonal naive. */
  @Test
  void chosenModelBeatsSeasonalNaiveOnMeanMase() {
    HoldoutSummary chosen = summary(ForecastMethod.AUTO);
    HoldoutSummary naive = summary(ForecastMethod.SEASONAL_NAIVE);
    assertTrue(chosen.meanMase() < naive.meanMase(),
        "chosen " + chosen.meanMase() + " vs seasonal naive " + naive.meanMase());
  }

  /** What AICc alone would do on 24 months, and why the seasonality pre-test is there. */
  @Test
  void withoutThePretestAiccRejectsEverySeasonalModel() {
    double seasonalEts = 0;
    double aiccAlone = 0;
    int seasonalChosen = 0;
    for (double[] y : series.values()) {
      double[] training = Arrays.copyOf(y, 24);
      PreparedSeries prepared = PreparedSeries.of(training, ForecastOptions.defaults());
      double scale = Accuracy.seasonalNaiveScale(training, prepared.observed(), 12);
      EtsFit forced = EtsSelection.chooseByAicc(List.of(new EtsSpec(Trend.NONE, Season.ADDITIVE, 12)), prepared);
      List<EtsSpec> every = new java.util.ArrayList<>();
      for (Season season : Season.values()) {
        for (Trend trend : Trend.values()) {
          every.add(new EtsSpec(trend, season, 12));
        }
      }
      EtsFit alone = EtsSelection.chooseByAicc(every, prepared);
      seasonalChosen += alone.spec().seasonal() ? 1 : 0;
      seasonalEts += holdoutMase(y, forced, scale);
      aiccAlone += holdoutMase(y, alone, scale);
    }
    double naive = summary(ForecastMethod.SEASONAL_NAIVE).meanMase();
    assertTrue(seasonalChosen <= 2, seasonalChosen + " series given a seasonal model by AICc alone");
    assertTrue(aiccAlone > naive, "AICc alone " + aiccAlone + " vs seasonal naive " + naive);
    assertTrue(seasonalEts < naive, "ETS(A,N,A) " + seasonalEts + " vs seasonal naive " + naive);
  }

  private static double holdoutMase(double[] y, EtsFit fit, double scale) {
    double[] point = EtsPrediction.forecast(ForecastMethod.AUTO, fit, 12, 1L, List.of()).point();
    double sum = 0;
    for (int h = 0; h < 12; h++) {
      sum += Math.abs(y[24 + h] - point[h]) / scale / 12 / series.size();
    }
    return sum;
  }

  private static HoldoutSummary summary(ForecastMethod method) {
    return HoldoutSummary.of(series.values(), method, HOLDOUT);
  }
}
