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
 * @param etsModel   an ETS model for {@link ForecastMethod#AUTO} to fit instead of choosing one, by name (e.g.
 *                   {@code ETS(A,N,A)}, as {@link ForecastResult#modelName()}); null (the default) chooses. A model
 *                   the series does not allow (too short, or not positive for multiplicative seasonality) is
 *                   chosen as usual instead, with a note.
 */
public record ForecastOptions(ForecastMethod method, int period, List<IndexRange> exclusions,
    ModelSelection selection, long seed, String etsModel) implements Serializable {

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
    return new ForecastOptions(ForecastMethod.AUTO, MONTHLY, List.of(), ModelSelection.AICC, DEFAULT_SEED, null);
  }

  public ForecastOptions withMethod(ForecastMethod newMethod) {
    return new ForecastOptions(newMethod, period, exclusions, selection, seed, etsModel);
  }

  public ForecastOptions withPeriod(int newPeriod) {
    return new ForecastOptions(method, newPeriod, exclusions, selection, seed, etsModel);
  }

  public ForecastOptions withExclusions(List<IndexRange> newExclusions) {
    return new ForecastOptions(method, period, newExclusions, selection, seed, etsModel);
  }

  public ForecastOptions withSelection(ModelSelection newSelection) {
    return new ForecastOptions(method, period, exclusions, newSelection, seed, etsModel);
  }

  public ForecastOptions withSeed(long newSeed) {
    return new ForecastOptions(method, period, exclusions, selection, newSeed, etsModel);
  }

  /** Fits this ETS model (by name) instead of choosing one; null chooses again. */
  public ForecastOptions withEtsModel(String newEtsModel) {
    return new ForecastOptions(method, period, exclusions, selection, seed, newEtsModel);
  }

  /** Whether month {@code index} of the series is in an exclusion window (left out of fitting and scoring). */
  boolean excluded(int index) {
    for (IndexRange range : exclusions) {
      if (range.contains(index)) {
        return true;
      }
    }
    return false;
  }
}
