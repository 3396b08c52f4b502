package uk.pophealth.stats.forecast;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * How to forecast one series.
 *
 * @param method     the method to run ({@link ForecastMethod#AUTO} by default)
 * @param period     the seasonal period in observations (12 for monthly data; 1 turns seasonality off)
 * @param exclusions positions left out of fitting and scoring, treated as missing (e.g. pandemic months)
 * @param selection  how {@link ForecastMethod#AUTO} chooses its model
 * @param seed       seed of the sample paths used for intervals of multiplicative-seasonal models
 */
public record ForecastOptions(ForecastMethod method, int period, List<IndexRange> exclusions,
    ModelSelection selection, long seed) implements Serializable {

  /** Monthly period. */
  public static final int MONTHLY = 12;
  /** Default seed of simulated sample paths. */
  public static final long DEFAULT_SEED = 20_240_401L;

  public ForecastOptions {
    requireNonNull(method, "method is null");
    requireNonNull(selection, "selection is null");
    exclusions = List.copyOf(requireNonNull(exclusions, "exclusions is null"));
    if (period < 1) {
      throw new IllegalArgumentException(String.format("Cannot forecast: the seasonal period must be at least 1 (%d)", period));
    }
  }

  /** AUTO, monthly, no exclusions, AICc choice, the default seed. */
  public static ForecastOptions defaults() {
    return new ForecastOptions(ForecastMethod.AUTO, MONTHLY, List.of(), ModelSelection.AICC, DEFAULT_SEED);
  }

  public ForecastOptions withMethod(ForecastMethod newMethod) {
    return new ForecastOptions(newMethod, period, exclusions, selection, seed);
  }

  public ForecastOptions withPeriod(int newPeriod) {
    return new ForecastOptions(method, newPeriod, exclusions, selection, seed);
  }

  public ForecastOptions withExclusions(List<IndexRange> newExclusions) {
    return new ForecastOptions(method, period, newExclusions, selection, seed);
  }

  public ForecastOptions withSelection(ModelSelection newSelection) {
    return new ForecastOptions(method, period, exclusions, newSelection, seed);
  }

  public ForecastOptions withSeed(long newSeed) {
    return new ForecastOptions(method, period, exclusions, selection, newSeed);
  }

  boolean excluded(int index) {
    for (IndexRange range : exclusions) {
      if (range.contains(index)) {
        return true;
      }
    }
    return false;
  }
}
