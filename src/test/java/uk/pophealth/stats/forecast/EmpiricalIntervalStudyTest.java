package uk.pophealth.stats.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-sample multi-step errors behind the figures of {@link EmpiricalIntervalStudy}, on hand-checkable fits. */
class EmpiricalIntervalStudyTest {
  private static final double[] Y = {10, 12, 11, 15, 14, 18, 17, 16, 20, 19, 22, 21, 25, 24};

  /** alpha = 1: the level is the last observation, so e(t, h) = y(t + h) - y(t) (origin 0: minus level0). */
  @Test
  void randomWalkErrorsAreDifferencesAtLagH() {
    EtsSpec spec = new EtsSpec(Trend.NONE, Season.NONE, 1);
    EtsFit fit = fit(spec, new EtsParameters(1, 0, 0, 1), 9, 0, new double[] {0});
    PreparedSeries series = PreparedSeries.of(Y, ForecastOptions.defaults());
    List<List<Double>> errors = EmpiricalIntervalStudy.inSampleErrors(fit, series, 0);
    // h = 3: origins 0..11; origin 0 forecasts level0 = 9 for month 2 (11); origin t >= 1: Y[t + 2] - Y[t - 1]
    assertEquals(12, errors.get(2).size());
    assertEquals(11 - 9, errors.get(2).get(0), 1e-12);
    assertEquals(Y[6] - Y[3], errors.get(2).get(4), 1e-12);
    // t0 = 1 (one free initial state) drops origin 0 only
    assertEquals(Y[3] - Y[0], EmpiricalIntervalStudy.inSampleErrors(fit, series, 1).get(2).get(0), 1e-12);
  }

  /** No smoothing: every origin forecasts level0 + trend0 (t + h) + season0, so errors do not depend on t. */
  @Test
  void frozenStatesGiveTheSameErrorFromEveryOrigin() {
    EtsSpec spec = new EtsSpec(Trend.ADDITIVE, Season.ADDITIVE, 4);
    double[] season0 = {1, -1, 2, -2};
    EtsFit fit = fit(spec, new EtsParameters(0, 0, 0, 1), 10, 1, season0);
    PreparedSeries series = PreparedSeries.of(Y, ForecastOptions.defaults());
    List<List<Double>> errors = EmpiricalIntervalStudy.inSampleErrors(fit, series, spec.stateCount());
    // month 9 (0-based) = level0 + 10 trends + season0[9 mod 4]: 10 + 10 + (-1) = 19; Y[9] = 19
    for (int h = 1; h <= 12; h++) {
      int origin = 9 - h + 1;
      if (origin >= spec.stateCount()) {
        assertEquals(0.0, errors.get(h - 1).get(origin - spec.stateCount()), 1e-12, "h " + h);
      }
    }
    // month 13: 10 + 14 + season0[1] = 23 against 24
    assertEquals(1.0, errors.get(0).get(13 - spec.stateCount()), 1e-12);
  }

  private static EtsFit fit(EtsSpec spec, EtsParameters p, double level0, double trend0, double[] season0) {
    boolean[] observed = new boolean[Y.length];
    Arrays.fill(observed, true);
    return new EtsFit(spec, p, level0, trend0, season0, 1, observed, Y, new double[Y.length], 0, 0, season0, 1);
  }
}
