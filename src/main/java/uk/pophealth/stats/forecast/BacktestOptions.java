package uk.pophealth.stats.forecast;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A rolling-origin backtest: the last origin leaves exactly {@code horizon} months to forecast, and each earlier
 * origin is {@code step} months before the next.
 *
 * @param horizon         months forecast from each origin (scored at h = 1..horizon)
 * @param origins         number of forecast origins (fewer are used when the series is too short)
 * @param step            months between consecutive origins
 * @param forecastOptions options of each refit (period, exclusions, selection, seed); the method is set by the run
 */
public record BacktestOptions(int horizon, int origins, int step, ForecastOptions forecastOptions)
    implements Serializable {

  public BacktestOptions {
    requireNonNull(forecastOptions, "forecastOptions is null");
    if (horizon < 1 || origins < 1 || step < 1) {
      throw new IllegalArgumentException(String.format(
          "Cannot backtest: horizon, origins and step must be at least 1 (horizon=%d, origins=%d, step=%d)",
          horizon, origins, step));
    }
  }

  /** Horizon 12, 3 origins 3 months apart, default forecast options. */
  public static BacktestOptions defaults() {
    return new BacktestOptions(12, 3, 3, ForecastOptions.defaults());
  }
}
