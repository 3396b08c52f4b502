package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.JavaConverters;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * The monthly series as they will be published, for the models to be fitted on. Every fitted value, forecast,
 * interval and smoothing parameter is a function of the series the model saw; fitted on the exact counts they
 * gave those counts back (for ETS(A,N,N) a month's count is its fitted value plus the next change of fitted value
 * over alpha; with alpha near 1 the first forecast is the last month's count). Fitted on the published series
 * (rounded, with suppressed months missing, which the models skip), they tell a reader nothing the published
 * actuals do not.
 */
final class PublishedSeries {
  private static final String PUBLISHED = "_published_count";

  private PublishedSeries() {}

  /**
   * demand_forecast's actual rows of the series (forecast origin {@code origin}, kind actual), with their exact
   * counts: what disclosure control publishes.
   *
   * @param series the series ({@link SeriesColumns}) of place, ICS and all-areas counts
   * @param origin the last month of history: the forecast origin their actual rows are published under
   */
  static Dataset<Row> actualRows(Dataset<Row> series, YearMonth origin) {
    return OutputRows.demand(series
        .withColumn(OutputTables.FORECAST_ORIGIN, lit(Date.valueOf(origin.atDay(1))))
        .withColumn(DemandForecast.KIND, lit(DemandForecast.KIND_ACTUAL)));
  }

  /**
   * @param series    the series the actual rows were built from ({@link #actualRows})
   * @param published those actual rows as disclosure control publishes them (the rows' declared schema)
   * @return the series, each value replaced by its published count (null, so missing, where suppressed)
   */
  static Dataset<Row> of(Dataset<Row> series, Dataset<Row> published) {
    Dataset<Row> counts = published.select(col(OutputTables.GEOGRAPHY_LEVEL),
        col(OutputTables.GEOGRAPHY_CODE), col(OutputTables.ACTIVITY_NAME), col(DemandForecast.MONTH),
        col(DemandForecast.ACTUAL_COUNT).cast(DataTypes.DoubleType).as(PUBLISHED));
    List<String> month = List.of(OutputTables.GEOGRAPHY_LEVEL, OutputTables.GEOGRAPHY_CODE,
        OutputTables.ACTIVITY_NAME, DemandForecast.MONTH);
    return series.join(counts, JavaConverters.asScalaBuffer(month).toSeq(), "left")
        .withColumn(DemandForecast.VALUE, col(PUBLISHED))
        .select(Arrays.stream(SeriesColumns.SCHEMA.fieldNames()).map(c -> col(c)).toArray(Column[]::new));
  }
}
