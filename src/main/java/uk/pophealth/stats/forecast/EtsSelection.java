package uk.pophealth.stats.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The ETS models a series allows, fitted and compared by AICc. Seasonal models need at least two full seasons
 * of observed months; multiplicative seasonality needs every observed value positive; every model needs more
 * than (parameters + 4) observed months, as {@code forecast::ets}. When {@link SeasonalityTest} finds the
 * seasonality significant, only the seasonal models are candidates (the test, not AICc, decides the seasonal
 * family, as {@code auto.arima} decides seasonal differencing by a test); otherwise every allowed model is.
 */
final class EtsSelection {
  static final int MINIMUM_OBSERVED = 7;

  private EtsSelection() {}

  /** Candidate models, adding a note for each family ruled out. */
  static List<EtsSpec> candidates(PreparedSeries series, int period, List<String> notes) {
    List<EtsSpec> out = allowed(series, period, notes);
    List<EtsSpec> seasonal = out.stream().filter(EtsSpec::seasonal).toList();
    if (seasonal.isEmpty()) {
      return out;
    }
    double pValue = SeasonalityTest.pValue(series, period);
    boolean significant = SeasonalityTest.significant(pValue);
    notes.add(String.format("seasonality pre-test (F-test on seasonal dummies with a linear trend): p = %.3g, %s",
        pValue, significant ? "significant at " + SeasonalityTest.LEVEL + ": seasonal models only"
            : "not significant at " + SeasonalityTest.LEVEL + ": all models"));
    return significant ? seasonal : out;
  }

  /**
   * The one model named in {@code model} (e.g. the model chosen on the whole series, refitted at a backtest
   * origin) when the series allows it; otherwise the usual {@link #candidates}, with a note.
   */
  static List<EtsSpec> fixed(String model, PreparedSeries series, int period, List<String> notes) {
    List<String> ruledOut = new ArrayList<>();
    for (EtsSpec spec : allowed(series, period, ruledOut)) {
      if (spec.name().equals(model)) {
        notes.add(model + " fitted as asked (no model choice)");
        return List.of(spec);
      }
    }
    notes.add(model + " asked for but not allowed on this series: model chosen instead");
    return candidates(series, period, notes);
  }

  /** Every model the data allow, adding a note for each family ruled out. */
  private static List<EtsSpec> allowed(PreparedSeries series, int period, List<String> notes) {
    int n = series.observedCount();
    boolean seasonalAllowed = period > 1 && n >= 2 * period;
    if (period > 1 && !seasonalAllowed) {
      notes.add("fewer than two full seasons observed (" + n + " < " + 2 * period + " months): no seasonal models");
    }
    boolean multiplicativeAllowed = seasonalAllowed && series.allPositive();
    if (seasonalAllowed && !multiplicativeAllowed) {
      notes.add("zero or negative values: no multiplicative seasonality");
    }
    List<EtsSpec> out = new ArrayList<>();
    for (Season season : Season.values()) {
      if (season == Season.ADDITIVE && !seasonalAllowed || season == Season.MULTIPLICATIVE && !multiplicativeAllowed) {
        continue;
      }
      for (Trend trend : Trend.values()) {
        EtsSpec spec = new EtsSpec(trend, season, period);
        if (n > spec.parameterCount() + 4) {
          out.add(spec);
        }
      }
    }
    return out;
  }

  /** Fits every candidate and keeps the smallest AICc (the first in order on a tie). */
  static EtsFit chooseByAicc(List<EtsSpec> candidates, PreparedSeries series) {
    double scale = series.scale();
    double[] raw = series.raw();
    double[] y = new double[raw.length];
    double[] filled = new double[raw.length];
    for (int t = 0; t < raw.length; t++) {
      y[t] = series.observed(t) ? raw[t] / scale : 0;
      filled[t] = series.filled()[t] / scale;
    }
    EtsFit best = null;
    for (EtsSpec spec : candidates) {
      EtsFit fit = EtsFitter.fit(spec, y, series.observed(), filled, scale);
      if (Double.isFinite(fit.sse()) && (best == null || fit.aicc() < best.aicc())) {
        best = fit;
      }
    }
    return best;
  }
}
