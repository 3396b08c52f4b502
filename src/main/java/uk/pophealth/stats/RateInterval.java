package uk.pophealth.stats;

import static uk.pophealth.core.PopHealthException.checkArgument;

import java.util.Optional;
import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * A crude rate (events per population times a multiplier) with confidence limits, exactly as PHEindicatormethods
 * {@code phe_rate}: for 10 or more events Byar's approximation (Breslow &amp; Day 1987),
 * <pre>
 *   lower = x (1 - 1/(9x) - z/(3 sqrt x))^3,   upper = (x+1) (1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3
 * </pre>
 * and for fewer than 10 events the exact Poisson limits {@code qchisq((1-c)/2, 2x)/2} and
 * {@code qchisq(c + (1-c)/2, 2x + 2)/2} (the lower limit for x = 0 is 0), each divided by the population and
 * multiplied by the multiplier. A population of 0 has no rate: {@link Optional#empty()}.
 */
public final class RateInterval {
  /** phe_rate switches from the exact Poisson method to Byar's method at this many events. */
  static final double BYAR_FROM_EVENTS = 10;

  private RateInterval() {}

  /** Rate per {@code multiplier} (e.g. 1,000) with 95% limits. */
  public static Optional<RateEstimate> of(double events, double population, double multiplier) {
    return of(events, population, multiplier, 0.95);
  }

  /** Rate per {@code multiplier} with limits at {@code confidence} (e.g. 0.95, 0.998). */
  public static Optional<RateEstimate> of(double events, double population, double multiplier, double confidence) {
    checkArgument(Double.isFinite(events) && events >= 0,
        "Cannot compute rate interval: events must be a finite number >= 0 (%s)", events);
    checkArgument(Double.isFinite(population) && population >= 0,
        "Cannot compute rate interval: population must be a finite number >= 0 (%s)", population);
    checkArgument(Double.isFinite(multiplier) && multiplier > 0,
        "Cannot compute rate interval: multiplier must be positive (%s)", multiplier);
    Confidence.check(confidence);
    if (population == 0) {
      return Optional.empty();
    }
    double scale = multiplier / population;
    return Optional.of(new RateEstimate(events * scale, lowerEvents(events, confidence) * scale,
        upperEvents(events, confidence) * scale, confidence));
  }

  /** Lower confidence limit for an observed count of events (phe_rate's choice of method by count). */
  static double lowerEvents(double x, double confidence) {
    if (x < BYAR_FROM_EVENTS) {
      return x == 0 ? 0 : chiSquared(2 * x).inverseCumulativeProbability((1 - confidence) / 2) / 2;
    }
    double z = Confidence.z(confidence);
    return x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3);
  }

  /** Upper confidence limit for an observed count of events (phe_rate's choice of method by count). */
  static double upperEvents(double x, double confidence) {
    if (x < BYAR_FROM_EVENTS) {
      return chiSquared(2 * x + 2)
          .inverseCumulativeProbability(confidence + (1 - confidence) / 2) / 2;
    }
    double z = Confidence.z(confidence);
    double y = x + 1;
    return y * Math.pow(1 - 1 / (9 * y) + z / (3 * Math.sqrt(y)), 3);
  }

  /**
   * The chi-squared distribution with {@code degreesOfFreedom}, as the gamma distribution it is (shape k/2, scale
   * 2): the same cumulative probabilities, bracket and solver, so the same quantiles (to the last place or two);
   * but without the random generator ChiSquaredDistribution seeds for its inner gamma on every construction (most
   * of the time of a rate interval, and rate intervals run once per published cell).
   */
  private static GammaDistribution chiSquared(double degreesOfFreedom) {
    return new GammaDistribution(null, degreesOfFreedom / 2, 2);
  }
}
