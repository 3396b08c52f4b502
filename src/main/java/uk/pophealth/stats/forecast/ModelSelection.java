package uk.pophealth.stats.forecast;

/** How {@link ForecastMethod#AUTO} picks its model. */
public enum ModelSelection {
  /** The ETS model with the smallest AICc (as {@code forecast::ets}). */
  AICC,
  /**
   * The AICc-chosen ETS model, Theta, seasonal naive and drift compete on a rolling-origin backtest inside the
   * training data (MASE, horizons 1..12); the winner is refitted on all of it. Falls back to AICc when the
   * series is too short to hold out a year.
   */
  BACKTEST
}
