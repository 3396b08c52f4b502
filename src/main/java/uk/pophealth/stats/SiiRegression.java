package uk.pophealth.stats;

import static uk.pophealth.core.PopHealthException.checkArgument;

/**
 * The weighted regression of phe_sii for one area's quantiles (in quantile order). Each quantile has its share of
 * the population a and its relative rank b, the midpoint of its band of the cumulative population (R's
 * {@code FindXValues}); the model {@code y sqrt(a) = c sqrt(a) + s b sqrt(a)} (R: {@code lm(yvals ~ sqrt_a +
 * b_sqrt_a - 1)}) is fitted by least squares. The fit is linear in y, so the 2 x n matrix (X'X)^-1 X' is built once
 * and reused for every simulated draw, as SimulationFunc does.
 */
final class SiiRegression {
  private final double[] sqrtShare;
  private final double[][] projection;

  SiiRegression(double[] populations) {
    int n = populations.length;
    double total = 0;
    for (double population : populations) {
      total += population;
    }
    sqrtShare = new double[n];
    double[] rankTimesSqrtShare = new double[n];
    double cumulative = 0;
    double sumA = 0;
    double sumAB = 0;
    double sumABB = 0;
    for (int i = 0; i < n; i++) {
      double share = populations[i] / total;
      double midpoint = cumulative + share / 2;
      cumulative += share;
      sqrtShare[i] = Math.sqrt(share);
      rankTimesSqrtShare[i] = midpoint * sqrtShare[i];
      sumA += share;
      sumAB += share * midpoint;
      sumABB += share * midpoint * midpoint;
    }
    double determinant = sumA * sumABB - sumAB * sumAB;
    checkArgument(determinant > 0, "Cannot fit SII regression: the quantile ranks are degenerate (%s)", determinant);
    projection = new double[2][n];
    for (int i = 0; i < n; i++) {
      projection[0][i] = (sumABB * sqrtShare[i] - sumAB * rankTimesSqrtShare[i]) / determinant;
      projection[1][i] = (-sumAB * sqrtShare[i] + sumA * rankTimesSqrtShare[i]) / determinant;
    }
  }

  /** The fitted intercept (value at rank 0) for values {@code y}, one per quantile. */
  double intercept(double[] y) {
    return dot(projection[0], y);
  }

  /** The fitted slope (value at rank 1 minus value at rank 0) for values {@code y}. */
  double slope(double[] y) {
    return dot(projection[1], y);
  }

  private double dot(double[] row, double[] y) {
    double sum = 0;
    for (int i = 0; i < row.length; i++) {
      sum += row[i] * sqrtShare[i] * y[i];
    }
    return sum;
  }
}
