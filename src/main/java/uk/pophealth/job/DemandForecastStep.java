package uk.pophealth.job;

import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.config.JobConfig;
import uk.pophealth.forecast.DemandForecast;
import uk.pophealth.forecast.DemandInputs;
import uk.pophealth.forecast.DemandOptions;
import uk.pophealth.forecast.DemandResult;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.publish.DisclosureControl;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.OutputTables;

/**
 * Forecasts demand from the whole history (config period_from, or earlier, to the last reporting month) and
 * publishes demand_forecast and forecast_accuracy, partitioned by forecast origin.
 *
 * <p>The demographic projection and capacity utilisation of the product are not yet switched on in the run:
 * on the sample they exhausted a 4 GB driver heap (to be profiled); the product and its tests carry them.
 */
final class DemandForecastStep {
  /** Fewer months than this and there is nothing sensible to fit a seasonal model to. */
  static final int MINIMUM_HISTORY_MONTHS = 24;

  private DemandForecastStep() {}

  static void run(org.apache.spark.sql.SparkSession spark, IngestResult ingest, FootprintResolver geography,
      JobConfig config, String historyFrom, Dataset<Row> register, Stage stage, TableWriter writer,
      DisclosureControl disclosure, RunManifest.Builder manifest) {
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
    DemandResult result = stage.run("demand_forecast compute", () -> DemandForecast.compute(spark, inputs, options));
    stage.run("demand_forecast publish", () -> RunJob.publish(writer, disclosure, OutputTables.DemandForecast.TABLE,
        result.forecasts(), List.of(), manifest));
    stage.run("forecast_accuracy publish", () -> RunJob.publish(writer, disclosure, OutputTables.ForecastAccuracy.TABLE,
        result.accuracy(), List.of(), manifest));
    result.release();
  }
}
