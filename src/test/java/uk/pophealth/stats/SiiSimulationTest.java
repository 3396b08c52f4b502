package uk.pophealth.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The shared draws and the limits of the SII simulation, against a fresh generator and a sort. */
class SiiSimulationTest {

  @Test
  void sharedDrawsAreAFreshGeneratorsDrawsAndGrowInPlace() {
    Well19937c fresh = new Well19937c(42L);
    double[] expected = new double[1001];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = fresh.nextGaussian();
    }
    double[] shorter = StandardNormals.first(42L, 10);
    assertEquals(expected[9], shorter[9]);
    double[] longer = StandardNormals.first(42L, 1001);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], longer[i], "draw " + i);
    }
    assertSame(longer, StandardNormals.first(42L, 500), "a shorter request reads the same stream");
    assertNull(StandardNormals.first(42L, StandardNormals.MAX_CACHED + 1L));
  }

  @Test
  void simulationReadsTheSameDrawsWhetherSharedOrNot() {
    SiiRegression regression = new SiiRegression(new double[] {100, 200, 300, 400});
    double[] means = {1.0, 2.0, 2.5, 4.0};
    double[] errors = {0.1, 0.2, 0.3, 0.4};
    // shared (4 x 1000 draws) and drawn directly (over the cache limit: a fresh generator per simulation)
    SiiSimulation shared = SiiSimulation.run(regression, means, errors, null, 1000, 7L);
    SiiSimulation direct = SiiSimulation.run(regression, means, errors, null, 1_000_001, 7L);
    double[] first = shared.siiDraws(1);
    double[] prefix = java.util.Arrays.copyOf(direct.siiDraws(1), 1000);
    assertArrayEquals(prefix, first);
  }

  @Test
  void limitsAreTheOrderStatisticsASortGives() {
    Well19937c random = new Well19937c(3L);
    double[] draws = new double[10_001];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = random.nextGaussian();
    }
    double[] sorted = draws.clone();
    java.util.Arrays.sort(sorted);
    double[] limits = SiiSimulation.limits(draws, 0.95);
    // positions round(n * 0.025) and round(n * 0.975), 1-based: 250 and 9751
    assertEquals(sorted[249], limits[0]);
    assertEquals(sorted[9750], limits[1]);
    double[] withNaN = {3, Double.NaN, 1, 2};
    // n = 4 at 90%: positions 1 and round(3.8) = 4, where a sort puts NaN
    assertArrayEquals(new double[] {1, Double.NaN}, SiiSimulation.limits(withNaN, 0.9));
  }
}
