package uk.pophealth.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlopeIndexOfInequalityTest {
  private static final double[] UNEQUAL_POPULATIONS = {10, 20, 30, 20, 20};
  /** Midpoints of the cumulative population bands of UNEQUAL_POPULATIONS, by hand: 0.05, 0.2, 0.45, 0.7, 0.9. */
  private static final double[] UNEQUAL_MIDPOINTS = {0.05, 0.2, 0.45, 0.7, 0.9};
  private static final SiiOptions QUICK = SiiOptions.defaults(ValueType.NORMAL).withRepetitions(20_000);

  @Test
  void flatGradientHasNoSlopeAndRiiOne() {
    List<QuantileValue> flat = new ArrayList<>();
    double[] populations = {7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534};
    for (int q = 1; q <= 10; q++) {
      flat.add(QuantileValue.withLimits(q, populations[q - 1], 80, 77, 83));
    }
    SiiResult result = SlopeIndexOfInequality.compute(flat, QUICK);
    assertEquals(0.0, result.sii(), 1e-12);
    assertEquals(1.0, result.rii(), 1e-12);
    assertTrue(result.siiLower() < 0 && 0 < result.siiUpper());
    assertTrue(result.riiLower() < 1 && 1 < result.riiUpper());
  }

  @Test
  void linearGradientOnUnequalPopulationsGivesItsSlope() {
    // value = 5 + 10 x midpoint, so the fitted line is exact: SII = 10, RII = (5 + 10) / 5 = 3
    List<QuantileValue> linear = new ArrayList<>();
    for (int q = 1; q <= 5; q++) {
      double value = 5 + 10 * UNEQUAL_MIDPOINTS[q - 1];
      linear.add(QuantileValue.withStandardError(q, UNEQUAL_POPULATIONS[q - 1], value, 0.5));
    }
    SiiResult result = SlopeIndexOfInequality.compute(linear, QUICK);
    assertEquals(10.0, result.sii(), 1e-9);
    assertEquals(3.0, result.rii(), 1e-9);
    assertTrue(result.siiLower() < result.sii() && result.sii() < result.siiUpper());
    assertTrue(result.riiLower() < result.rii() && result.rii() < result.riiUpper());

    SiiResult flipped = SlopeIndexOfInequality.compute(linear, QUICK.withMultiplier(-1));
    assertEquals(-10.0, flipped.sii(), 1e-9);
    assertEquals(1 / 3.0, flipped.rii(), 1e-9);
    // same draws mirrored; R's positions round(R x 0.025) and round(R x 0.975) pick neighbouring order statistics
    double width = result.siiUpper() - result.siiLower();
    assertEquals(-result.siiUpper(), flipped.siiLower(), 0.01 * width);
    assertEquals(-result.siiLower(), flipped.siiUpper(), 0.01 * width);
  }

  @Test
  void quantilesAreOrderedByNumberNotByListPosition() {
    List<QuantileValue> reversed = new ArrayList<>();
    for (int q = 5; q >= 1; q--) {
      reversed.add(QuantileValue.withStandardError(q, UNEQUAL_POPULATIONS[q - 1], 5 + 10 * UNEQUAL_MIDPOINTS[q - 1], 0.5));
    }
    assertEquals(10.0, SlopeIndexOfInequality.compute(reversed, QUICK).sii(), 1e-9);
  }

  @Test
  void simulatedLimitsMatchTheClosedFormForNormalValues() {
    // Equal deciles, value = 10 + 2 b, se = 1: the slope is OLS on b = 0.05..0.95, Sum (b - mean)^2 = 0.825,
    // so SII = 2, RII = 12/10 and the SII is Normal(2, 1/0.825): 95% limits 2 -/+ 1.959964 x 1.100964 = 2 -/+ 2.15785
    List<QuantileValue> deciles = new ArrayList<>();
    for (int q = 1; q <= 10; q++) {
      double b = (q - 0.5) / 10;
      deciles.add(QuantileValue.withStandardError(q, 1000, 10 + 2 * b, 1));
    }
    SiiResult result = SlopeIndexOfInequality.compute(deciles, SiiOptions.defaults(ValueType.NORMAL));
    assertEquals(2.0, result.sii(), 1e-9);
    assertEquals(1.2, result.rii(), 1e-9);
    assertEquals(2 - 2.15785, result.siiLower(), 0.04);
    assertEquals(2 + 2.15785, result.siiUpper(), 0.04);
  }

  @Test
  void simulationIsSeededAndRepeatable() {
    List<QuantileValue> input = rateDeciles();
    SiiOptions options = SiiOptions.defaults(ValueType.RATE).withMultiplier(1000).withRepetitions(10_000);
    SiiResult first = SlopeIndexOfInequality.compute(input, options);
    SiiResult again = SlopeIndexOfInequality.compute(input, options);
    SiiResult otherSeed = SlopeIndexOfInequality.compute(input, options.withSeed(7));
    assertEquals(first, again);
    assertNotEquals(first.siiLower(), otherSeed.siiLower());
    assertEquals(first.sii(), otherSeed.sii());
    double width = first.siiUpper() - first.siiLower();
    assertEquals(first.siiLower(), otherSeed.siiLower(), 0.05 * width);
    assertEquals(first.siiUpper(), otherSeed.siiUpper(), 0.05 * width);
  }

  @Test
  void countsOnlyRatesUseByarLimitsAndGiveTheSameAsSuppliedLimits() {
    List<QuantileValue> fromCounts = rateDeciles();
    List<QuantileValue> withLimits = new ArrayList<>();
    for (QuantileValue quantile : fromCounts) {
      RateEstimate rate = RateInterval.of(quantile.count(), quantile.population(), 1).orElseThrow();
      withLimits.add(QuantileValue.withLimits(quantile.quantile(), quantile.population(), rate.rate(), rate.lower(),
          rate.upper()));
    }
    SiiOptions options = SiiOptions.defaults(ValueType.RATE).withMultiplier(1000).withRepetitions(5_000);
    SiiResult counted = SlopeIndexOfInequality.compute(fromCounts, options);
    assertEquals(SlopeIndexOfInequality.compute(withLimits, options), counted);
    // rates fall from 30 to 12 per 1,000 across the deciles: a negative SII, RII below 1, inside its interval
    assertTrue(counted.sii() < 0 && counted.rii() < 1);
    assertTrue(counted.siiLower() < counted.sii() && counted.sii() < counted.siiUpper());
    assertTrue(counted.riiLower() < counted.rii() && counted.rii() < counted.riiUpper());
  }

  @Test
  void countsOnlyProportionsUseWilsonLimits() {
    List<QuantileValue> fromCounts = new ArrayList<>();
    List<QuantileValue> withLimits = new ArrayList<>();
    for (int q = 1; q <= 5; q++) {
      double count = 100 + 20 * q;
      fromCounts.add(QuantileValue.fromCount(q, 400, count));
      ProportionInterval wilson = WilsonInterval.of(count, 400, 0.95).orElseThrow();
      withLimits.add(QuantileValue.withLimits(q, 400, wilson.proportion(), wilson.lower(), wilson.upper()));
    }
    SiiOptions options = SiiOptions.defaults(ValueType.PROPORTION).withRepetitions(5_000);
    SiiResult result = SlopeIndexOfInequality.compute(fromCounts, options);
    assertEquals(SlopeIndexOfInequality.compute(withLimits, options), result);
    // proportions 0.30..0.50 step 0.05 on equal quintiles (b = 0.1..0.9): slope 0.05 / 0.2 = 0.25
    assertEquals(0.25, result.sii(), 1e-9);
    assertTrue(result.siiLower() < 0.25 && 0.25 < result.siiUpper());
  }

  @Test
  void transformFitsOnTheLogScaleForRates() {
    // rate = exp(-3 + 0.8 b) exactly: on the log scale the line is exact, so SII = e^(-2.2) - e^(-3), RII = e^0.8
    List<QuantileValue> logLinear = new ArrayList<>();
    for (int q = 1; q <= 5; q++) {
      double rate = Math.exp(-3 + 0.8 * UNEQUAL_MIDPOINTS[q - 1]);
      logLinear.add(QuantileValue.withLimits(q, UNEQUAL_POPULATIONS[q - 1], rate, rate * 0.9, rate * 1.1));
    }
    SiiOptions options = SiiOptions.defaults(ValueType.RATE).withTransform(true).withRepetitions(10_000);
    SiiResult result = SlopeIndexOfInequality.compute(logLinear, options);
    assertEquals(Math.exp(-2.2) - Math.exp(-3), result.sii(), 1e-12);
    assertEquals(Math.exp(0.8), result.rii(), 1e-12);
    assertTrue(result.siiLower() < result.sii() && result.sii() < result.siiUpper());
    assertTrue(result.riiLower() < result.rii() && result.rii() < result.riiUpper());
  }

  @Test
  void badInputIsRejectedNamingTheValue() {
    List<QuantileValue> four = new ArrayList<>();
    for (int q = 1; q <= 4; q++) {
      four.add(QuantileValue.withStandardError(q, 100, q, 1));
    }
    assertEquals("Cannot compute SII: the number of quantiles must be between 5 and 100 (4)",
        assertThrows(IllegalArgumentException.class, () -> SlopeIndexOfInequality.compute(four, QUICK)).getMessage());

    List<QuantileValue> zeroCount = new ArrayList<>(rateDeciles());
    zeroCount.set(3, QuantileValue.fromCount(4, 5000, 0));
    assertEquals("Cannot compute SII: quantile 4 has a value the log scale cannot take (0.0)",
        assertThrows(IllegalArgumentException.class, () -> SlopeIndexOfInequality.compute(zeroCount,
            SiiOptions.defaults(ValueType.RATE).withRepetitions(1000))).getMessage());

    assertEquals("Cannot use quantile 2 for SII: population must be > 0 (0.0)",
        assertThrows(IllegalArgumentException.class, () -> QuantileValue.fromCount(2, 0, 3)).getMessage());
    assertEquals("Cannot compute SII: repetitions must be at least 1000 (999)",
        assertThrows(IllegalArgumentException.class, () -> QUICK.withRepetitions(999)).getMessage());
  }

  /** Ten deciles of 5,000 people with 150 down to 60 events (30 to 12 per 1,000). */
  private static List<QuantileValue> rateDeciles() {
    List<QuantileValue> deciles = new ArrayList<>();
    for (int q = 1; q <= 10; q++) {
      deciles.add(QuantileValue.fromCount(q, 5000, 160 - 10 * q));
    }
    return deciles;
  }
}
