package uk.pophealth.stats;

import static uk.pophealth.core.PopHealthException.checkArgument;

import java.util.Optional;

/**
 * Wilson score interval for a proportion, exactly as PHEindicatormethods {@code phe_proportion} (its
 * {@code wilson_lower} / {@code wilson_upper}): with z = qnorm(c + (1 - c) / 2),
 * <pre>
 *   limits = (2x + z^2 -/+ z sqrt(z^2 + 4x(1 - x/n))) / 2 / (n + z^2)
 * </pre>
 * Choices: a denominator of 0 has no proportion and no interval, so {@link Optional#empty()} is returned (R gives
 * NA); 0/n and n/n follow the formula, whose lower limit at x = 0 and upper limit at x = n are 0 and 1 up to
 * rounding, and are pinned to exactly 0 and 1 so no 1e-17 noise reaches a published table.
 */
public final class WilsonInterval {
  private WilsonInterval() {}

  /** Wilson interval for {@code numerator} of {@code denominator} at {@code confidence} (e.g. 0.95, 0.998). */
  public static Optional<ProportionInterval> of(long numerator, long denominator, double confidence) {
    return of((double) numerator, (double) denominator, confidence);
  }

  /** As {@link #of(long, long, double)} for a non-integer numerator or denominator (e.g. weighted counts). */
  public static Optional<ProportionInterval> of(double numerator, double denominator, double confidence) {
    checkArgument(Double.isFinite(numerator) && numerator >= 0,
        "Cannot compute Wilson interval: numerator must be a finite number >= 0 (%s)", numerator);
    checkArgument(Double.isFinite(denominator) && denominator >= 0,
        "Cannot compute Wilson interval: denominator must be a finite number >= 0 (%s)", denominator);
    checkArgument(numerator <= denominator,
        "Cannot compute Wilson interval: numerator must not exceed the denominator (%s > %s)", numerator, denominator);
    double z = Confidence.z(confidence);
    if (denominator == 0) {
      return Optional.empty();
    }
    double x = numerator;
    double n = denominator;
    double spread = z * Math.sqrt(z * z + 4 * x * (1 - (x / n)));
    double lower = x == 0 ? 0 : (2 * x + z * z - spread) / 2 / (n + z * z);
    double upper = x == n ? 1 : (2 * x + z * z + spread) / 2 / (n + z * z);
    return Optional.of(new ProportionInterval(x / n, lower, upper, confidence));
  }
}
