package uk.pophealth.stats.forecast;

/** Which forecasting method a caller asks for. */
public enum ForecastMethod {
  /**
   * ETS chosen by AICc among the models the data allow (or, with {@link ModelSelection#BACKTEST}, the best of
   * that ETS model, Theta, seasonal naive and drift by rolling-origin MASE on the training data); falls back to
   * the mean for very short series, and to seasonal naive or the mean when no ETS fit is usable.
   */
  AUTO,
  /** The optimised Theta model (Fiorucci et al. 2016) on the seasonally adjusted series. */
  THETA,
  /** Each month repeats the same month of the last observed year. */
  SEASONAL_NAIVE,
  /** Every month repeats the last value. */
  NAIVE,
  /** Random walk with drift: the line through the first and last observed values, extended. */
  DRIFT,
  /** The mean of the observed values. */
  MEAN
}
