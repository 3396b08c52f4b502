package uk.pophealth.stats;

import static uk.pophealth.core.PopHealthException.checkArgument;

/**
 * The denominators at which {@code calculate_funnel_limits} draws its 100 points, reproduced with R's own
 * rounding: {@code round} is half-to-even ({@link Math#rint}) and {@code nchar} of a whole number counts the
 * characters R prints, which is scientific notation ("1e+05") when that is shorter than the fixed form.
 */
final class FunnelAxis {
  static final int POINTS = 100;

  private FunnelAxis() {}

  static double[] denominators(double smallest, double largest) {
    checkArgument(smallest > 0 && largest >= smallest,
        "Cannot lay out funnel axis: need 0 < smallest <= largest denominator (%s, %s)", smallest, largest);
    double minimum = largest > 2 * smallest ? 0 : floorSignificant(smallest);
    double maximum = ceilingSignificant(largest);
    double[] points = new double[POINTS];
    points[0] = Math.max(1, minimum);
    for (int j = 2; j <= POINTS; j++) {
      double previous = points[j - 2];
      points[j - 1] = Math.max(Math.rint(Math.pow(maximum / previous, 1.0 / (101 - j)) * previous), previous + 1);
    }
    return points;
  }

  /** R's {@code signif.floor(x, 0.95)}. */
  static double floorSignificant(double x) {
    if (x == 0) {
      return 0;
    }
    int n = rCharacters(Math.floor(x * 0.95)) - 1;
    return Math.floor(x * 0.95 / Math.pow(10, n)) * Math.pow(10, n);
  }

  /** R's {@code signif.ceiling(x, 1.05)}. */
  static double ceilingSignificant(double x) {
    if (x == 0) {
      return 0;
    }
    int n = rCharacters(Math.ceil(x * 1.05)) - 2;
    return Math.ceil(x * 1.05 / Math.pow(10, n)) * Math.pow(10, n);
  }

  /** {@code nchar(w)} in R for a whole number w >= 0: the shorter of its fixed and scientific forms (ties fixed). */
  static int rCharacters(double wholeNumber) {
    String fixed = Long.toString((long) wholeNumber);
    String mantissa = fixed.replaceAll("0+$", "");
    if (mantissa.isEmpty()) {
      return fixed.length();
    }
    int exponent = fixed.length() - 1;
    int scientific = mantissa.length() + (mantissa.length() > 1 ? 1 : 0) + 2 + Math.max(2, Integer.toString(exponent).length());
    return scientific < fixed.length() ? scientific : fixed.length();
  }
}
