package uk.pophealth.stats.forecast;

/**
 * How far the states after the last month could lie from the fitted ones because the initial states were
 * estimated, for the sample paths of a model without a closed-form variance (multiplicative seasonality). The
 * least-squares initial states x0 have the linearised (Gauss-Newton) covariance sigma^2 (J'J)^-1, J the one-step
 * errors' derivatives in x0; the final states move by M dx0, M their derivatives. {@link #finalStateFactor}
 * returns F = M chol((J'J)^-1), so a path starts from the fitted final states plus sigma F z with z standard
 * normal. For a linear model J and M are exact and the forecast variance this adds is sigma^2 q_h of
 * {@link LinearProfile#forecastLeverage}. Derivatives by central differences at the fitted smoothing parameters.
 *
 * <p>Final states are ordered level, trend, then the seasonal states by position t mod period. Free initial
 * states are level, trend (when present) and seasonal positions 1..m-1; position 0 completes the seasonal sum
 * (to 0 when additive, to m when multiplicative).
 */
final class StateUncertainty {
  private static final double RELATIVE_STEP = 1e-5;

  private StateUncertainty() {}

  /**
   * F, (2 + period) rows by free initial states, or null when the derivatives are not finite (a state left the
   * positive range) or the errors do not identify the initial states.
   */
  static double[][] finalStateFactor(EtsFit fit) {
    EtsSpec spec = fit.spec();
    double[] x0 = freeStates(fit);
    int d = x0.length;
    int n = fit.observed().length;
    int finals = 2 + spec.seasonLength();
    double[][] errorSlopes = new double[d][n];
    double[][] finalSlopes = new double[finals][d];
    double[] errorsUp = new double[n];
    double[] errorsDown = new double[n];
    for (int j = 0; j < d; j++) {
      double step = RELATIVE_STEP * Math.max(Math.abs(x0[j]), 1);
      double[] up = x0.clone();
      double[] down = x0.clone();
      up[j] += step;
      down[j] -= step;
      double[] finalUp = run(fit, up, errorsUp);
      double[] finalDown = run(fit, down, errorsDown);
      if (finalUp == null || finalDown == null) {
        return null;
      }
      for (int t = 0; t < n; t++) {
        errorSlopes[j][t] = (errorsUp[t] - errorsDown[t]) / (2 * step);
      }
      for (int k = 0; k < finals; k++) {
        finalSlopes[k][j] = (finalUp[k] - finalDown[k]) / (2 * step);
      }
    }
    double[][] covariance = Cholesky.inverse(Cholesky.gram(errorSlopes));
    double[][] root = Cholesky.factor(covariance);
    double[][] factor = new double[finals][d];
    for (int k = 0; k < finals; k++) {
      for (int j = 0; j < d; j++) {
        double sum = 0;
        for (int i = j; i < d; i++) {
          sum += finalSlopes[k][i] * root[i][j];
        }
        factor[k][j] = sum;
      }
    }
    for (double[] row : factor) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return null;
        }
      }
    }
    return factor;
  }

  private static double[] freeStates(EtsFit fit) {
    EtsSpec spec = fit.spec();
    double[] x = new double[spec.stateCount()];
    int k = 0;
    x[k++] = fit.level0();
    if (spec.hasTrend()) {
      x[k++] = fit.trend0();
    }
    if (spec.seasonal()) {
      for (int j = 1; j < spec.period(); j++) {
        x[k++] = fit.season0()[j];
      }
    }
    return x;
  }

  /** Runs the fit's model from free initial states x; returns the final states, or null if not finite. */
  private static double[] run(EtsFit fit, double[] x, double[] errors) {
    EtsSpec spec = fit.spec();
    int m = spec.seasonLength();
    EtsFilter filter = new EtsFilter(spec, fit.parameters());
    double sse = filter.run(fit.y(), fit.observed(), spec.initialStates(x), errors, null);
    if (!Double.isFinite(sse)) {
      return null;
    }
    double[] states = new double[2 + m];
    states[0] = filter.level();
    states[1] = filter.trend();
    System.arraycopy(filter.season(), 0, states, 2, m);
    return states;
  }
}
