package uk.pophealth.stats.forecast;

import static java.util.Objects.requireNonNull;

/**
 * One member of the additive-error ETS family: its trend, its seasonality and the seasonal period.
 *
 * @param trend  none, additive or additive damped
 * @param season none, additive or multiplicative
 * @param period seasonal period (used only when seasonal)
 */
record EtsSpec(Trend trend, Season season, int period) {
  EtsSpec {
    requireNonNull(trend, "trend is null");
    requireNonNull(season, "season is null");
  }

  String name() {
    return "ETS(A," + trend.code() + "," + season.code() + ")";
  }

  boolean seasonal() {
    return season != Season.NONE;
  }

  boolean hasTrend() {
    return trend != Trend.NONE;
  }

  boolean damped() {
    return trend == Trend.DAMPED;
  }

  /** Linear in its states and errors (no multiplicative seasonality). */
  boolean linear() {
    return season != Season.MULTIPLICATIVE;
  }

  /** Length of the seasonal state buffer: the period, or 1 when not seasonal. */
  int seasonLength() {
    return seasonal() ? period : 1;
  }

  /** alpha, beta, gamma, phi as present. */
  int smoothingCount() {
    return 1 + (hasTrend() ? 1 : 0) + (seasonal() ? 1 : 0) + (damped() ? 1 : 0);
  }

  /** Free initial states: level, trend, and period - 1 seasonal states (the last follows from the others). */
  int stateCount() {
    return 1 + (hasTrend() ? 1 : 0) + (seasonal() ? period - 1 : 0);
  }

  /** Estimated parameters excluding sigma (forecast::ets's npars). */
  int parameterCount() {
    return smoothingCount() + stateCount();
  }

  /**
   * The seasonal states at the start ({@link #seasonLength()} of them) from the free ones, {@code free[from]} ..
   * {@code free[from + period - 2]} being positions 1..period-1: position 0 completes the sum, to 0 when additive
   * and to the period when multiplicative. A model without seasonality has the single state 0.
   */
  double[] initialSeason(double[] free, int from) {
    double[] initial = new double[seasonLength()];
    if (!seasonal()) {
      return initial;
    }
    double sum = 0;
    for (int j = 1; j < period; j++) {
      initial[j] = free[from + j - 1];
      sum += initial[j];
    }
    initial[0] = (season == Season.MULTIPLICATIVE ? period : 0) - sum;
    return initial;
  }

  /** {@link #initialSeason} from free initial states in the order of {@link #stateCount()}: level, trend, season. */
  double[] initialSeason(double[] states) {
    return initialSeason(states, hasTrend() ? 2 : 1);
  }

  /** The initial states from free ones in the order of {@link #stateCount()}: level, trend (if any), season. */
  EtsStates initialStates(double[] free) {
    return new EtsStates(free[0], hasTrend() ? free[1] : 0, initialSeason(free));
  }
}
