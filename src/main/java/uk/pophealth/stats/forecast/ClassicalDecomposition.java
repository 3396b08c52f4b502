package uk.pophealth.stats.forecast;

/**
 * Classical seasonal decomposition as R's {@code stats::decompose}: a centred moving average of order m
 * (2 x m when m is even) as the trend, the mean ratio (or difference) to it per position in the cycle as the
 * seasonal figure, normalised to mean 1 (or 0). Position 0 is the first value of the series.
 */
final class ClassicalDecomposition {
  private ClassicalDecomposition() {}

  /** Seasonal figure of length m; needs at least 2m values (and positive values when multiplicative). */
  static double[] seasonalFigure(double[] x, int m, boolean multiplicative) {
    int n = x.length;
    if (n < 2 * m) {
      throw new IllegalArgumentException("Cannot decompose: fewer than two full seasons (" + n + " < " + 2 * m + ")");
    }
    return figureAround(x, centredMovingAverage(x, m), m, multiplicative);
  }

  /**
   * Mean ratio (or difference) of x to a reference per position in the cycle, skipping NaN references,
   * normalised to mean 1 (or 0).
   */
  static double[] figureAround(double[] x, double[] reference, int m, boolean multiplicative) {
    double[] sum = new double[m];
    int[] count = new int[m];
    for (int t = 0; t < x.length; t++) {
      if (!Double.isNaN(reference[t])) {
        sum[t % m] += multiplicative ? x[t] / reference[t] : x[t] - reference[t];
        count[t % m]++;
      }
    }
    double[] figure = new double[m];
    double mean = 0;
    for (int i = 0; i < m; i++) {
      figure[i] = sum[i] / count[i];
      mean += figure[i] / m;
    }
    for (int i = 0; i < m; i++) {
      figure[i] = multiplicative ? figure[i] / mean : figure[i] - mean;
    }
    return figure;
  }

  /** Centred moving average (NaN where the window runs off either end). */
  static double[] centredMovingAverage(double[] x, int m) {
    int n = x.length;
    double[] out = new double[n];
    java.util.Arrays.fill(out, Double.NaN);
    int half = m / 2;
    for (int t = half; t + half < n; t++) {
      double sum = 0;
      if (m % 2 == 0) {
        sum += 0.5 * x[t - half] + 0.5 * x[t + half];
        for (int j = -half + 1; j < half; j++) {
          sum += x[t + j];
        }
      } else {
        for (int j = -half; j <= half; j++) {
          sum += x[t + j];
        }
      }
      out[t] = sum / m;
    }
    return out;
  }
}
