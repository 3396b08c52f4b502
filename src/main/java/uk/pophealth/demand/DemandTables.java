package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.geography.AreaMonth;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.publication.Additivity;
import uk.pophealth.publication.ControlledCounts;
import uk.pophealth.publication.FromPublished;
import uk.pophealth.publication.ProductTables;
import uk.pophealth.publication.PublishedTable;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables;

/**
 * What the demand product publishes: demand_forecast and forecast_accuracy, partitioned by forecast origin, from the
 * whole history (config period_from, or earlier, to the last reporting month). The actuals are counts of events or
 * people, so they go through disclosure control with the relations a reader could difference ({@link #additivities()}).
 * Under disclosure control that is the product's first stage output: the series are built, their actual rows are
 * controlled once ({@link ControlledCounts}), and every model is fitted on them as published, so every fitted value,
 * forecast and parameter is one of the published series (rounded, suppressed months missing) and publishing them
 * reveals nothing more. Then, on demand_forecast: the areas and months whose re-based footprint is not the one the
 * other tables count them on are withheld ({@link ReassignedMonths}), and so are the forecasts of series mostly
 * suppressed ({@link SparseSeriesWithholding}).
 */
public final class DemandTables {
  /** Fewer months than this and there is nothing sensible to fit a seasonal model to. */
  public static final int MINIMUM_HISTORY_MONTHS = 24;

  private DemandTables() {}

  /**
   * @param options           the product's options over the whole history
   * @param disclosureControl whether the run controls disclosure: the models are then fitted on the published series
   * @param runBasis          the footprint the run's other tables count areas on
   */
  public static ProductTables of(SparkSession spark, DemandInputs inputs, DemandOptions options,
      boolean disclosureControl, FootprintBasis runBasis) {
    if (options.firstMonth().plusMonths(MINIMUM_HISTORY_MONTHS - 1).isAfter(options.lastMonth())) {
      return ProductTables.skipped(String.format(
          "demand forecast skipped: it needs at least %d months of history (%s..%s)", MINIMUM_HISTORY_MONTHS,
          options.firstMonth(), options.lastMonth()));
    }
    DemandSeries series = DemandForecast.series(spark, inputs, options);
    if (!disclosureControl) {
      DemandResult result = DemandForecast.fit(spark, series, null);
      return new ProductTables(List.of(
          PublishedTable.of(OutputTables.DemandForecast.TABLE, result.forecasts(), additivities(),
              FromPublished.identity()),
          accuracy(result)), result.cached());
    }
    Set<AreaMonth> reassigned = runBasis.isRebased() ? Set.of() : inputs.geography().reassigned(
        FootprintBasis.rebasedTo(options.lastMonth().atEndOfMonth()), options.firstMonth(), options.lastMonth());
    UnaryOperator<Dataset<Row>> withheld = rows -> ReassignedMonths.withhold(spark, rows, reassigned);
    PublishedTable actuals = PublishedTable.of(OutputTables.DemandForecast.TABLE, withheld.apply(series.actualRows()),
        additivities(), FromPublished.identity());
    return new ProductTables(List.of(new ControlledCounts(actuals, published -> {
      DemandResult result = DemandForecast.fit(spark, series, published);
      return new ProductTables(List.of(
          PublishedTable.alreadyControlled(OutputTables.DemandForecast.TABLE, result.forecasts(),
              FromPublished.of(rows -> SparseSeriesWithholding.withhold(withheld.apply(rows)))),
          accuracy(result)), result.cached());
    })), List.of());
  }

  /**
   * Any monthly series an analyst brings ({@link AnalystSeries#read}), forecast each on its own: demand_forecast and
   * forecast_accuracy. The series carry no person-level data and no counts of people, so there is nothing for
   * disclosure control to do: the caller writes the rows as they are.
   */
  public static ProductTables analystSeries(SparkSession spark, String seriesLocation, DemandOptions options) {
    DemandResult result = DemandForecast.forecastSeries(spark, AnalystSeries.read(spark, seriesLocation), options);
    return new ProductTables(List.of(PublishedTable.of(OutputTables.DemandForecast.TABLE, result.forecasts(),
        List.of(), FromPublished.identity()), accuracy(result)), result.cached());
  }

  private static PublishedTable accuracy(DemandResult result) {
    return PublishedTable.of(OutputTables.ForecastAccuracy.TABLE, result.accuracy(), List.of(),
        FromPublished.identity());
  }

  /**
   * The additive relations of demand_forecast's actual counts: places within their ICS (on the current footprint,
   * which the forecast re-bases all history onto), ICSs within all areas, and new services of each type within
   * all new services (every new service has one type, "unknown" included), per forecast origin and month.
   */
  public static List<Additivity> additivities() {
    Column actual = col(OutputTables.DemandForecast.KIND).equalTo(OutputTables.DemandForecast.KIND_ACTUAL)
        .and(col(OutputTables.DemandForecast.ACTUAL_COUNT).isNotNull());
    Column level = col(OutputTables.GEOGRAPHY_LEVEL);
    Column activity = col(OutputTables.ACTIVITY_NAME);
    String origin = OutputTables.FORECAST_ORIGIN;
    String month = OutputTables.DemandForecast.MONTH;
    List<Column> placeKey = List.of(col(origin), activity, col(month), col(OutputTables.PARENT_CODE));
    List<Column> icsKey = List.of(col(origin), activity, col(month), col(OutputTables.GEOGRAPHY_CODE));
    return List.of(
        Additivity.of("places within ICS", actual.and(level.equalTo(OutputTables.LEVEL_PLACE)), placeKey,
            actual.and(level.equalTo(OutputTables.LEVEL_ICS)), icsKey),
        Additivity.breakdown("ICSs within all", actual.and(level.equalTo(OutputTables.LEVEL_ICS)),
            actual.and(level.equalTo(OutputTables.LEVEL_ALL)), origin, OutputTables.ACTIVITY_NAME, month),
        Additivity.breakdown("new services by type within all new services",
            actual.and(activity.startsWith(Activities.ASC_NEW_SERVICE_OF_TYPE)),
            actual.and(activity.equalTo(Activities.ASC_NEW_SERVICE)), origin, OutputTables.GEOGRAPHY_LEVEL,
            OutputTables.GEOGRAPHY_CODE, month));
  }
}
