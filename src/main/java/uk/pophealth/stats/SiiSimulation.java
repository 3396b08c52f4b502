package uk.pophealth.stats;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.KthSelector;

/**
 * phe_sii's SimulationFunc: draw every quantile's value from Normal(value, se) on the sampling scale (log for
 * rates, logit for proportions), optionally back-transform each draw, refit the regression, and read the limits off
 * the sorted draws at positions round(R (1 - c')) and round(R c'), c' = c + (1 - c)/2, 1-based, with R's
 * half-to-even rounding. The draws come from a seeded Well19937c generator (R's own stream cannot be reproduced
 * from Java), filled repetition by repetition, quantile by quantile, as R fills its matrix column by column. Every
 * simulation with the same seed reads the same draws, so they are drawn once per seed ({@link StandardNormals}).
 */
final class SiiSimulation {
  private final double[] slopes;
  private final double[] intercepts;

  private SiiSimulation(double[] slopes, double[] intercepts) {
    this.slopes = slopes;
    this.intercepts = intercepts;
  }

  static SiiSimulation run(SiiRegression regression, double[] means, double[] standardErrors, ValueType backTo,
      int repetitions, long seed) {
    int quantiles = means.length;
    double[] normals = StandardNormals.first(seed, (long) repetitions * quantiles);
    RandomGenerator random = normals == null ? new Well19937c(seed) : null;
    double[] slopes = new double[repetitions];
    double[] intercepts = new double[repetitions];
    double[] draw = new double[quantiles];
    for (int r = 0; r < repetitions; r++) {
      for (int i = 0; i < quantiles; i++) {
        double normal = normals == null ? random.nextGaussian() : normals[r * quantiles + i];
        double sampled = means[i] + standardErrors[i] * normal;
        draw[i] = backTo == null ? sampled : backTo.fromSamplingScale(sampled);
      }
      slopes[r] = regression.slope(draw);
      intercepts[r] = regression.intercept(draw);
    }
    return new SiiSimulation(slopes, intercepts);
  }

  /** The simulated slopes times {@code multiplier}: phe_sii's SII draws. */
  double[] siiDraws(double multiplier) {
    double[] draws = new double[slopes.length];
    for (int r = 0; r < draws.length; r++) {
      draws[r] = multiplier * slopes[r];
    }
    return draws;
  }

  /** (intercept + slope) / intercept per draw, inverted when the multiplier is negative: phe_sii's RII draws. */
  double[] riiDraws(double multiplier) {
    double[] draws = new double[slopes.length];
    for (int r = 0; r < draws.length; r++) {
      double rii = (slopes[r] + intercepts[r]) / intercepts[r];
      draws[r] = multiplier < 0 ? 1 / rii : rii;
    }
    return draws;
  }

  /**
   * {lower, upper} limits at {@code confidence}: the draws' order statistics at those positions, selected in linear
   * time rather than by sorting (the same values: an order statistic does not depend on how it is found).
   */
  static double[] limits(double[] draws, double confidence) {
    double[] work = draws.clone();
    double upperProbability = confidence + (1 - confidence) / 2;
    int n = work.length;
    int lower = clamp((int) Math.rint(n * (1 - upperProbability)), n);
    int upper = clamp((int) Math.rint(n * upperProbability), n);
    if (Arrays.stream(work).anyMatch(Double::isNaN)) {
      // the selector's comparisons do not order NaN; a sort puts it last, as before
      Arrays.sort(work);
      return new double[] {work[lower - 1], work[upper - 1]};
    }
    KthSelector selector = new KthSelector();
    return new double[] {selector.select(work, null, lower - 1), selector.select(work, null, upper - 1)};
  }

  private static int clamp(int position, int n) {
    return Math.max(1, Math.min(n, position));
  }
}
