package uk.pophealth.stats.forecast;

/** Point and interval accuracy measures used by the backtest. */
final class Accuracy {
  private Accuracy() {}

  /**
   * In-sample MAE of the seasonal-naive forecast (lag m) over pairs of observed months, as the MASE scale of
   * Hyndman and Koehler (2006); lag 1 when no lag-m pair exists. NaN when no pair exists at all.
   */
  static double seasonalNaiveScale(double[] y, boolean[] observed, int m) {
    double scale = meanAbsoluteDifference(y, observed, m);
    return Double.isNaN(scale) && m > 1 ? meanAbsoluteDifference(y, observed, 1) : scale;
  }

  private static double meanAbsoluteDifference(double[] y, boolean[] observed, int lag) {
    double sum = 0;
    int count = 0;
    for (int t = lag; t < y.length; t++) {
      if (observed[t] && observed[t - lag]) {
        sum += Math.abs(y[t] - y[t - lag]);
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** 200 |y - f| / (|y| + |f|), 0 when both are 0. */
  static double smape(double actual, double forecast) {
    double denominator = Math.abs(actual) + Math.abs(forecast);
    return denominator == 0 ? 0 : 200 * Math.abs(actual - forecast) / denominator;
  }

  /** Winkler score of the (1 - level) interval [lower, upper]: width plus (2 / level) times the miss. */
  static double winkler(double actual, double lower, double upper, double level) {
    double score = upper - lower;
    if (actual < lower) {
      score += 2 / level * (lower - actual);
    } else if (actual > upper) {
      score += 2 / level * (actual - upper);
    }
    return score;
  }
}
