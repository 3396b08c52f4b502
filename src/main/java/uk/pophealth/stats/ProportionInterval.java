package uk.pophealth.stats;

import static uk.pophealth.core.PopHealthException.checkArgument;

/**
 * A proportion with its confidence limits, all on the same scale (0-1 unless {@link #scaled} to a percentage).
 *
 * @param proportion numerator / denominator (times the scale)
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 * @param confidence the two-sided confidence level of the limits, as a fraction (e.g. 0.95)
 */
public record ProportionInterval(double proportion, double lower, double upper, double confidence) {
  public ProportionInterval {
    checkArgument(lower <= proportion && proportion <= upper,
        "Cannot build proportion interval: limits must surround the proportion (%s, %s, %s)", lower, proportion, upper);
  }

  /** The same interval multiplied by {@code multiplier}, e.g. 100 for a percentage (PHE's {@code multiplier}). */
  public ProportionInterval scaled(double multiplier) {
    checkArgument(multiplier > 0, "Cannot scale proportion interval: multiplier must be positive (%s)", multiplier);
    return new ProportionInterval(proportion * multiplier, lower * multiplier, upper * multiplier, confidence);
  }
}
