package uk.pophealth.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateIntervalTest {
  @Test
  void byarLimitsForHundredEventsMatchTheHandComputedFormula() {
    // x = 100, z = 1.959964: lower = 100 (1 - 1/900 - z/30)^3 = 100 x 0.9335568^3 = 81.3621;
    // upper = 101 (1 - 1/909 + z/(3 sqrt 101))^3 = 121.6279. Per 1,000 of 1,000 people: same numbers.
    RateEstimate rate = RateInterval.of(100, 1000, 1000).orElseThrow();
    assertEquals(100.0, rate.rate(), 1e-12);
    assertEquals(81.36210549052788, rate.lower(), 1e-9);
    assertEquals(121.6279375792065, rate.upper(), 1e-9);
    assertEquals(0.95, rate.confidence());
  }

  @Test
  void fewerThanTenEventsUseExactPoissonLimits() {
    // Tabulated exact Poisson 95% limits: 5 events -> 1.6235 to 11.6683; 0 events -> 0 to 3.6889
    RateEstimate five = RateInterval.of(5, 1, 1).orElseThrow();
    assertEquals(1.6234863901184207, five.lower(), 1e-7);
    assertEquals(11.66833207932267, five.upper(), 1e-7);
    RateEstimate none = RateInterval.of(0, 1, 1).orElseThrow();
    assertEquals(0.0, none.lower());
    assertEquals(3.6888794541139354, none.upper(), 1e-7);
  }

  @Test
  void widerAtHigherConfidenceAndScaledByPopulation() {
    RateEstimate at95 = RateInterval.of(40, 20_000, 1000).orElseThrow();
    RateEstimate at998 = RateInterval.of(40, 20_000, 1000, 0.998).orElseThrow();
    assertEquals(2.0, at95.rate(), 1e-12);
    assertTrue(at998.lower() < at95.lower() && at95.upper() < at998.upper());
    assertEquals(RateInterval.lowerEvents(40, 0.95) / 20, at95.lower(), 1e-12);
  }

  @Test
  void zeroPopulationHasNoRateAndBadInputIsRejected() {
    assertTrue(RateInterval.of(0, 0, 1000).isEmpty());
    assertEquals("Cannot compute rate interval: events must be a finite number >= 0 (-2.0)",
        assertThrows(IllegalArgumentException.class, () -> RateInterval.of(-2, 10, 1000)).getMessage());
  }

  @Test
  void exactLimitsAreTheChiSquaredQuantiles() {
    // the same solver over the same distribution function: equal to a few units in the last place
    for (int events = 0; events < 10; events++) {
      double lower = events == 0 ? 0 : new org.apache.commons.math3.distribution.ChiSquaredDistribution(2 * events)
          .inverseCumulativeProbability(0.025) / 2;
      double upper = new org.apache.commons.math3.distribution.ChiSquaredDistribution(2 * events + 2)
          .inverseCumulativeProbability(0.975) / 2;
      assertEquals(lower, RateInterval.lowerEvents(events, 0.95), 1e-12 * lower, "lower, events " + events);
      assertEquals(upper, RateInterval.upperEvents(events, 0.95), 1e-12 * upper, "upper, events " + events);
    }
  }
}
