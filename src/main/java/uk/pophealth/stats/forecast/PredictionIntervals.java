package uk.pophealth.stats.forecast;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * 80% and 95% prediction limits.
 *
 * @param lower80 lower 80% limits
 * @param upper80 upper 80% limits
 * @param lower95 lower 95% limits
 * @param upper95 upper 95% limits
 */
record PredictionIntervals(double[] lower80, double[] upper80, double[] lower95, double[] upper95) {
  /** Standard normal quantiles at 0.90 and 0.975. */
  static final double Z80 = 1.2815515655446004;
  static final double Z95 = 1.959963984540054;

  /** point -/+ z * se; NaN se gives NaN limits. */
  static PredictionIntervals normal(double[] point, double[] se) {
    return symmetric(point, se, Z80, Z95);
  }

  /** point -/+ t * se with Student-t quantiles on the given degrees of freedom. */
  static PredictionIntervals studentT(double[] point, double[] se, int degreesOfFreedom) {
    TDistribution t = new TDistribution(null, degreesOfFreedom);
    return symmetric(point, se, t.inverseCumulativeProbability(0.90), t.inverseCumulativeProbability(0.975));
  }

  static PredictionIntervals symmetric(double[] point, double[] se, double q80, double q95) {
    int h = point.length;
    double[] l80 = new double[h];
    double[] u80 = new double[h];
    double[] l95 = new double[h];
    double[] u95 = new double[h];
    for (int i = 0; i < h; i++) {
      l80[i] = point[i] - q80 * se[i];
      u80[i] = point[i] + q80 * se[i];
      l95[i] = point[i] - q95 * se[i];
      u95[i] = point[i] + q95 * se[i];
    }
    return new PredictionIntervals(l80, u80, l95, u95);
  }

  /** Quantiles (R type 7) of simulated values, samples[h][path]; the rows are sorted in place. */
  static PredictionIntervals fromSamples(double[][] samples) {
    int h = samples.length;
    double[] l80 = new double[h];
    double[] u80 = new double[h];
    double[] l95 = new double[h];
    double[] u95 = new double[h];
    for (int i = 0; i < h; i++) {
      double[] row = samples[i];
      Arrays.sort(row);
      l80[i] = quantile(row, 0.10);
      u80[i] = quantile(row, 0.90);
      l95[i] = quantile(row, 0.025);
      u95[i] = quantile(row, 0.975);
    }
    return new PredictionIntervals(l80, u80, l95, u95);
  }

  static double quantile(double[] sorted, double p) {
    double position = (sorted.length - 1) * p;
    int low = (int) Math.floor(position);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
  }

  /** Applies y -> y * factor[i] + shift[i] to every limit (reseasonalising). */
  PredictionIntervals transform(double[] factor, double[] shift) {
    return new PredictionIntervals(apply(lower80, factor, shift), apply(upper80, factor, shift),
        apply(lower95, factor, shift), apply(upper95, factor, shift));
  }

  private static double[] apply(double[] values, double[] factor, double[] shift) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] * factor[i] + shift[i];
    }
    return out;
  }

  /** The forecast of {@code model} with these limits. */
  ForecastResult toResult(FittedModel model, double[] fitted, double[] point, java.util.List<String> notes) {
    return new ForecastResult(model.method(), model.name(), model.parameters(), model.aicc(), fitted, point, lower80,
        upper80, lower95, upper95, notes);
  }
}
