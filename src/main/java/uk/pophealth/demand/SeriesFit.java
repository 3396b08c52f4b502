package uk.pophealth.demand;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.RowBuilder;
import uk.pophealth.stats.forecast.AutoForecaster;
import uk.pophealth.stats.forecast.Backtest;
import uk.pophealth.stats.forecast.BacktestOptions;
import uk.pophealth.stats.forecast.BacktestResult;
import uk.pophealth.stats.forecast.ForecastMethod;
import uk.pophealth.stats.forecast.ForecastOptions;
import uk.pophealth.stats.forecast.ForecastResult;
import uk.pophealth.stats.forecast.IndexRange;
import uk.pophealth.stats.forecast.OriginForecast;

/**
 * Fits one series with the stats library: the ETS model chosen by AICc ({@link ForecastMethod#AUTO}) forecasts
 * {@code horizon} months with 80% and 95% intervals, and a rolling-origin backtest scores it beside seasonal naive.
 * The backtest refits the chosen model at each origin (its parameters re-estimated on the training part, the model
 * itself not chosen again): what is scored is the model that is published, and one fit per origin instead of a
 * whole model choice keeps thousands of series within a minute. A series that fell back to a benchmark (seasonal
 * naive, naive or the mean; {@link AutoForecaster}) is backtested as that benchmark.
 *
 * <p>No series makes it throw. A series with no observed month (every month missing or suppressed) is published not
 * forecast: its actual rows as they are, its fitted and forecast rows with null value and limits, model
 * {@value ForecastResult#NOT_FORECAST_MODEL}, accuracy rows with null scores and 0 origins, and a fit_note saying
 * why. Any fallback is in fit_note too ({@link #fitNote}).
 */
final class SeriesFit {
  /** Model name of the seasonal-naive benchmark in forecast_accuracy. */
  static final String BENCHMARK_MODEL = "SeasonalNaive";

  private SeriesFit() {}

  static List<Row> rows(SeriesData series, DemandOptions options, boolean nonNegative) {
    double[] y = series.values();
    ForecastOptions forecastOptions = ForecastOptions.defaults().withSeed(options.seed())
        .withExclusions(exclusions(series, options));
    ForecastResult chosen = AutoForecaster.forecast(y, options.horizon(), forecastOptions);
    ForecastMethod refit = AutoForecaster.refitMethod(chosen);
    BacktestOptions backtest = new BacktestOptions(options.backtestHorizon(), options.backtestOrigins(),
        options.backtestStep(), chosen.forecasted() && refit == ForecastMethod.AUTO
            ? forecastOptions.withEtsModel(chosen.modelName()) : forecastOptions);
    BacktestResult chosenScore = Backtest.run(y, refit, backtest);
    BacktestResult benchmarkScore = Backtest.run(y, ForecastMethod.SEASONAL_NAIVE, backtest);

    Fit fit = new Fit(series, Date.valueOf(series.lastMonth().atDay(1)), chosen.modelName(),
        parameters(chosen.parameters(), chosen.aicc()), fitNote(series, chosen));
    List<Row> rows = new ArrayList<>(2 * y.length + options.horizon() + 2);
    double[] fitted = chosen.fitted();
    for (int t = 0; t < y.length; t++) {
      Date month = Date.valueOf(series.firstMonth().plusMonths(t).atDay(1));
      rows.add(monthRow(fit, month, DemandForecast.KIND_ACTUAL, y[t], null));
      rows.add(monthRow(fit, month, DemandForecast.KIND_FITTED, fitted[t], null));
    }
    double[] point = chosen.point();
    double[][] limits = {chosen.lower80(), chosen.upper80(), chosen.lower95(), chosen.upper95()};
    for (int h = 0; h < point.length; h++) {
      Date month = Date.valueOf(series.lastMonth().plusMonths(h + 1L).atDay(1));
      double[] at = {limits[0][h], limits[1][h], limits[2][h], limits[3][h]};
      rows.add(monthRow(fit, month, DemandForecast.KIND_FORECAST, clip(point[h], nonNegative),
          new double[] {clip(at[0], nonNegative), clip(at[1], nonNegative), clip(at[2], nonNegative),
              clip(at[3], nonNegative)}));
    }
    rows.add(accuracyRow(fit, fit.model(), ForecastAccuracy.ROLE_CHOSEN, chosenScore, options));
    backtestRows(fit, chosenScore, forecastOptions, nonNegative, rows);
    rows.add(accuracyRow(fit, BENCHMARK_MODEL, ForecastAccuracy.ROLE_BENCHMARK, benchmarkScore, options));
    return rows;
  }

  /**
   * fit_note: the forecast's fallback and not-forecast notes joined by "; ", and for a place not forecast how
   * {@link Reconciliation} counts it; null for a routine fit.
   */
  static String fitNote(SeriesData series, ForecastResult chosen) {
    List<String> notes = new ArrayList<>(chosen.fallbackNotes());
    if (!chosen.forecasted() && OutputTables.LEVEL_PLACE.equals(series.level())) {
      notes.add(Reconciliation.NOT_FORECAST_PLACE);
    }
    return notes.isEmpty() ? null : String.join("; ", notes);
  }

