package uk.pophealth.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.CsvRows;
import uk.pophealth.testing.RefData;

class ProportionFunnelTest {
  private static final double LIMIT_TOLERANCE_PERCENT = 1e-5;
  private static List<Map<String, String>> inputs;
  private static double[] numerators;
  private static double[] denominators;

  @BeforeAll
  static void readInputs() throws Exception {
    inputs = CsvRows.read(RefData.require("phe_methods_fixtures/funnel_proportion_inputs.csv"));
    numerators = inputs.stream().mapToDouble(row -> Double.parseDouble(row.get("numerator"))).toArray();
    denominators = inputs.stream().mapToDouble(row -> Double.parseDouble(row.get("denominator"))).toArray();
  }

  @Test
  void reproducesAllHundredFunnelLimitRows() throws Exception {
    List<Map<String, String>> expected =
        CsvRows.read(RefData.require("phe_methods_fixtures/funnel_proportion_limits_expected.csv"));
    ProportionFunnel funnel = ProportionFunnel.aroundPooled(numerators, denominators);
    List<FunnelLimits> points = funnel.plotPoints(min(denominators), max(denominators));
    assertEquals(100, expected.size());
    assertEquals(100, points.size());
    for (int i = 0; i < expected.size(); i++) {
      Map<String, String> row = expected.get(i);
      FunnelLimits limits = points.get(i);
      String where = "row " + (i + 1) + " population " + row.get("Population");
      assertEquals(Double.parseDouble(row.get("Population")), limits.denominator(), 0.0, where);
      assertPercent(row, "Lower2s0025limit", limits.lower95(), where);
      assertPercent(row, "Upper2s0025limit", limits.upper95(), where);
      assertPercent(row, "Lower3s0001limit", limits.lower998(), where);
      assertPercent(row, "Upper3s0001limit", limits.upper998(), where);
      assertPercent(row, "Baseline", limits.baseline(), where);
    }
  }

  @Test
  void reproducesAllSignificanceLabels() {
    ProportionFunnel funnel = ProportionFunnel.aroundPooled(numerators, denominators);
    assertEquals(303, inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      assertEquals(inputs.get(i).get("significance"),
          funnel.significance(numerators[i], denominators[i]).label(), inputs.get(i).get("Area"));
    }
  }

  @Test
  void limitsNarrowAroundTheAverageAsTheDenominatorGrows() {
    ProportionFunnel funnel = ProportionFunnel.around(0.3);
    FunnelLimits small = funnel.limitsAt(100);
    FunnelLimits large = funnel.limitsAt(100_000);
    assertTrue(small.lower998() < small.lower95() && small.lower95() < 0.3);
    assertTrue(0.3 < small.upper95() && small.upper95() < small.upper998());
    assertTrue(large.upper95() - large.lower95() < small.upper95() - small.lower95());
    // Wilson funnel: at the 95% upper limit the unit's own Wilson lower limit touches the average
    double n = 100;
    double x = small.upper95() * n;
    assertEquals(0.3, WilsonInterval.of(x, n, 0.95).orElseThrow().lower(), 1e-12);
  }

  @Test
  void unitAtTheAverageIsNotSignificantAndFarUnitsAre() {
    ProportionFunnel funnel = ProportionFunnel.around(0.5);
    assertEquals(FunnelSignificance.NOT_SIGNIFICANT, funnel.significance(500, 1000));
    assertEquals(FunnelSignificance.HIGH_0001, funnel.significance(600, 1000));
    assertEquals(FunnelSignificance.LOW_0001, funnel.significance(400, 1000));
    // between the 95% and 99.8% upper lines at n = 1000: 0.5 + about 2.5 standard errors
    assertEquals(FunnelSignificance.HIGH_0025, funnel.significance(540, 1000));
    assertEquals(FunnelSignificance.LOW_0025, funnel.significance(460, 1000));
  }

  @Test
  void rFormatsRoundNumbersInScientificNotationWhenShorter() {
    assertEquals(6, FunnelAxis.rCharacters(108098));
    assertEquals(5, FunnelAxis.rCharacters(100000)); // "1e+05"
    assertEquals(6, FunnelAxis.rCharacters(110000)); // "110000" beats "1.1e+05"
    assertEquals(1, FunnelAxis.rCharacters(0));
    assertEquals(110000.0, FunnelAxis.ceilingSignificant(102950));
    // floor(16386 x 0.95) = 15566 has 5 characters, so it is floored to a multiple of 10^4
    assertEquals(10000.0, FunnelAxis.floorSignificant(16386));
    assertEquals(90000.0, FunnelAxis.floorSignificant(99000));
  }

  @Test
  void badUnitsAreRejectedNamingTheValue() {
    ProportionFunnel funnel = ProportionFunnel.around(0.5);
    assertEquals("Cannot place unit on funnel: denominator must be > 0 (0.0)",
        assertThrows(IllegalArgumentException.class, () -> funnel.significance(0, 0)).getMessage());
    assertEquals("Cannot place unit on funnel: numerator must not exceed denominator (30.0 > 20.0)",
        assertThrows(IllegalArgumentException.class, () -> funnel.significance(30, 20)).getMessage());
  }

  private static void assertPercent(Map<String, String> row, String column, double proportion, String where) {
    assertEquals(Double.parseDouble(row.get(column)), proportion * 100, LIMIT_TOLERANCE_PERCENT, where + " " + column);
  }

  private static double min(double[] values) {
    return java.util.Arrays.stream(values).min().orElseThrow();
  }

  private static double max(double[] values) {
    return java.util.Arrays.stream(values).max().orElseThrow();
  }
}
