package uk.pophealth.job;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.forecast.AnalystSeries;
import uk.pophealth.forecast.DemandForecast;
import uk.pophealth.forecast.DemandOptions;
import uk.pophealth.forecast.DemandResult;
import uk.pophealth.forecast.ForecastTables;

/**
 * The forecast sub-command: any monthly series file (series_id, month, value) through the product's Spark path and
 * models, written as demand_forecast and forecast_accuracy under the output folder, each partitioned by
 * forecast_origin (a re-run replaces only the origins it writes).
 * TODO: write through the publish layer's atomic writer once it is in main (a plain partitioned write until then).
 */
public final class ForecastJob {
  private ForecastJob() {}

  public static void main(String series, String out, int horizon, Map<String, String> sparkConf) {
    DemandOptions options = DemandOptions.forSeries(horizon);
    SparkSession spark = SparkSessions.create("pophealth-forecast", sparkConf);
    run(spark, series, out, options);
  }

  /** Reads, forecasts and writes with a session the caller owns; returns the rows written to each table. */
  public static long[] run(SparkSession spark, String series, String out, DemandOptions options) {
    Dataset<Row> input = AnalystSeries.read(spark, series);
    DemandResult result = DemandForecast.forecastSeries(spark, input, options);
    try {
      write(result.forecasts(), Path.of(out, ForecastTables.DemandForecast.NAME));
      write(result.accuracy(), Path.of(out, ForecastTables.ForecastAccuracy.NAME));
      return new long[] {result.forecasts().count(), result.accuracy().count()};
    } finally {
      result.release();
    }
  }

  private static void write(Dataset<Row> table, Path path) {
    table.write().mode(SaveMode.Overwrite).option("partitionOverwriteMode", "dynamic")
        .partitionBy(ForecastTables.DemandForecast.FORECAST_ORIGIN).parquet(path.toString());
  }
}
