package uk.pophealth.stats.forecast;

/**
 * Solves a small symmetric positive semi-definite system by Cholesky factorisation, with a ridge of 1e-10 times
 * the largest diagonal so that directions the data cannot identify get a zero rather than a blow-up.
 */
final class Cholesky {
  private Cholesky() {}

  /** The Gram matrix of the rows, g[i][j] = rows[i] . rows[j] (the normal equations' matrix of their columns). */
  static double[][] gram(double[][] rows) {
    int p = rows.length;
    double[][] g = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = 0;
        for (int t = 0; t < rows[i].length; t++) {
          sum += rows[i][t] * rows[j][t];
        }
        g[i][j] = sum;
        g[j][i] = sum;
      }
    }
    return g;
  }

  /** Solves a x = b into x; a and b are left unchanged. */
  static void solve(double[][] a, double[] b, double[] x) {
    solveFactored(factor(a), b, x);
  }

  /** Solves l l' x = b into x, l from {@link #factor}: for several right-hand sides against one matrix. */
  static void solveFactored(double[][] l, double[] b, double[] x) {
    int p = b.length;
    double[] z = new double[p];
    for (int i = 0; i < p; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * z[k];
      }
      z[i] = sum / l[i][i];
    }
    for (int i = p - 1; i >= 0; i--) {
      double sum = z[i];
      for (int k = i + 1; k < p; k++) {
        sum -= l[k][i] * x[k];
      }
      x[i] = sum / l[i][i];
    }
  }

  /** The inverse of a (with the ridge), factored once and made exactly symmetric. */
  static double[][] inverse(double[][] a) {
    int p = a.length;
    double[][] l = factor(a);
    double[][] inverse = new double[p][p];
    double[] unit = new double[p];
    double[] column = new double[p];
    for (int j = 0; j < p; j++) {
      java.util.Arrays.fill(unit, 0);
      unit[j] = 1;
      solveFactored(l, unit, column);
      for (int i = 0; i < p; i++) {
        inverse[i][j] = column[i];
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        double mean = (inverse[i][j] + inverse[j][i]) / 2;
        inverse[i][j] = mean;
        inverse[j][i] = mean;
      }
    }
    return inverse;
  }

  /** The lower-triangular factor l of a (with the ridge), a = l l'. */
  static double[][] factor(double[][] a) {
    int p = a.length;
    double maxDiagonal = 0;
    for (int i = 0; i < p; i++) {
      maxDiagonal = Math.max(maxDiagonal, a[i][i]);
    }
    double ridge = 1e-10 * Math.max(maxDiagonal, 1e-300);
    double[][] l = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          sum += ridge;
          l[i][i] = Math.sqrt(Math.max(sum, ridge));
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return l;
  }
}
