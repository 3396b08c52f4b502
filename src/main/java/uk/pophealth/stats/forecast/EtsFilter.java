package uk.pophealth.stats.forecast;

/**
 * The additive-error ETS recursion (Hyndman et al. 2008, table 2.2) run over a series. Missing months carry the
 * state forward on the one-step forecast (error 0) and add nothing to the sum of squares. The seasonal state
 * for month t sits at {@code t mod m} of a circular buffer. Not thread-safe: one per fit.
 */
final class EtsFilter {
  private final EtsSpec spec;
  private final EtsParameters parameters;
  private final double[] season;
  private double level;
  private double trend;

  EtsFilter(EtsSpec spec, EtsParameters parameters) {
    this.spec = spec;
    this.parameters = parameters;
    this.season = new double[spec.seasonLength()];
  }

  /**
   * Runs the recursion from the given initial states.
   *
   * @param y        observations, or null to run on zeros (the unit responses of the linear profile)
   * @param observed which months count
   * @param start    initial states; the seasonal ones by position (length period), ignored when not seasonal
   * @param errors   if not null, receives one-step errors (0 where not observed)
   * @param fitted   if not null, receives one-step forecasts
   * @return the sum of squared errors, or +infinity when a multiplicative state leaves the positive range
   */
  double run(double[] y, boolean[] observed, EtsStates start, double[] errors, double[] fitted) {
    boolean seasonal = spec.seasonal();
    boolean multiplicative = spec.season() == Season.MULTIPLICATIVE;
    int m = season.length;
    if (seasonal) {
      System.arraycopy(start.season(), 0, season, 0, m);
    }
    double alpha = parameters.alpha();
    double beta = parameters.beta();
    double gamma = parameters.gamma();
    double phi = parameters.phi();
    Trend trendType = spec.trend();
    double l = start.level();
    double b = trendType == Trend.NONE ? 0 : start.trend();
    double sse = 0;
    int position = 0;
    for (int t = 0; t < observed.length; t++) {
      double s = seasonal ? season[position] : (multiplicative ? 1 : 0);
      double damped = trendType == Trend.DAMPED ? phi * b : b;
      double base = l + damped;
      double mu = multiplicative ? base * s : base + s;
      double e = observed[t] ? (y == null ? 0 : y[t]) - mu : 0;
      if (fitted != null) {
        fitted[t] = mu;
      }
      if (errors != null) {
        errors[t] = e;
      }
      sse += e * e;
      if (multiplicative) {
        if (!(s > 0) || !(base > 0)) {
          return Double.POSITIVE_INFINITY;
        }
        l = base + alpha * e / s;
        b = damped + beta * e / s;
        season[position] = s + gamma * e / base;
      } else {
        l = base + alpha * e;
        b = damped + beta * e;
        if (seasonal) {
          season[position] = s + gamma * e;
        }
      }
      if (seasonal && ++position == m) {
        position = 0;
      }
    }
    level = l;
    trend = b;
    return sse;
  }

  /** Level after the last run. */
  double level() {
    return level;
  }

  /** Trend after the last run (0 without trend). */
  double trend() {
    return trend;
  }

  /** Seasonal states after the last run, by position t mod period. */
  double[] season() {
    return season.clone();
  }

  /** The states after the last run. */
  EtsStates states() {
    return new EtsStates(level, trend, season());
  }
}
