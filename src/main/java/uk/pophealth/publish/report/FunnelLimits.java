package uk.pophealth.publish.report;

/**
 * Funnel-plot control limits around an average proportion for a unit of a given size, for drawing only:
 * the Wilson score interval of the average at that size (close to the PHE limits at the sizes plotted).
 * The significance flags themselves come from the output table (funnel_flag), never from these curves.
 * TODO: switch to the exact PHE funnel limits in uk.pophealth.stats once that lands.
 */
final class FunnelLimits {
  /** Two-sided 95% and 99.8% normal quantiles. */
  static final double Z95 = 1.959963984540054;
  static final double Z998 = 3.090232306167813;

  private FunnelLimits() {}

  static double lower(double average, double size, double z) {
    return bound(average, size, z, -1);
  }

  static double upper(double average, double size, double z) {
    return bound(average, size, z, +1);
  }

  private static double bound(double average, double size, double z, int sign) {
    double z2 = z * z;
    double centre = average + z2 / (2 * size);
    double spread = z * Math.sqrt(average * (1 - average) / size + z2 / (4 * size * size));
    double value = (centre + sign * spread) / (1 + z2 / size);
    return Math.min(1.0, Math.max(0.0, value));
  }
}
