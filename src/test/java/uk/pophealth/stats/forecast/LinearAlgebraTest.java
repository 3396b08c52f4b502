package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The small pieces the fitter and the intervals share: Cholesky solves and the initial seasonal states. */
class LinearAlgebraTest {
  /** A symmetric positive definite 3 x 3 matrix and its inverse, worked by hand (determinant 4). */
  private static final double[][] A = {{4, 2, 0}, {2, 3, 1}, {0, 1, 1}};
  private static final double[][] A_INVERSE = {{0.5, -0.5, 0.5}, {-0.5, 1, -1}, {0.5, -1, 2}};

  @Test
  void inverseMatchesTheHandWorkedOneAndIsSymmetric() {
    double[][] inverse = Cholesky.inverse(A);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(A_INVERSE[i], inverse[i], 1e-8, "row " + i);
      for (int j = 0; j < 3; j++) {
        assertEquals(inverse[i][j], inverse[j][i], 0.0, "inverse[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void solveMatchesTheHandWorkedSolution() {
    double[] x = new double[3];
    Cholesky.solve(A, new double[] {2, -1, 3}, x);
    assertArrayEquals(new double[] {3, -5, 8}, x, 1e-8);
  }

  @Test
  void initialSeasonCompletesTheSumToZeroWhenAdditiveAndToThePeriodWhenMultiplicative() {
    double[] free = {100, 0.9, 1.2, 0.8};
    EtsSpec additive = new EtsSpec(Trend.NONE, Season.ADDITIVE, 4);
    assertArrayEquals(new double[] {-2.9, 0.9, 1.2, 0.8}, additive.initialSeason(free), 1e-12);
    EtsSpec multiplicative = new EtsSpec(Trend.NONE, Season.MULTIPLICATIVE, 4);
    assertArrayEquals(new double[] {1.1, 0.9, 1.2, 0.8}, multiplicative.initialSeason(free), 1e-12);
    double[] withTrend = {100, 2, 0.9, 1.2, 0.8};
    assertArrayEquals(new double[] {1.1, 0.9, 1.2, 0.8},
        new EtsSpec(Trend.ADDITIVE, Season.MULTIPLICATIVE, 4).initialSeason(withTrend), 1e-12);
    assertArrayEquals(new double[] {-2.9, 0.9, 1.2, 0.8}, additive.initialSeason(new double[] {7, 7, 0.9, 1.2, 0.8}, 2),
        1e-12);
    assertArrayEquals(new double[] {0}, new EtsSpec(Trend.ADDITIVE, Season.NONE, 12).initialSeason(withTrend), 0.0);
  }
}
