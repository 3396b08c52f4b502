package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.util.LocalizedFormats;
import org.junit.jupiter.api.Test;

/** The optimiser wrapper keeps the best point seen when BOBYQA gives up. */
class EtsFitterTest {

  /**
   * BOBYQA's "trust region step has failed to reduce Q" (thrown by Commons Math from inside the optimisation)
   * is simulated by an objective that throws that exception on its 10th evaluation, since no small series was
   * found that triggers it on demand. The wrapper must hand back the best point evaluated before it: finite,
   * inside the box, better than the start, and the same point the test saw as best.
   */
  @Test
  void trustRegionFailureKeepsTheBestPointSeen() {
    double[] lower = {1e-4, 1e-4};
    double[] upper = {0.9999, 0.9999};
    double[] start = {0.5, 0.5};
    FailingQuadratic objective = new FailingQuadratic(10);
    double[] result = EtsFitter.minimise(objective, start, lower, upper, 0.1);
    assertEquals(10, objective.evaluations, "the failure was reached");
    for (int i = 0; i < 2; i++) {
      assertTrue(Double.isFinite(result[i]) && result[i] >= lower[i] && result[i] <= upper[i], "inside the box: " + result[i]);
    }
    assertArrayEquals(objective.bestPoint, result, 0, "the best point evaluated before the failure");
    assertTrue(FailingQuadratic.quadratic(result) < FailingQuadratic.quadratic(start), "better than the start");
  }

  @Test
  void withoutAFailureTheMinimumIsFound() {
    double[] result = EtsFitter.minimise(new FailingQuadratic(Integer.MAX_VALUE), new double[] {0.5, 0.5},
        new double[] {1e-4, 1e-4}, new double[] {0.9999, 0.9999}, 0.1);
    assertEquals(0.3, result[0], 1e-4);
    assertEquals(0.6, result[1], 1e-4);
  }

  /** (x - 0.3)^2 + 2 (y - 0.6)^2, failing as BOBYQA does on evaluation number {@code failAt}. */
  private static final class FailingQuadratic implements MultivariateFunction {
    private final int failAt;
    private int evaluations;
    private double bestValue = Double.POSITIVE_INFINITY;
    private double[] bestPoint;

    FailingQuadratic(int failAt) {
      this.failAt = failAt;
    }

    static double quadratic(double[] x) {
      return (x[0] - 0.3) * (x[0] - 0.3) + 2 * (x[1] - 0.6) * (x[1] - 0.6);
    }

    @Override
    public double value(double[] x) {
      if (++evaluations == failAt) {
        throw new MathIllegalStateException(LocalizedFormats.TRUST_REGION_STEP_FAILED, 0.0);
      }
      double v = quadratic(x);
      if (v < bestValue) {
        bestValue = v;
        bestPoint = x.clone();
      }
      return v;
    }
  }
}
