package uk.pophealth.stats;

import static uk.pophealth.core.PopHealthException.checkArgument;

/**
 * A rate with its confidence limits, all per the same multiplier (e.g. per 1,000 population).
 *
 * @param rate events / population * multiplier
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 * @param confidence the two-sided confidence level of the limits, as a fraction
 */
public record RateEstimate(double rate, double lower, double upper, double confidence) {
  public RateEstimate {
    checkArgument(lower <= rate && rate <= upper,
        "Cannot build rate estimate: limits must surround the rate (%s, %s, %s)", lower, rate, upper);
  }
}