  /** Each scored point forecast of the chosen model's backtest, clipped as the published forecasts are. */
  private static void backtestRows(Fit fit, BacktestResult score, ForecastOptions forecastOptions,
      boolean nonNegative, List<Row> rows) {
    SeriesData series = fit.series();
    double[] y = series.values();
    for (OriginForecast forecast : score.forecasts()) {
      Date trainingEnd = Date.valueOf(series.firstMonth().plusMonths(forecast.origin() - 1L).atDay(1));
      Double scale = forecast.scale() > 0 && Double.isFinite(forecast.scale()) ? forecast.scale() : null;
      double[] point = forecast.point();
      for (int h = 0; h < point.length; h++) {
        int t = forecast.origin() + h;
        if (!Backtest.scored(y, t, forecastOptions)) {
          continue;
        }
        Date month = Date.valueOf(series.firstMonth().plusMonths(t).atDay(1));
        rows.add(fit.record(FitColumns.RECORD_BACKTEST).set(DemandForecast.MONTH, month)
            .set(DemandForecast.VALUE, clip(point[h], nonNegative)).set(OutputTables.MODEL, fit.model())
            .set(FitColumns.BACKTEST_ORIGIN, trainingEnd).set(FitColumns.ACTUAL, y[t]).set(FitColumns.SCALE, scale)
            .build());
      }
    }
  }

  /** The exclusion window as positions in this series (clipped to it; none when it misses the series). */
  static List<IndexRange> exclusions(SeriesData series, DemandOptions options) {
    if (options.excludeFrom() == null) {
      return List.of();
    }
    int from = (int) Math.max(0, monthsBetween(series.firstMonth(), options.excludeFrom()));
    int to = (int) Math.min(series.values().length, monthsBetween(series.firstMonth(), options.excludeTo()) + 1);
    return from < to ? List.of(new IndexRange(from, to)) : List.of();
  }

  private static long monthsBetween(YearMonth from, YearMonth to) {
    return from.until(to, java.time.temporal.ChronoUnit.MONTHS);
  }

  /** name=value pairs joined by ';', in the model's stable parameter order, then aicc. */
  static String parameters(Map<String, Double> parameters, double aicc) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Double> entry : parameters.entrySet()) {
      text.append(text.length() == 0 ? "" : ";").append(entry.getKey()).append('=').append(number(entry.getValue()));
    }
    if (Double.isFinite(aicc)) {
      text.append(text.length() == 0 ? "" : ";").append("aicc=").append(number(aicc));
    }
    return text.toString();
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }

  private static double clip(double value, boolean nonNegative) {
    return nonNegative && value < 0 ? 0.0 : value;
  }

  private static Double boxed(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /**
   * What every fit record of one series shares: the series, the forecast origin (its last month), and the chosen
   * model's name, parameters text and fit note.
   */
  private record Fit(SeriesData series, Date origin, String model, String parameters, String note) {
    /** A fit record with the series columns set; the record's own columns are set by the caller. */
    RowBuilder record(String record) {
      return RowBuilder.of("demand fit records", FitColumns.SCHEMA).set(FitColumns.RECORD, record)
          .set(OutputTables.FORECAST_ORIGIN, origin).set(OutputTables.GEOGRAPHY_LEVEL, series.level())
          .set(OutputTables.GEOGRAPHY_CODE, series.code()).set(OutputTables.GEOGRAPHY_NAME, series.name())
          .set(SeriesColumns.PARENT_CODE, series.parentCode()).set(OutputTables.ACTIVITY_NAME, series.activity())
          .set(DemandForecast.SERIES_KIND, series.seriesKind());
    }
  }

  private static Row monthRow(Fit fit, Date month, String kind, double value, double[] limits) {
    RowBuilder row = fit.record(FitColumns.RECORD_MONTH).set(DemandForecast.MONTH, month)
        .set(DemandForecast.KIND, kind).set(DemandForecast.VALUE, boxed(value)).set(OutputTables.MODEL, fit.model())
        .set(DemandForecast.MODEL_PARAMETERS, fit.parameters()).set(DemandForecast.FIT_NOTE, fit.note());
    if (limits != null) {
      row.set(DemandForecast.LOWER80, boxed(limits[0])).set(DemandForecast.UPPER80, boxed(limits[1]))
          .set(OutputTables.LOWER95, boxed(limits[2])).set(OutputTables.UPPER95, boxed(limits[3]));
    }
    return row.build();
  }

  private static Row accuracyRow(Fit fit, String model, String role, BacktestResult score, DemandOptions options) {
    return fit.record(FitColumns.RECORD_ACCURACY).set(OutputTables.MODEL, model)
        .set(ForecastAccuracy.MODEL_ROLE, role).set(ForecastAccuracy.MASE, boxed(score.mase()))
        .set(ForecastAccuracy.SMAPE, boxed(score.smape())).set(ForecastAccuracy.COVERAGE80, boxed(score.coverage80()))
        .set(ForecastAccuracy.COVERAGE95, boxed(score.coverage95()))
        .set(ForecastAccuracy.WINKLER95, boxed(score.winkler95())).set(ForecastAccuracy.ORIGINS, score.origins())
        .set(ForecastAccuracy.MAX_HORIZON, options.backtestHorizon()).build();
  }
}
