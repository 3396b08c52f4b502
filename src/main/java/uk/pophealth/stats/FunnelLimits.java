package uk.pophealth.stats;

/**
 * Funnel-plot control limits for proportions at one denominator, on the 0-1 scale (multiply by 100 for percent).
 * "95" limits are the 2-sigma (0.025 each side) lines, "998" the 3-sigma (0.001 each side) lines.
 *
 * @param denominator the population (denominator) the limits are for
 * @param lower95 lower 0.025 limit
 * @param upper95 upper 0.025 limit
 * @param lower998 lower 0.001 limit
 * @param upper998 upper 0.001 limit
 * @param baseline the parent average the funnel is drawn around
 */
public record FunnelLimits(double denominator, double lower95, double upper95, double lower998, double upper998,
    double baseline) {}
