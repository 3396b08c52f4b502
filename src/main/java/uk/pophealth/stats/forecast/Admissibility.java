package uk.pophealth.stats.forecast;

/**
 * The forecastability test of seasonal ETS models, as {@code forecast:::admissible}: every root of
 * P(z) = phi(1-a-g) + (a+b-a phi+g-1) z + (a+b-a phi)(z^2 + ... + z^(m-1)) + (a+b-phi) z^m + z^(m+1)
 * must lie inside the circle of radius 1 + {@link #TOLERANCE} (undamped models always have the root z = 1).
 * Tested by the Schur-Cohn recursion on P((1 + tolerance) z), which needs no root finding.
 */
final class Admissibility {
  static final double TOLERANCE = 1e-8;

  private Admissibility() {}

  static boolean seasonalAdmissible(double alpha, double beta, double gamma, double phi, int m) {
    return rootsWithin(characteristicPolynomial(alpha, beta, gamma, phi, m), 1 + TOLERANCE);
  }

  /** Coefficients of P(z), constant term first (forecast:::admissible's P). */
  static double[] characteristicPolynomial(double alpha, double beta, double gamma, double phi, int m) {
    double[] p = new double[m + 2];
    p[0] = phi * (1 - alpha - gamma);
    p[1] = alpha + beta - alpha * phi + gamma - 1;
    for (int k = 2; k < m; k++) {
      p[k] = alpha + beta - alpha * phi;
    }
    p[m] = alpha + beta - phi;
    p[m + 1] = 1;
    return p;
  }

  /** True when every root of sum_k c[k] z^k (c[last] != 0) has modulus below radius. */
  static boolean rootsWithin(double[] coefficients, double radius) {
    int degree = coefficients.length - 1;
    double[] a = new double[degree + 1];
    double power = 1;
    for (int k = 0; k <= degree; k++) {
      a[k] = coefficients[k] * power;
      power *= radius;
    }
    while (degree > 0) {
      double lead = a[degree];
      double constant = a[0];
      if (Math.abs(constant) >= Math.abs(lead)) {
        return false;
      }
      double[] next = new double[degree];
      for (int k = 0; k < degree; k++) {
        next[k] = lead * a[k + 1] - constant * a[degree - 1 - k];
      }
      double norm = Math.abs(next[degree - 1]);
      for (int k = 0; k < degree; k++) {
        next[k] /= norm;
      }
      a = next;
      degree--;
    }
    return true;
  }
}
