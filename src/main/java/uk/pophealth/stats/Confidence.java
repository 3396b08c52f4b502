package uk.pophealth.stats;

import static uk.pophealth.core.PopHealthException.checkArgument;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Two-sided confidence levels and their normal critical values, computed as PHEindicatormethods does. */
final class Confidence {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private Confidence() {}

  /** Checks a two-sided confidence level given as a fraction, e.g. 0.95 or 0.998. */
  static double check(double confidence) {
    checkArgument(confidence > 0 && confidence < 1,
        "Cannot use confidence level: it must be a fraction strictly between 0 and 1, e.g. 0.95 (%s)", confidence);
    return confidence;
  }

  /** z such that P(|Z| < z) = confidence: R's {@code qnorm(confidence + (1 - confidence) / 2)}, same arithmetic. */
  static double z(double confidence) {
    return quantile(check(confidence) + (1 - confidence) / 2);
  }

  /** The standard normal quantile function, R's {@code qnorm(p)}. */
  static double quantile(double p) {
    return STANDARD_NORMAL.inverseCumulativeProbability(p);
  }
}
