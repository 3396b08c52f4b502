package uk.pophealth.stats.forecast;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.pophealth.core.PopHealthException;

/**
 * Forecasts one monthly series. Stateless and thread-safe; call it once per series (e.g. inside a Spark
 * {@code mapGroups}).
 *
 * <p>{@link ForecastMethod#AUTO}: the ETS models the data allow (see {@link ForecastOptions}), restricted to the
 * seasonal ones when {@link SeasonalityTest} finds significant seasonality, fitted by maximum likelihood and chosen
 * by AICc; with fewer than {@value EtsSelection#MINIMUM_OBSERVED} observed months the mean
 * forecast instead; a constant series gets ETS(A,N,N) at that constant with zero-width intervals. With
 * {@link ModelSelection#BACKTEST} the AICc-chosen ETS model, Theta, seasonal naive and drift compete on a
 * rolling-origin backtest inside the data (3 origins a month apart, horizon 12) and the lowest MASE wins.
 * Every fallback and choice is written into {@link ForecastResult#notes()}.
 */
public final class AutoForecaster {
  private static final int SELECTION_HORIZON = 12;
  private static final int SELECTION_ORIGINS = 3;

  private AutoForecaster() {}

  /** Forecasts with {@link ForecastOptions#defaults()}. */
  public static ForecastResult forecast(double[] y, int horizon) {
    return forecast(y, horizon, ForecastOptions.defaults());
  }

  /**
   * Forecasts y (NaN = missing month) for h = 1..horizon.
   *
   * @throws PopHealthException (BAD_INPUT) when the series has no observed value
   * @throws IllegalArgumentException when horizon is below 1
   */
  public static ForecastResult forecast(double[] y, int horizon, ForecastOptions options) {
    requireNonNull(y, "y is null");
    requireNonNull(options, "options is null");
    if (horizon < 1) {
      throw new IllegalArgumentException("Cannot forecast: the horizon must be at least 1 (" + horizon + ")");
    }
    PreparedSeries series = PreparedSeries.of(y, options);
    if (series.observedCount() == 0) {
      throw PopHealthException.badInput("Cannot forecast: the series has no observed month (length %d)", y.length);
    }
    List<String> notes = new ArrayList<>(series.notes());
    ForecastMethod method = options.method();
    return switch (method) {
      case AUTO -> options.selection() == ModelSelection.BACKTEST ? byBacktest(y, series, horizon, options, notes)
          : auto(series, horizon, options, notes);
      case THETA -> theta(series, horizon, options, notes);
      case SEASONAL_NAIVE -> Benchmarks.seasonalNaive(method, series, options.period(), horizon, notes);
      case NAIVE -> Benchmarks.naive(method, series, horizon, notes);
      case DRIFT -> Benchmarks.drift(method, series, horizon, notes);
      case MEAN -> Benchmarks.mean(method, series, horizon, notes);
    };
  }

  private static ForecastResult auto(PreparedSeries series, int horizon, ForecastOptions options,
      List<String> notes) {
    if (series.observedCount() < EtsSelection.MINIMUM_OBSERVED) {
      notes.add("very short series (" + series.observedCount() + " observed months < "
          + EtsSelection.MINIMUM_OBSERVED + "): mean forecast instead of ETS");
      return Benchmarks.mean(ForecastMethod.AUTO, series, horizon, notes);
    }
    if (series.constant()) {
      notes.add("constant series: ETS(A,N,N) held at the constant, zero-width intervals");
      return constant(series, horizon, notes);
    }
    List<EtsSpec> candidates = options.etsModel() == null ? EtsSelection.candidates(series, options.period(), notes)
        : EtsSelection.fixed(options.etsModel(), series, options.period(), notes);
    if (candidates.isEmpty()) {
      notes.add("too short for any ETS model: mean forecast instead");
      return Benchmarks.mean(ForecastMethod.AUTO, series, horizon, notes);
    }
    EtsFit best = EtsSelection.chooseByAicc(candidates, series);
    notes.add(best.spec().name() + " chosen by AICc among " + candidates.size() + " ETS model(s)");
    return EtsPrediction.forecast(ForecastMethod.AUTO, best, horizon, options.seed(), notes);
  }

  private static ForecastResult theta(PreparedSeries series, int horizon, ForecastOptions options,
      List<String> notes) {
    if (series.observedCount() < ThetaModel.MINIMUM_OBSERVED || series.constant()) {
      notes.add((series.constant() ? "constant series" : "very short series (" + series.observedCount()
          + " observed months)") + ": mean forecast instead of Theta");
      return Benchmarks.mean(ForecastMethod.THETA, series, horizon, notes);
    }
    return ThetaModel.forecast(ForecastMethod.THETA, series, options.period(), horizon, notes);
  }

  private static ForecastResult constant(PreparedSeries series, int horizon, List<String> notes) {
    double value = Double.NaN;
    for (int t = 0; t < series.length() && Double.isNaN(value); t++) {
      value = series.observed(t) ? series.raw()[t] : Double.NaN;
    }
    double[] point = new double[horizon];
    Arrays.fill(point, value);
    double[] fitted = new double[series.length()];
    Arrays.fill(fitted, value);
    Map<String, Double> parameters = new LinkedHashMap<>();
    parameters.put("alpha", EtsParameters.UPPER);
    parameters.put("level0", value);
    parameters.put("levelEnd", value);
    parameters.put("sigma", 0.0);
    return new PredictionIntervals(point, point, point, point)
        .toResult(ForecastMethod.AUTO, new EtsSpec(Trend.NONE, Season.NONE, 1).name(), parameters, Double.NaN,
            fitted, point, notes);
  }

  private static ForecastResult byBacktest(double[] y, PreparedSeries series, int horizon, ForecastOptions options,
      List<String> notes) {
    ForecastOptions inner = options.withSelection(ModelSelection.AICC);
    int needed = 2 * options.period() + SELECTION_HORIZON + SELECTION_ORIGINS - 1;
    if (y.length < needed) {
      notes.add("too short to choose by backtest (" + y.length + " < " + needed + " months): AICc choice");
      return auto(series, horizon, inner, notes);
    }
    BacktestOptions selection = new BacktestOptions(SELECTION_HORIZON, SELECTION_ORIGINS, 1, inner);
    ForecastMethod[] contenders = {ForecastMethod.AUTO, ForecastMethod.THETA, ForecastMethod.SEASONAL_NAIVE,
        ForecastMethod.DRIFT};
    ForecastMethod winner = ForecastMethod.AUTO;
    double winnerMase = Double.POSITIVE_INFINITY;
    StringBuilder scores = new StringBuilder();
    for (ForecastMethod contender : contenders) {
      double mase = Backtest.run(y, contender, selection).mase();
      scores.append(scores.length() == 0 ? "" : ", ").append(contender).append(String.format(" %.3f", mase));
      if (mase < winnerMase) {
        winnerMase = mase;
        winner = contender;
      }
    }
    ForecastResult chosen = forecast(y, horizon, inner.withMethod(winner));
    notes.addAll(chosen.notes().subList(series.notes().size(), chosen.notes().size()));
    notes.add(winner + " chosen by rolling-origin backtest MASE (" + scores + ")");
    return new ForecastResult(ForecastMethod.AUTO, chosen.modelName(), chosen.parameters(), chosen.aicc(),
        chosen.fitted(), chosen.point(), chosen.lower80(), chosen.upper80(), chosen.lower95(), chosen.upper95(), notes);
  }
}
