package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ETS recovers planted level, trend and seasonality from synthetic series (tolerances in each assertion). */
class EtsRecoveryTest {

  private static EtsFit fit(EtsSpec spec, double[] y) {
    PreparedSeries series = PreparedSeries.of(y, ForecastOptions.defaults());
    return EtsSelection.chooseByAicc(List.of(spec), series);
  }

  @Test
  void additiveTrendAndSeasonRecovered() {
    double[] y = SyntheticSeries.additive(72, 200, 1.5, 2, 11L);
    Map<String, Double> p = EtsPrediction.parameters(fit(new EtsSpec(Trend.ADDITIVE, Season.ADDITIVE, 12), y));
    // planted: level 200 before month 0, slope 1.5 a month, the ADDITIVE_SEASON pattern, noise sd 2
    assertEquals(200, p.get("level0"), 3.0, "initial level within 3 (noise sd 2)");
    assertEquals(1.5, p.get("trend0"), 0.1, "slope within 0.1 a month");
    for (int j = 0; j < 12; j++) {
      assertEquals(SyntheticSeries.ADDITIVE_SEASON[j], p.get("season" + j), 2.0, "seasonal state " + j + " within 2");
    }
    assertEquals(200 + 1.5 * 72, p.get("levelEnd"), 3.0, "final level within 3");
    assertEquals(2, p.get("sigma"), 0.6, "residual sd within 0.6 of the planted 2");
  }

  @Test
  void multiplicativeSeasonRecovered() {
    double[] y = SyntheticSeries.multiplicative(72, 500, 2, 0.2, 3, 12L);
    Map<String, Double> p = EtsPrediction.parameters(fit(new EtsSpec(Trend.ADDITIVE, Season.MULTIPLICATIVE, 12), y));
    for (int j = 0; j < 12; j++) {
      assertEquals(1 + 0.2 * Math.cos(2 * Math.PI * j / 12), p.get("season" + j), 0.03,
          "seasonal index " + j + " within 0.03");
    }
    assertEquals(2, p.get("trend0"), 0.3, "slope within 0.3 a month");
    assertEquals(500, p.get("level0"), 10, "initial level within 10 (2%)");
  }

  @Test
  void autoChoosesATrendedSeasonalModelAndForecastsTheTruth() {
    double[] y = SyntheticSeries.additive(60, 200, 1.5, 2, 13L);
    ForecastResult result = AutoForecaster.forecast(y, 12);
    assertTrue(result.modelName().matches("ETS\\(A,Ad?,[AM]\\)"), "trend and seasonality chosen: " + result.modelName());
    double[] point = result.point();
    for (int h = 1; h <= 12; h++) {
      int t = 60 + h - 1;
      double truth = 200 + 1.5 * (t + 1) + SyntheticSeries.ADDITIVE_SEASON[t % 12];
      assertEquals(truth, point[h - 1], 6.0, "h=" + h + " within 3 noise sd of the truth");
    }
  }

  @Test
  void nonSeasonalTrendChosenWhenThereIsNoSeason() {
    java.util.Random random = new java.util.Random(5);
    double[] y = new double[48];
    for (int t = 0; t < 48; t++) {
      y[t] = 100 + 3 * t + random.nextGaussian();
    }
    ForecastResult result = AutoForecaster.forecast(y, 6);
    assertTrue(result.modelName().matches("ETS\\(A,Ad?,N\\)"), result.modelName());
    assertEquals(100 + 3 * 48, result.point()[0], 3.0, "one step ahead within 3 sd");
  }
}
