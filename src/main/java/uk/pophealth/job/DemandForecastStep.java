package uk.pophealth.job;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.config.JobConfig;
import uk.pophealth.demand.DemandForecast;
import uk.pophealth.demand.DemandInputs;
import uk.pophealth.demand.DemandOptions;
import uk.pophealth.demand.DemandResult;
import uk.pophealth.demand.ReassignedMonths;
import uk.pophealth.geography.AreaMonth;
import uk.pophealth.geography.FootprintBasis;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.publish.Additivity;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.OutputTables;

/**
 * Forecasts demand from the whole history (config period_from, or earlier, to the last reporting month), with the
 * demographic projection and capacity utilisation when those inputs are given, and publishes demand_forecast and
 * forecast_accuracy, partitioned by forecast origin. The actuals are counts of events or people, so they go
 * through disclosure control with the relations a reader could difference ({@link #additivities()}), and under
 * disclosure control they do so before the models are fitted: every fitted value, forecast and parameter is then
 * one of the published series (rounded, suppressed months missing), and publishing them reveals nothing more.
 */
final class DemandForecastStep {
  /** Fewer months than this and there is nothing sensible to fit a seasonal model to. */
  static final int MINIMUM_HISTORY_MONTHS = 24;

  private DemandForecastStep() {}

  /**
   * The additive relations of demand_forecast's actual counts: places within their ICS (on the current footprint,
   * which the forecast re-bases all history onto), ICSs within all areas, and new services of each type within
   * all new services (every new service has one type, "unknown" included), per forecast origin and month.
   */
  static List<Additivity> additivities() {
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

  static void run(org.apache.spark.sql.SparkSession spark, IngestResult ingest, FootprintResolver geography,
      JobConfig config, String historyFrom, Dataset<Row> register, Stage stage, TableWriter writer,
      DisclosureControl disclosure, RunManifest.Builder manifest, CountsPublishedElsewhere elsewhere) {
    YearMonth first = YearMonth.parse(historyFrom);
    YearMonth last = YearMonth.parse(config.periodTo());
    if (first.plusMonths(MINIMUM_HISTORY_MONTHS - 1).isAfter(last)) {
      manifest.warning(String.format("demand forecast skipped: it needs at least %d months of history (%s..%s)",
          MINIMUM_HISTORY_MONTHS, first, last));
      return;
    }
    DemandOptions options = DemandOptions.fromConfig(config).withHistory(first, last);
    DemandInputs inputs = new DemandInputs(geography, ingest.table(InputTables.GpPatients.NAME),
        ingest.tableOrNull(InputTables.SocialCareEvents.NAME), ingest.tableOrNull(InputTables.ServiceReferrals.NAME),
        register, ingest.tableOrNull(InputTables.Population.NAME), ingest.tableOrNull(InputTables.Capacity.NAME));
    // the models are fitted on the actuals as published (PublishedSeries); the control's working data is released
    // once both tables are written
    // under control: the areas and months whose re-based footprint is not the one the other tables count them on
    // are withheld (ReassignedMonths); the cells the other tables publish take their suppression (SameCounts)
    Set<AreaMonth> reassigned = disclosure.isEnabled() && !FootprintBasis.fromConfig(config).isRebased()
        ? geography.reassigned(FootprintBasis.rebasedTo(last.atEndOfMonth()), first, last) : Set.of();
    UnaryOperator<Dataset<Row>> withheld = rows -> ReassignedMonths.withhold(spark, rows, reassigned);
    List<DisclosureControl.Disclosed> controlled = new ArrayList<>();
    UnaryOperator<Dataset<Row>> published = actuals -> {
      DisclosureControl.Disclosed disclosed = disclosure.apply(OutputTables.DemandForecast.TABLE,
          withheld.apply(actuals), additivities(), elsewhere.sameCounts());
      controlled.add(disclosed);
      return disclosed.data();
    };
    try {
      DemandResult result = stage.run("demand_forecast compute", () -> DemandForecast.compute(spark, inputs,
          options, disclosure.isEnabled() ? published : null));
      stage.run("demand_forecast publish", () -> RunJob.publish(writer, disclosure, new Publication(
          OutputTables.DemandForecast.TABLE, withheld.apply(result.forecasts()), additivities(),
          disclosed -> disclosure.isEnabled() ? SparseSeriesWithholding.withhold(disclosed) : disclosed,
          elsewhere.sameCounts(), disclosed -> { }), manifest));
      stage.run("forecast_accuracy publish", () -> RunJob.publish(writer, disclosure,
          OutputTables.ForecastAccuracy.TABLE, result.accuracy(), List.of(), manifest));
      result.release();
    } finally {
      controlled.forEach(DisclosureControl.Disclosed::close);
    }
  }
}
