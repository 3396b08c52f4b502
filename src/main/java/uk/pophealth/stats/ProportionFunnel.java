package uk.pophealth.stats;

import static uk.pophealth.core.PopHealthException.checkArgument;

import java.util.ArrayList;
import java.util.List;

/**
 * Funnel plot for proportions around a parent average, as PHEindicatormethods {@code calculate_funnel_limits}
 * (statistic = "proportion") and {@code assign_funnel_significance}.
 *
 * <p>Method (read from the R source, {@code sigma_adjustment}): the limits are not a plain normal approximation
 * p +/- z sqrt(p(1-p)/n), nor beta/binomial quantiles, but the Wilson-score funnel: for a denominator n the limit is
 * the observed proportion whose Wilson interval at that z just reaches the parent average p. With z = qnorm(P),
 * P = 0.975 for the 95% lines and 0.999 for the 99.8% lines,
 * <pre>
 *   A = p (n/z^2 + 1),  B = 1/z^2 + 1/n,
 *   D = sqrt( (8 A)^2 - 64 B p (n (p (n/z^2 + 2) - 1) + z^2 (p - 1)) ),
 *   limit = ((A -/+ D/8) / B) / n
 * </pre>
 * Choices: R clamps the limits to [0, 100] on its multiplier's scale (the package default multiplier is 100, so
 * [0%, 100%]); here they are clamped to [0, 1], the same lines on the 0-1 scale. The significance test compares the
 * unit's own proportion x/n with the unclamped limits at its own denominator, checking in R's order
 * Low (0.001), Low (0.025), High (0.001), High (0.025), else Not significant. The parent average is
 * sum(numerators) / sum(denominators) over the units (R's {@code average}), or any given target.
 */
public final class ProportionFunnel {
  private static final double P_95 = 0.975;
  private static final double P_998 = 0.999;

  private final double average;

  private ProportionFunnel(double average) {
    this.average = average;
  }

  /** A funnel around a given parent average proportion (0-1). */
  public static ProportionFunnel around(double parentAverage) {
    checkArgument(parentAverage >= 0 && parentAverage <= 1,
        "Cannot build funnel: parent average must be a proportion between 0 and 1 (%s)", parentAverage);
    return new ProportionFunnel(parentAverage);
  }

  /** A funnel around the pooled average of the units: sum(numerators) / sum(denominators). */
  public static ProportionFunnel aroundPooled(double[] numerators, double[] denominators) {
    return around(pooledAverage(numerators, denominators));
  }

  /** sum(numerators) / sum(denominators), after checking each unit as {@code assign_funnel_significance} does. */
  public static double pooledAverage(double[] numerators, double[] denominators) {
    checkArgument(numerators.length == denominators.length,
        "Cannot pool funnel units: numerators and denominators differ in length (%s vs %s)",
        numerators.length, denominators.length);
    checkArgument(numerators.length > 0, "Cannot pool funnel units: there are none (%s)", numerators.length);
    double sumNumerators = 0;
    double sumDenominators = 0;
    for (int i = 0; i < numerators.length; i++) {
      checkUnit(numerators[i], denominators[i]);
      sumNumerators += numerators[i];
      sumDenominators += denominators[i];
    }
    return sumNumerators / sumDenominators;
  }

  public double average() {
    return average;
  }

  /** The four control limits at one denominator, clamped to [0, 1]. */
  public FunnelLimits limitsAt(double denominator) {
    checkArgument(denominator > 0, "Cannot compute funnel limits: denominator must be > 0 (%s)", denominator);
    return new FunnelLimits(denominator,
        Math.max(0, limit(P_95, denominator, false)), Math.min(1, limit(P_95, denominator, true)),
        Math.max(0, limit(P_998, denominator, false)), Math.min(1, limit(P_998, denominator, true)),
        average);
  }

  /** The label for one unit with {@code numerator} of {@code denominator}, as {@code assign_funnel_significance}. */
  public FunnelSignificance significance(double numerator, double denominator) {
    checkUnit(numerator, denominator);
    double value = numerator / denominator;
    if (value < limit(P_998, denominator, false)) {
      return FunnelSignificance.LOW_0001;
    }
    if (value < limit(P_95, denominator, false)) {
      return FunnelSignificance.LOW_0025;
    }
    if (value > limit(P_998, denominator, true)) {
      return FunnelSignificance.HIGH_0001;
    }
    if (value > limit(P_95, denominator, true)) {
      return FunnelSignificance.HIGH_0025;
    }
    return FunnelSignificance.NOT_SIGNIFICANT;
  }

  /**
   * The 100 plotting points of {@code calculate_funnel_limits}: denominators from the axis minimum (1 when the
   * largest unit is more than twice the smallest, otherwise the smallest rounded down) to the rounded-up largest,
   * spaced geometrically, each with its limits.
   */
  public List<FunnelLimits> plotPoints(double smallestDenominator, double largestDenominator) {
    List<FunnelLimits> points = new ArrayList<>(FunnelAxis.POINTS);
    for (double denominator : FunnelAxis.denominators(smallestDenominator, largestDenominator)) {
      points.add(limitsAt(denominator));
    }
    return List.copyOf(points);
  }

  /** R's {@code sigma_adjustment(p, population, average, side, multiplier = 1)}, before clamping. */
  double limit(double probability, double n, boolean high) {
    double z = Confidence.quantile(probability);
    double z2 = z * z;
    double p = average;
    double first = p * (n / z2 + 1);
    double adjustment = Math.sqrt(Math.pow(-8 * p * (n / z2 + 1), 2)
        - 64 * (1 / z2 + 1 / n) * p * (n * (p * (n / z2 + 2) - 1) + z2 * (p - 1)));
    double last = 1 / z2 + 1 / n;
    double limit = high ? (first + adjustment / 8) / last : (first - adjustment / 8) / last;
    return limit / n;
  }

  private static void checkUnit(double numerator, double denominator) {
    checkArgument(numerator >= 0, "Cannot place unit on funnel: numerator must be >= 0 (%s)", numerator);
    checkArgument(denominator > 0, "Cannot place unit on funnel: denominator must be > 0 (%s)", denominator);
    checkArgument(numerator <= denominator,
        "Cannot place unit on funnel: numerator must not exceed denominator (%s > %s)", numerator, denominator);
  }
}
