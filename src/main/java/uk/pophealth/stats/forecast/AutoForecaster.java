package uk.pophealth.stats.forecast;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>No data shape makes it throw (a Spark job calls it once per series, and one series must not abort the run):
 * <ul>
 *   <li>a series with no observed month, whatever the method, is not forecast: model
 *       {@value ForecastResult#NOT_FORECAST_MODEL}, every fitted value, point and limit NaN, and a note
 *       ({@link ForecastResult#NOT_FORECAST}) saying why;</li>
 *   <li>in the AUTO path, when no ETS candidate gives a finite fit, when the chosen model's point forecasts are not
 *       finite, or when fitting throws a RuntimeException, the series falls back to seasonal naive where its last
 *       full season is observed, else to the mean, with a note ({@link ForecastResult#FALLBACK}) naming what failed
 *       and the fallback; so does a series too short for ETS (the mean).</li>
 * </ul>
 * Only programmer errors throw: a null argument, or a horizon below 1.
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
   * Forecasts y (NaN = missing month) for h = 1..horizon. A series with no observed month is returned not forecast
   * ({@link ForecastResult#forecasted()} false), never thrown.
   *
   * @throws IllegalArgumentException when horizon is below 1
   */
  public static ForecastResult forecast(double[] y, int horizon, ForecastOptions options) {
    return forecast(y, horizon, options, EtsSelection::chooseByAicc);
  }

  /** How the AUTO path picks its ETS fit among the candidates: {@link EtsSelection#chooseByAicc}, or a test's fake. */
  @FunctionalInterface
  interface EtsChooser {
    /** The chosen fit, or null when no candidate's fit is finite. */
    EtsFit choose(List<EtsSpec> candidates, PreparedSeries series);
  }

  /** As {@link #forecast(double[], int, ForecastOptions)}, the ETS fit chosen by {@code chooser}. */
  static ForecastResult forecast(double[] y, int horizon, ForecastOptions options, EtsChooser chooser) {
    requireNonNull(y, "y is null");
    requireNonNull(options, "options is null");
    requireNonNull(chooser, "chooser is null");
    if (horizon < 1) {
      throw new IllegalArgumentException("Cannot forecast: the horizon must be at least 1 (" + horizon + ")");
    }
    PreparedSeries series = PreparedSeries.of(y, options);
    List<String> notes = new ArrayList<>(series.notes());
    if (series.observedCount() == 0) {
      notes.add(ForecastResult.NOT_FORECAST + "no observed month in " + y.length + " (all missing, suppressed or "
          + "excluded)");
      return notForecast(options.method(), y.length, horizon, notes);
    }
    ForecastMethod method = options.method();
    return switch (method) {
      case AUTO -> options.selection() == ModelSelection.BACKTEST
          ? byBacktest(y, series, horizon, options, notes, chooser) : auto(series, horizon, options, notes, chooser);
      case THETA -> theta(series, horizon, options, notes);
      case SEASONAL_NAIVE -> Benchmarks.seasonalNaive(method, series, options.period(), horizon, notes);
      case NAIVE -> Benchmarks.naive(method, series, horizon, notes);
      case DRIFT -> Benchmarks.drift(method, series, horizon, notes);
      case MEAN -> Benchmarks.mean(method, series, horizon, notes);
    };
  }

  /**
   * The method whose refit at each backtest origin is the model a forecast published: a benchmark's own method when
   * AUTO fell back to seasonal naive, naive or the mean; otherwise AUTO, to be run with the ETS model fixed by name
   * ({@link ForecastOptions#withEtsModel}). On the mean of a very short series both give the same forecasts.
   */
  public static ForecastMethod refitMethod(ForecastResult published) {
    requireNonNull(published, "published is null");
    return switch (published.modelName()) {
      case Benchmarks.SEASONAL_NAIVE_MODEL -> ForecastMethod.SEASONAL_NAIVE;
      case Benchmarks.NAIVE_MODEL -> ForecastMethod.NAIVE;
      case Benchmarks.MEAN_MODEL -> ForecastMethod.MEAN;
      default -> ForecastMethod.AUTO;
    };
  }

  private static ForecastResult auto(PreparedSeries series, int horizon, ForecastOptions options,
      List<String> notes, EtsChooser chooser) {
    if (series.observedCount() < EtsSelection.MINIMUM_OBSERVED) {
      notes.add(ForecastResult.FALLBACK + "very short series (" + series.observedCount() + " observed months < "
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
      notes.add(ForecastResult.FALLBACK + "too short for any ETS model: mean forecast instead");
      return Benchmarks.mean(ForecastMethod.AUTO, series, horizon, notes);
    }
    List<String> etsNotes = new ArrayList<>(notes);
    String failure;
    try {
      EtsFit best = chooser.choose(candidates, series);
      if (best == null) {
        failure = "no finite fit from " + (candidates.size() == 1 ? candidates.get(0).name()
            : "any of " + candidates.size() + " ETS models");
      } else {
        etsNotes.add(best.spec().name() + " chosen by AICc among " + candidates.size() + " ETS model(s)");
        ForecastResult result = EtsPrediction.forecast(ForecastMethod.AUTO, best, horizon, options.seed(), etsNotes);
        if (allFinite(result.point())) {
          return result;
        }
        failure = best.spec().name() + " gave a point forecast that is not finite";
      }
    } catch (RuntimeException e) {
      // a numerical failure inside one series' fit must not abort a run over thousands of series
      failure = "ETS fitting failed (" + e + ")";
    }
    return fallback(series, horizon, options.period(), failure, notes);
  }

  /**
   * Seasonal naive when the last full season is observed (so no forecast repeats an interpolated month), else the
   * mean, with a note giving the reason.
   */
  private static ForecastResult fallback(PreparedSeries series, int horizon, int period, String failure,
      List<String> notes) {
    int n = series.length();
    boolean lastSeasonObserved = n >= period;
    for (int t = Math.max(0, n - period); t < n && lastSeasonObserved; t++) {
      lastSeasonObserved = series.observed(t);
    }
    if (lastSeasonObserved) {
      notes.add(ForecastResult.FALLBACK + failure + (period > 1 ? ": seasonal naive forecast instead (the last "
          + period + " months are observed)" : ": naive forecast instead (the last month is observed)"));
      return Benchmarks.seasonalNaive(ForecastMethod.AUTO, series, period, horizon, notes);
    }
    notes.add(ForecastResult.FALLBACK + failure + ": mean forecast instead (the last " + (period > 1 ? period
        + " months are not all observed, so no seasonal naive)" : "month is not observed, so no naive)"));
    return Benchmarks.mean(ForecastMethod.AUTO, series, horizon, notes);
  }

  /** A series with nothing to fit: NaN everywhere, model {@value ForecastResult#NOT_FORECAST_MODEL}. */
  private static ForecastResult notForecast(ForecastMethod method, int length, int horizon, List<String> notes) {
    double[] fitted = new double[length];
    Arrays.fill(fitted, Double.NaN);
    double[] point = new double[horizon];
    Arrays.fill(point, Double.NaN);
    return new ForecastResult(method, ForecastResult.NOT_FORECAST_MODEL, Map.of(), Double.NaN, fitted, point, point,
        point, point, point, notes);
  }

  private static boolean allFinite(double[] values) {
    for (double value : values) {
      if (!Double.isFinite(value)) {
        return false;
      }
    }
    return true;
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
        .toResult(FittedModel.withoutAicc(ForecastMethod.AUTO, new EtsSpec(Trend.NONE, Season.NONE, 1).name(),
            parameters), fitted, point, notes);
  }

  private static ForecastResult byBacktest(double[] y, PreparedSeries series, int horizon, ForecastOptions options,
      List<String> notes, EtsChooser chooser) {
    ForecastOptions inner = options.withSelection(ModelSelection.AICC);
    int needed = 2 * options.period() + SELECTION_HORIZON + SELECTION_ORIGINS - 1;
    if (y.length < needed) {
      notes.add("too short to choose by backtest (" + y.length + " < " + needed + " months): AICc choice");
      return auto(series, horizon, inner, notes, chooser);
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
