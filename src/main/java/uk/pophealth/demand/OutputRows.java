package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables.ForecastAccuracy;
import uk.pophealth.schema.OutputTables;
import uk.pophealth.schema.TableSchema;

/** Shapes the fitting pass into the declared output tables: their columns, order and types. */
final class OutputRows {
  private OutputRows() {}

  static Dataset<Row> monthRecords(Dataset<Row> fits) {
    return fits.filter(col(FitColumns.RECORD).equalTo(lit(FitColumns.RECORD_MONTH)));
  }

  /**
   * demand_forecast rows: the actual of a place, ICS or all-areas series is also its count ({@code actual_count},
   * which disclosure control suppresses and rounds at publish); an analyst's own series carry none. An actual that
   * is missing was suppressed before fitting ({@link PublishedSeries}: the product's series have every month), and
   * says so.
   */
  static Dataset<Row> demand(Dataset<Row> rows) {
    Column countable = col(DemandForecast.KIND).equalTo(lit(DemandForecast.KIND_ACTUAL))
        .and(col(OutputTables.GEOGRAPHY_LEVEL)
        .isin(OutputTables.LEVEL_PLACE, OutputTables.LEVEL_ICS, OutputTables.LEVEL_ALL));
    return shape(rows
        .withColumn(DemandForecast.ACTUAL_COUNT, when(countable,
            round(col(DemandForecast.VALUE)).cast(DataTypes.LongType)))
        .withColumn(OutputTables.PARENT_CODE, col(SeriesColumns.PARENT_CODE))
        .withColumn(OutputTables.SUPPRESSED, countable.and(col(DemandForecast.VALUE).isNull())),
            DemandForecast.SCHEMA);
  }

  static Dataset<Row> accuracy(Dataset<Row> fits) {
    return accuracyOf(fits.filter(col(FitColumns.RECORD).equalTo(lit(FitColumns.RECORD_ACCURACY))));
  }

  /** Accuracy rows named as {@link FitColumns}, shaped as forecast_accuracy. */
  static Dataset<Row> accuracyOf(Dataset<Row> rows) {
    return shape(rows, ForecastAccuracy.SCHEMA);
  }

  /** The schema's columns in order, cast to their types; a column the rows lack is null (an optional feature off). */
  private static Dataset<Row> shape(Dataset<Row> rows, TableSchema table) {
    List<String> present = Arrays.asList(rows.columns());
    Column[] columns = Arrays.stream(table.schema().fields())
        .map(field -> column(present, field))
        .toArray(Column[]::new);
    return rows.select(columns);
  }

  private static Column column(List<String> present, StructField field) {
    Column value = present.contains(field.name()) ? col(field.name()) : lit(null);
    return value.cast(field.dataType()).as(field.name(), field.metadata());
  }
}
