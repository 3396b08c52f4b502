package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The optimised Theta model on series whose answer is known. */
class ThetaModelTest {
  private static final ForecastOptions THETA = ForecastOptions.defaults().withMethod(ForecastMethod.THETA);

  @Test
  void extendsANoiselessLine() {
    double[] y = new double[40];
    for (int t = 0; t < 40; t++) {
      y[t] = 10 + 2 * t;
    }
    ForecastResult r = AutoForecaster.forecast(y, 12, THETA.withPeriod(1));
    assertEquals("Theta(OTM)", r.modelName());
    for (int h = 1; h <= 12; h++) {
      assertEquals(10 + 2 * (39 + h), r.point()[h - 1], 0.01 * (10 + 2 * (39 + h)), "h=" + h + " within 1%");
    }
  }

  @Test
  void seasonalSeriesIsDeseasonalisedAndReseasonalised() {
    double[] y = SyntheticSeries.multiplicative(48, 400, 0, 0.25, 4, 31L);
    ForecastResult r = AutoForecaster.forecast(y, 12, THETA);
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("seasonality detected")), r.notes().toString());
    for (int h = 1; h <= 12; h++) {
      int t = 48 + h - 1;
      double truth = 400 * (1 + 0.25 * Math.cos(2 * Math.PI * t / 12));
      assertEquals(truth, r.point()[h - 1], 20, "h=" + h + " within 5 noise sd");
    }
  }

  @Test
  void seasonalityTestFollowsThetaf() {
    double[] seasonal = SyntheticSeries.multiplicative(48, 100, 0, 0.3, 1, 1L);
    double[] flat = new double[48];
    java.util.Random random = new java.util.Random(2);
    for (int t = 0; t < 48; t++) {
      flat[t] = 100 + random.nextGaussian();
    }
    assertTrue(ThetaModel.seasonal(seasonal, 12));
    assertFalse(ThetaModel.seasonal(flat, 12));
  }
}
