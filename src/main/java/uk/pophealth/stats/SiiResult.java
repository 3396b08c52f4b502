package uk.pophealth.stats;

/**
 * Slope and relative index of inequality with their simulated confidence limits.
 *
 * @param sii slope index of inequality: fitted value at the least deprived end (relative rank 1) minus that at the
 *     most deprived end (0), times the multiplier
 * @param siiLower lower confidence limit of the SII
 * @param siiUpper upper confidence limit of the SII
 * @param rii relative index of inequality: fitted value at rank 1 / fitted value at rank 0 (inverted when the
 *     multiplier is negative)
 * @param riiLower lower confidence limit of the RII
 * @param riiUpper upper confidence limit of the RII
 * @param confidence two-sided level of the limits, as a fraction
 */
public record SiiResult(double sii, double siiLower, double siiUpper, double rii, double riiLower, double riiUpper,
    double confidence) {}
