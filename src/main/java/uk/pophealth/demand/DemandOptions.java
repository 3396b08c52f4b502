package uk.pophealth.demand;

import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import uk.pophealth.config.JobConfig;
import uk.pophealth.core.PopHealthException;

/**
 * How to forecast demand.
 *
 * @param firstMonth      first month of history (the product's series run from here; null for an analyst's series,
 *                        which each run from their own first month)
 * @param lastMonth       last month of history: the forecast origin, and the date whose footprint all history is
 *                        re-based onto (null for an analyst's series)
 * @param horizon         months forecast ahead, 1-36
 * @param excludeFrom     first month left out of fitting and scoring (e.g. the pandemic), or null
 * @param excludeTo       last month left out, or null; given together with excludeFrom
 * @param backtestOrigins rolling origins of the backtest (the last leaves min(horizon, 12) months to score)
 * @param backtestStep    months between consecutive backtest origins
 * @param partitions      Spark tasks the series are fitted in; 0 = three per core of the cluster
 * @param seed            seed of the simulated intervals of multiplicative-seasonal models
 */
public record DemandOptions(YearMonth firstMonth, YearMonth lastMonth, int horizon, YearMonth excludeFrom,
    YearMonth excludeTo, int backtestOrigins, int backtestStep, int partitions, long seed) implements Serializable {
  public static final int MAX_HORIZON = 36;
  /** Longest horizon scored at each backtest origin. */
  public static final int MAX_BACKTEST_HORIZON = 12;
  public static final int DEFAULT_ORIGINS = 3;
  public static final int DEFAULT_STEP = 3;

  public DemandOptions {
    checkHorizon("horizon", horizon);
    checkExclusion("exclusion window", excludeFrom, excludeTo);
    PopHealthException.checkConfig(firstMonth == null || lastMonth == null || !firstMonth.isAfter(lastMonth),
        "Cannot forecast: the first month of history is after the last (%s..%s)", firstMonth, lastMonth);
    PopHealthException.checkConfig(backtestOrigins >= 1 && backtestStep >= 1,
        "Cannot forecast: backtest origins and step must be at least 1 (%d, %d)", backtestOrigins, backtestStep);
    PopHealthException.checkConfig(partitions >= 0, "Cannot forecast: partitions must not be negative (%d)",
        partitions);
  }

  /** History from first to last month; the default horizon and seed, no exclusion, 3 backtest origins 3 months apart. */
  public static DemandOptions of(YearMonth firstMonth, YearMonth lastMonth) {
    return new DemandOptions(firstMonth, lastMonth, JobConfig.DEFAULT_FORECAST_HORIZON, null, null, DEFAULT_ORIGINS,
        DEFAULT_STEP, 0, JobConfig.DEFAULT_SEED);
  }

  /** For an analyst's own series, whose months come with the data. */
  public static DemandOptions forSeries(int horizon) {
    return new DemandOptions(null, null, horizon, null, null, DEFAULT_ORIGINS, DEFAULT_STEP, 0,
        JobConfig.DEFAULT_SEED);
  }

  /**
   * From the job config: history period_from..period_to (YYYY-MM), forecast_horizon, forecast_exclude_from /
   * forecast_exclude_to (YYYY-MM) and seed; a bad value is refused naming its key.
   */
  public static DemandOptions fromConfig(JobConfig config) {
    checkHorizon("forecast_horizon", config.forecastHorizon());
    YearMonth excludeFrom = month("forecast_exclude_from", config.forecastExcludeFrom(), false);
    YearMonth excludeTo = month("forecast_exclude_to", config.forecastExcludeTo(), false);
    checkExclusion("forecast_exclude_from..forecast_exclude_to", excludeFrom, excludeTo);
    return new DemandOptions(month("period_from", config.periodFrom(), true), month("period_to", config.periodTo(), true),
        config.forecastHorizon(), excludeFrom, excludeTo, DEFAULT_ORIGINS, DEFAULT_STEP, 0, config.seed());
  }

  /** BAD_CONFIG naming {@code key} (forecast_horizon, --horizon) unless the horizon is 1-36 months. */
  public static void checkHorizon(String key, int horizon) {
    PopHealthException.checkConfig(horizon >= 1 && horizon <= MAX_HORIZON,
        "Cannot forecast demand: %s must be 1-%d months (%d)", key, MAX_HORIZON, horizon);
  }

  private static void checkExclusion(String key, YearMonth excludeFrom, YearMonth excludeTo) {
    PopHealthException.checkConfig((excludeFrom == null) == (excludeTo == null),
        "Cannot forecast demand: %s needs both ends or neither (%s..%s)", key, excludeFrom, excludeTo);
    PopHealthException.checkConfig(excludeFrom == null || !excludeFrom.isAfter(excludeTo),
        "Cannot forecast demand: %s starts after it ends (%s..%s)", key, excludeFrom, excludeTo);
  }

  /** The same options over another history (e.g. the whole history behind a single-month run). */
  public DemandOptions withHistory(YearMonth newFirstMonth, YearMonth newLastMonth) {
    return new DemandOptions(newFirstMonth, newLastMonth, horizon, excludeFrom, excludeTo, backtestOrigins,
        backtestStep, partitions, seed);
  }

  public DemandOptions withHorizon(int newHorizon) {
    return new DemandOptions(firstMonth, lastMonth, newHorizon, excludeFrom, excludeTo, backtestOrigins, backtestStep,
        partitions, seed);
  }

  public DemandOptions withExclusion(YearMonth from, YearMonth to) {
    return new DemandOptions(firstMonth, lastMonth, horizon, from, to, backtestOrigins, backtestStep, partitions, seed);
  }

  public DemandOptions withBacktest(int origins, int step) {
    return new DemandOptions(firstMonth, lastMonth, horizon, excludeFrom, excludeTo, origins, step, partitions, seed);
  }

  public DemandOptions withPartitions(int newPartitions) {
    return new DemandOptions(firstMonth, lastMonth, horizon, excludeFrom, excludeTo, backtestOrigins, backtestStep,
        newPartitions, seed);
  }

  /** Months scored at each backtest origin: the horizon, at most 12. */
  public int backtestHorizon() {
    return Math.min(horizon, MAX_BACKTEST_HORIZON);
  }

  void requireHistory() {
    PopHealthException.checkConfig(firstMonth != null && lastMonth != null,
        "Cannot forecast demand: the history needs a first and a last month (%s..%s)", firstMonth, lastMonth);
  }

  private static YearMonth month(String key, String value, boolean required) {
    if (value == null) {
      PopHealthException.checkConfig(!required, "Cannot forecast demand: %s is not set (%s)", key, value);
      return null;
    }
    try {
      return YearMonth.parse(value.length() >= 7 ? value.substring(0, 7) : value);
    } catch (DateTimeParseException e) {
      throw PopHealthException.badConfig("Cannot forecast demand: %s is not YYYY-MM (%s)", key, value);
    }
  }
}
