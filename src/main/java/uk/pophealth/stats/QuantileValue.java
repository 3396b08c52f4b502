package uk.pophealth.stats;

import static uk.pophealth.core.PopHealthException.checkArgument;

/**
 * One quantile's input to {@link SlopeIndexOfInequality}: its number (1 = most deprived), its population, and its
 * indicator in one of three forms, built by the factories: value with 95% limits, value with a standard error, or a
 * count of events alone. Fields not given are NaN.
 *
 * @param quantile the quantile number; the regression orders quantiles by it (1 first)
 * @param population the quantile's population (> 0)
 * @param value the indicator value, or NaN when built from a count
 * @param lower95 95% lower confidence limit of the value, or NaN
 * @param upper95 95% upper confidence limit of the value, or NaN
 * @param standardError standard error of the value, or NaN; for rates and proportions it is on the log / logit
 *     scale, as in phe_sii
 * @param count events (numerator), or NaN when a value is given
 */
public record QuantileValue(int quantile, double population, double value, double lower95, double upper95,
    double standardError, double count) {
  public QuantileValue {
    checkArgument(Double.isFinite(population) && population > 0,
        "Cannot use quantile %s for SII: population must be > 0 (%s)", quantile, population);
    boolean fromCount = !Double.isNaN(count);
    boolean withLimits = !Double.isNaN(lower95) || !Double.isNaN(upper95);
    boolean withError = !Double.isNaN(standardError);
    checkArgument(fromCount != !Double.isNaN(value),
        "Cannot use quantile %s for SII: give either a value or a count, not both or neither (%s, %s)",
        quantile, value, count);
    checkArgument(fromCount ? !withLimits && !withError : withLimits != withError,
        "Cannot use quantile %s for SII: a value needs either both 95%% limits or a standard error (%s, %s, %s)",
        quantile, lower95, upper95, standardError);
    checkArgument(!withLimits || (lower95 <= value && value <= upper95),
        "Cannot use quantile %s for SII: 95%% limits must surround the value (%s, %s, %s)",
        quantile, lower95, value, upper95);
    checkArgument(!withError || (Double.isFinite(standardError) && standardError >= 0),
        "Cannot use quantile %s for SII: standard error must be >= 0 (%s)", quantile, standardError);
    checkArgument(!fromCount || (Double.isFinite(count) && count >= 0),
        "Cannot use quantile %s for SII: count must be >= 0 (%s)", quantile, count);
  }

  /** A value with its 95% confidence limits (phe_sii's value, lower_cl, upper_cl). */
  public static QuantileValue withLimits(int quantile, double population, double value, double lower95,
      double upper95) {
    return new QuantileValue(quantile, population, value, lower95, upper95, Double.NaN, Double.NaN);
  }

  /** A value with its standard error (phe_sii's value, se). */
  public static QuantileValue withStandardError(int quantile, double population, double value,
      double standardError) {
    return new QuantileValue(quantile, population, value, Double.NaN, Double.NaN, standardError, Double.NaN);
  }

  /** Only a count of events: the value is count / population and its 95% limits Wilson or Byar (see SII). */
  public static QuantileValue fromCount(int quantile, double population, double count) {
    return new QuantileValue(quantile, population, Double.NaN, Double.NaN, Double.NaN, Double.NaN, count);
  }

  boolean isFromCount() {
    return !Double.isNaN(count);
  }

  boolean hasStandardError() {
    return !Double.isNaN(standardError);
  }
}
