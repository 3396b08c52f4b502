package uk.pophealth.job;

import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.demand.DemandOptions;
import uk.pophealth.demand.DemandTables;
import uk.pophealth.publication.ProductTables;
import uk.pophealth.publication.PublishedTable;
import uk.pophealth.publish.OutputLock;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.publish.WrittenTable;
import uk.pophealth.spark.SparkSessions;

/**
 * The forecast sub-command: any monthly series file (series_id, month, value) through the product's Spark path and
 * models, published as demand_forecast and forecast_accuracy under the output folder by the atomic writer
 * (partitioned by forecast_origin: a re-run replaces only the origins it writes), holding the output's lock.
 * An analyst's series carry no person-level data and no counts of people, so no disclosure control is applied.
 */
public final class ForecastJob {
  private ForecastJob() {}

  public static void main(String series, String out, int horizon, Map<String, String> sparkConf) {
    DemandOptions options = DemandOptions.forSeries(horizon);
    SparkSession spark = SparkSessions.create("pophealth-forecast", sparkConf);
    WrittenTable[] written = run(spark, series, out, options);
    System.out.printf("Forecast %s: %d demand_forecast rows, %d forecast_accuracy rows under %s%n", series,
        written[0].rows(), written[1].rows(), out);
  }

  /** Reads, forecasts and publishes with a session the caller owns; returns demand_forecast then forecast_accuracy. */
  public static WrittenTable[] run(SparkSession spark, String series, String out, DemandOptions options) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    try (OutputLock lock = OutputLock.acquire(hadoop, out, "forecast-" + UUID.randomUUID())) {
      ProductTables product = DemandTables.analystSeries(spark, series, options);
      try {
        TableWriter writer = new TableWriter(spark, out);
        return product.tables().stream().map(table -> (PublishedTable) table)
            .map(table -> writer.write(table.table(), table.rows())).toArray(WrittenTable[]::new);
      } finally {
        product.release();
      }
    }
  }
}
