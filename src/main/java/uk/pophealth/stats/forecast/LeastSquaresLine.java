package uk.pophealth.stats.forecast;

/** Ordinary least-squares line through (t, x[t - 1]) for t = 1..count: {intercept at t = 0, slope}. */
final class LeastSquaresLine {
  private LeastSquaresLine() {}

  static double[] fit(double[] x, int count) {
    if (count == 1) {
      return new double[] {x[0], 0};
    }
    double meanT = (count + 1) / 2.0;
    double meanX = 0;
    for (int t = 0; t < count; t++) {
      meanX += x[t] / count;
    }
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < count; t++) {
      double dt = (t + 1) - meanT;
      sxy += dt * (x[t] - meanX);
      sxx += dt * dt;
    }
    double slope = sxy / sxx;
    return new double[] {meanX - slope * meanT, slope};
  }
}
