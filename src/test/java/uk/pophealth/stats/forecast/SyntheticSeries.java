package uk.pophealth.stats.forecast;

import java.util.Random;

/** Seeded synthetic monthly series with planted level, trend and seasonality. */
final class SyntheticSeries {
  /** Additive seasonal pattern (sums to zero). */
  static final double[] ADDITIVE_SEASON = {20, 14, 6, -2, -10, -18, -22, -16, -8, 2, 12, 22};

  private SyntheticSeries() {}

  /** y_t = level + slope (t + 1) + season[t mod 12] + N(0, sd^2), so the state before the first month is level. */
  static double[] additive(int n, double level, double slope, double sd, long seed) {
    Random random = new Random(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = level + slope * (t + 1) + ADDITIVE_SEASON[t % 12] + sd * random.nextGaussian();
    }
    return y;
  }

  /** y_t = (level + slope (t + 1)) (1 + amplitude cos(2 pi t / 12)) + N(0, sd^2). */
  static double[] multiplicative(int n, double level, double slope, double amplitude, double sd, long seed) {
    Random random = new Random(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = (level + slope * (t + 1)) * (1 + amplitude * Math.cos(2 * Math.PI * t / 12)) + sd * random.nextGaussian();
    }
    return y;
  }
}
