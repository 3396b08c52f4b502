package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The F-test for deterministic seasonality, on hand-worked cases. */
class SeasonalityTestTest {

  private static PreparedSeries prepared(double... y) {
    return PreparedSeries.of(y, ForecastOptions.defaults());
  }

  /**
   * Period 2, y = 0, 2, 1, 3, 1: RSS 43/10 with intercept and trend, 4/15 with the dummy added, so
   * F(1, 2) = (43/10 - 4/15) / (4/15 / 2) = 30.25, and with 2 residual degrees of freedom the p-value is
   * P(|t_2| > 5.5) = 1 - 5.5 / sqrt(5.5^2 + 2) (closed form of the t distribution with 2 df).
   */
  @Test
  void pValueByHand() {
    double expected = 1 - 5.5 / Math.sqrt(5.5 * 5.5 + 2);
    assertEquals(expected, SeasonalityTest.pValue(prepared(0, 2, 1, 3, 1), 2), 1e-12);
    assertTrue(SeasonalityTest.significant(expected), "p = " + expected + " < 0.05");
  }

  @Test
  void exactSeasonOnATrendIsSignificant() {
    double[] y = SyntheticSeries.additive(24, 100, 1, 0, 3L);
    double p = SeasonalityTest.pValue(prepared(y), 12);
    assertTrue(p < 1e-12, "p = " + p);
  }

  @Test
  void exactLineHasNoVariationToTestAndIsNotSignificant() {
    double[] y = new double[24];
    for (int t = 0; t < y.length; t++) {
      y[t] = 5 + 2 * t;
    }
    double p = SeasonalityTest.pValue(prepared(y), 12);
    assertTrue(Double.isNaN(p), "p = " + p);
    assertFalse(SeasonalityTest.significant(p));
  }

  @Test
  void aPositionNeverObservedLeavesTheTestUndecided() {
    double[] y = SyntheticSeries.additive(30, 100, 1, 2, 4L);
    y[5] = Double.NaN;
    y[17] = Double.NaN;
    y[29] = Double.NaN;
    assertTrue(Double.isNaN(SeasonalityTest.pValue(prepared(y), 12)));
  }

  @Test
  void tooFewMonthsForTheFullModelLeavesTheTestUndecided() {
    assertTrue(Double.isNaN(SeasonalityTest.pValue(prepared(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13), 12)));
  }

  @Test
  void significantSeasonalityRestrictsTheCandidatesToSeasonalModelsAndSaysSo() {
    double[] y = SyntheticSeries.additive(24, 200, 1.5, 2, 11L);
    List<String> notes = new java.util.ArrayList<>();
    List<EtsSpec> candidates = EtsSelection.candidates(prepared(y), 12, notes);
    assertTrue(!candidates.isEmpty() && candidates.stream().allMatch(EtsSpec::seasonal), candidates.toString());
    assertTrue(notes.stream().anyMatch(n -> n.contains("seasonal models only")), notes.toString());
  }

  @Test
  void noSeasonalityKeepsEveryModel() {
    java.util.Random random = new java.util.Random(9);
    double[] y = new double[24];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + t + random.nextGaussian();
    }
    double p = SeasonalityTest.pValue(prepared(y), 12);
    assertFalse(SeasonalityTest.significant(p), "p = " + p);
    List<EtsSpec> candidates = EtsSelection.candidates(prepared(y), 12, new java.util.ArrayList<>());
    assertTrue(candidates.stream().anyMatch(spec -> !spec.seasonal()), candidates.toString());
  }
}
