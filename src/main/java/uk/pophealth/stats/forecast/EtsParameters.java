package uk.pophealth.stats.forecast;

/**
 * ETS smoothing parameters; unused ones are 0 (beta, gamma) or 1 (phi).
 *
 * @param alpha level smoothing
 * @param beta  trend smoothing
 * @param gamma seasonal smoothing
 * @param phi   damping
 */
record EtsParameters(double alpha, double beta, double gamma, double phi) {
  static final double LOWER = 1e-4;
  static final double UPPER = 0.9999;
  static final double PHI_LOWER = 0.8;
  static final double PHI_UPPER = 0.98;

  /**
   * Maps a point of the unit box used by the optimiser to parameters inside the usual region:
   * alpha = z0, beta = alpha z1, gamma = (1 - alpha) z2, phi = 0.8 + 0.18 z3 (entries present as the spec needs).
   */
  static EtsParameters fromBox(EtsSpec spec, double[] z) {
    int k = 0;
    double alpha = z[k++];
    double beta = spec.hasTrend() ? alpha * z[k++] : 0;
    double gamma = spec.seasonal() ? (1 - alpha) * z[k++] : 0;
    double phi = spec.damped() ? PHI_LOWER + (PHI_UPPER - PHI_LOWER) * z[k] : 1;
    return new EtsParameters(alpha, beta, gamma, phi);
  }

  /** Starting point in the box, after forecast:::initparam. */
  static double[] startInBox(EtsSpec spec) {
    double[] z = new double[spec.smoothingCount()];
    int k = 0;
    z[k++] = LOWER + 0.2 * (UPPER - LOWER) / spec.seasonLength();
    if (spec.hasTrend()) {
      z[k++] = 0.1;
    }
    if (spec.seasonal()) {
      z[k++] = 0.05;
    }
    if (spec.damped()) {
      z[k] = 0.99;
    }
    return z;
  }

  static double[] boxLower(EtsSpec spec) {
    double[] lower = new double[spec.smoothingCount()];
    java.util.Arrays.fill(lower, LOWER);
    if (spec.damped()) {
      lower[lower.length - 1] = 0;
    }
    return lower;
  }

  static double[] boxUpper(EtsSpec spec) {
    double[] upper = new double[spec.smoothingCount()];
    java.util.Arrays.fill(upper, UPPER);
    if (spec.damped()) {
      upper[upper.length - 1] = 1;
    }
    return upper;
  }

  /** Admissible (forecastable) as forecast:::admissible; non-seasonal models in the usual region always are. */
  boolean admissible(EtsSpec spec) {
    return !spec.seasonal() || Admissibility.seasonalAdmissible(alpha, beta, gamma, phi, spec.period());
  }
}
