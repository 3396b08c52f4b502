package uk.pophealth.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.CsvRows;
import uk.pophealth.testing.RefData;

class WilsonIntervalTest {
  private static final double FIXTURE_TOLERANCE = 1e-9;

  @Test
  void reproducesAllNineteenPheProportionFixtureRows() throws Exception {
    List<Map<String, String>> rows =
        CsvRows.read(RefData.require("phe_methods_fixtures/wilson_proportion_expected.csv"));
    assertEquals(19, rows.size());
    int computed = 0;
    int withoutInterval = 0;
    for (Map<String, String> row : rows) {
      String area = row.get("Area") + " x" + row.get("multiplier");
      if (row.get("Numerator").isEmpty() || row.get("Denominator").isEmpty()) {
        // phe_proportion gives NA for a missing numerator or denominator: no value and no limits.
        for (String column : List.of("value", "lower95_0cl", "upper95_0cl", "lower99_8cl", "upper99_8cl")) {
          assertEquals("", row.get(column), area + " " + column);
        }
        withoutInterval++;
        continue;
      }
      long numerator = Long.parseLong(row.get("Numerator"));
      long denominator = Long.parseLong(row.get("Denominator"));
      double multiplier = Double.parseDouble(row.get("multiplier"));
      ProportionInterval at95 = WilsonInterval.of(numerator, denominator, 0.95).orElseThrow().scaled(multiplier);
      ProportionInterval at998 = WilsonInterval.of(numerator, denominator, 0.998).orElseThrow().scaled(multiplier);
      assertEquals(number(row, "value"), at95.proportion(), FIXTURE_TOLERANCE, area + " value");
      assertEquals(number(row, "lower95_0cl"), at95.lower(), FIXTURE_TOLERANCE, area + " lower 95");
      assertEquals(number(row, "upper95_0cl"), at95.upper(), FIXTURE_TOLERANCE, area + " upper 95");
      assertEquals(number(row, "lower99_8cl"), at998.lower(), FIXTURE_TOLERANCE, area + " lower 99.8");
      assertEquals(number(row, "upper99_8cl"), at998.upper(), FIXTURE_TOLERANCE, area + " upper 99.8");
      computed++;
    }
    assertEquals(16, computed);
    assertEquals(3, withoutInterval);
  }

  @Test
  void criticalValuesMatchRsQnorm() {
    assertEquals(1.959963984540054, Confidence.z(0.95), 1e-13);
    assertEquals(3.090232306167813, Confidence.z(0.998), 1e-12);
  }

  @Test
  void noneOfNIsZeroToASmallUpperLimit() {
    ProportionInterval interval = WilsonInterval.of(0, 20, 0.95).orElseThrow();
    assertEquals(0.0, interval.proportion());
    assertEquals(0.0, interval.lower());
    // z^2 / (n + z^2) for x = 0, worked by hand: 3.841459 / 23.841459
    assertEquals(3.841458820694124 / 23.841458820694124, interval.upper(), 1e-15);
  }

  @Test
  void allOfNIsOneToALowerLimitBelowOne() {
    ProportionInterval interval = WilsonInterval.of(20, 20, 0.95).orElseThrow();
    assertEquals(1.0, interval.proportion());
    assertEquals(1.0, interval.upper());
    assertEquals(20 / 23.841458820694124, interval.lower(), 1e-15);
  }

  @Test
  void zeroDenominatorHasNoInterval() {
    assertTrue(WilsonInterval.of(0, 0, 0.95).isEmpty());
    assertTrue(WilsonInterval.of(0.0, 0.0, 0.998).isEmpty());
  }

  @Test
  void nonIntegerNumeratorFollowsTheSameFormula() {
    ProportionInterval fractional = WilsonInterval.of(64.5, 100.0, 0.95).orElseThrow();
    ProportionInterval below = WilsonInterval.of(64, 100, 0.95).orElseThrow();
    ProportionInterval above = WilsonInterval.of(65, 100, 0.95).orElseThrow();
    assertEquals(0.645, fractional.proportion(), 1e-15);
    assertTrue(below.lower() < fractional.lower() && fractional.lower() < above.lower());
  }

  @Test
  void badArgumentsAreRejectedNamingTheValue() {
    assertEquals("Cannot compute Wilson interval: numerator must not exceed the denominator (11.0 > 10.0)",
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(11, 10, 0.95)).getMessage());
    assertEquals("Cannot compute Wilson interval: numerator must be a finite number >= 0 (-1.0)",
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 10, 0.95)).getMessage());
    assertEquals("Cannot use confidence level: it must be a fraction strictly between 0 and 1, e.g. 0.95 (95.0)",
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 10, 95)).getMessage());
  }

  private static double number(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
