package uk.pophealth.stats;

import static java.util.Objects.requireNonNull;
import static uk.pophealth.core.PopHealthException.checkArgument;

/**
 * How to compute an SII/RII; the defaults are phe_sii's (multiplier 1, 100,000 repetitions, 95% confidence,
 * transform = FALSE) plus a fixed seed so that a re-run gives the same confidence limits.
 *
 * @param valueType rate, proportion or other (phe_sii's value_type)
 * @param multiplier scales the SII and its limits (e.g. 1,000 for a rate per 1,000); a negative one flips polarity
 *     and inverts the RII, as in phe_sii
 * @param repetitions simulation draws for the confidence limits (phe_sii requires at least 1,000)
 * @param confidence two-sided level of the SII/RII limits, as a fraction
 * @param transform phe_sii's transform: fit the regression on the log (rate) / logit (proportion) scale and
 *     back-transform; false fits it on the values' own scale and uses the transform only for the errors
 * @param seed seed of the random draws; the same seed and input give the same limits
 */
public record SiiOptions(ValueType valueType, double multiplier, int repetitions, double confidence,
    boolean transform, long seed) {
  public static final int DEFAULT_REPETITIONS = 100_000;
  public static final long DEFAULT_SEED = 20_240_101L;
  /** phe_sii's minimum number of simulation draws. */
  public static final int MINIMUM_REPETITIONS = 1_000;

  public SiiOptions {
    requireNonNull(valueType, "valueType is null");
    checkArgument(Double.isFinite(multiplier) && multiplier != 0,
        "Cannot compute SII: multiplier must be a finite non-zero number (%s)", multiplier);
    checkArgument(repetitions >= MINIMUM_REPETITIONS,
        "Cannot compute SII: repetitions must be at least %s (%s)", MINIMUM_REPETITIONS, repetitions);
    Confidence.check(confidence);
    checkArgument(!transform || valueType != ValueType.NORMAL,
        "Cannot compute SII: transform needs a rate or proportion value type (%s)", valueType);
  }

  /** phe_sii's defaults for {@code valueType}. */
  public static SiiOptions defaults(ValueType valueType) {
    return new SiiOptions(valueType, 1, DEFAULT_REPETITIONS, 0.95, false, DEFAULT_SEED);
  }

  public SiiOptions withMultiplier(double newMultiplier) {
    return new SiiOptions(valueType, newMultiplier, repetitions, confidence, transform, seed);
  }

  public SiiOptions withRepetitions(int newRepetitions) {
    return new SiiOptions(valueType, multiplier, newRepetitions, confidence, transform, seed);
  }

  public SiiOptions withConfidence(double newConfidence) {
    return new SiiOptions(valueType, multiplier, repetitions, newConfidence, transform, seed);
  }

  public SiiOptions withTransform(boolean newTransform) {
    return new SiiOptions(valueType, multiplier, repetitions, confidence, newTransform, seed);
  }

  public SiiOptions withSeed(long newSeed) {
    return new SiiOptions(valueType, multiplier, repetitions, confidence, transform, newSeed);
  }
}
