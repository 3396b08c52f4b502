package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/** The Schur-Cohn admissibility test agrees with explicit roots (companion-matrix eigenvalues) of the polynomial. */
class AdmissibilityTest {

  @Test
  void agreesWithLaguerreRootsOnRandomParameters() {
    Random random = new Random(99);
    int compared = 0;
    int rejected = 0;
    for (int i = 0; i < 3000; i++) {
      double alpha = random.nextDouble() * 1.6 - 0.3;
      double beta = random.nextDouble() * 0.6 - 0.1;
      double gamma = random.nextDouble() * 1.4 - 0.2;
      double phi = 0.8 + random.nextDouble() * 0.2;
      int m = 12;
      double[] p = Admissibility.characteristicPolynomial(alpha, beta, gamma, phi, m);
      double largest = largestRoot(p);
      if (Math.abs(largest - 1 - Admissibility.TOLERANCE) < 1e-6) {
        continue;
      }
      compared++;
      boolean expected = largest <= 1 + Admissibility.TOLERANCE;
      rejected += expected ? 0 : 1;
      assertEquals(expected, Admissibility.seasonalAdmissible(alpha, beta, gamma, phi, m),
          String.format("alpha=%f beta=%f gamma=%f phi=%f largest root %f", alpha, beta, gamma, phi, largest));
    }
    assertTrue(compared > 2500 && rejected > 100 && rejected < compared - 100,
        "both outcomes exercised: " + compared + " compared, " + rejected + " rejected");
  }

  /** Largest root modulus of a monic polynomial (coefficients from the constant up) via its companion matrix. */
  private static double largestRoot(double[] p) {
    int d = p.length - 1;
    double[][] companion = new double[d][d];
    for (int i = 0; i < d; i++) {
      companion[0][i] = -p[d - 1 - i] / p[d];
      if (i > 0) {
        companion[i][i - 1] = 1;
      }
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(companion, false));
    double largest = 0;
    for (int i = 0; i < d; i++) {
      largest = Math.max(largest, Math.hypot(eigen.getRealEigenvalues()[i], eigen.getImagEigenvalues()[i]));
    }
    return largest;
  }

  @Test
  void usualRegionExampleIsAdmissibleAndAnOutsideOneIsNot() {
    assertTrue(Admissibility.seasonalAdmissible(0.3, 0.05, 0.1, 1, 12));
    assertFalse(Admissibility.seasonalAdmissible(0.3, 0.05, 1.9, 1, 12));
  }
}
