package uk.pophealth.stats.forecast;

/**
 * A fitted ETS model on the unit scale of the fitting (the data divided by {@code scale}).
 *
 * @param spec          the model
 * @param parameters    smoothing parameters
 * @param level0        initial level
 * @param trend0        initial trend
 * @param season0       initial seasonal states by position
 * @param sse           sum of squared one-step errors over observed months
 * @param observed      which months are in the likelihood
 * @param y             the observations fitted, on the unit scale
 * @param fitted        one-step forecasts
 * @param finalLevel    level after the last month
 * @param finalTrend    trend after the last month
 * @param finalSeason   seasonal states after the last month, by position t mod period
 * @param scale         divisor that put the data on the unit scale
 */
record EtsFit(EtsSpec spec, EtsParameters parameters, double level0, double trend0, double[] season0, double sse,
    boolean[] observed, double[] y, double[] fitted, double finalLevel, double finalTrend, double[] finalSeason, double scale) {

  /** The states after the last month. */
  EtsStates finalStates() {
    return new EtsStates(finalLevel, finalTrend, finalSeason);
  }

  /** Months in the likelihood. */
  int observedCount() {
    int count = 0;
    for (boolean o : observed) {
      count += o ? 1 : 0;
    }
    return count;
  }

  /** AICc of the Gaussian likelihood in original units (sigma counted as a parameter). */
  double aicc() {
    int n = observedCount();
    int k = spec.parameterCount() + 1;
    double sseOriginal = Math.max(sse, 1e-300) * scale * scale;
    double minusTwoLogLik = n * (Math.log(2 * Math.PI * sseOriginal / n) + 1);
    if (n - k - 1 <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return minusTwoLogLik + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
  }

  /** Residual variance on the unit scale, SSE / (n - parameters) as forecast::ets. */
  double sigma2() {
    return sse / residualDegreesOfFreedom();
  }

  /** n - parameters (at least 1): the divisor of {@link #sigma2()}. */
  int residualDegreesOfFreedom() {
    return Math.max(1, observedCount() - spec.parameterCount());
  }
}
