package uk.pophealth.demand;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.GeographyTables;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * The hierarchy of series from the place facts: per place, per ICS (the sum of its places) and in all (the sum of
 * every place), for every activity, over every month of history — a month without activity is a zero, not a gap
 * (the full month x series grid). A place that the current footprint splits between ICSs is one series per part,
 * coded place_code/ics_code, so every ICS is exactly the sum of its place series.
 */
final class SeriesGrid {
  static final String ALL_NAME = "All areas";
  /** Separates a split place's code from its ICS code. */
  static final String SPLIT_SEPARATOR = "/";
  private static final String ICS_COUNT = "_ics_count";

  private SeriesGrid() {}

  static Dataset<Row> build(SparkSession spark, Dataset<Row> facts, YearMonth first, YearMonth last) {
    Column month = col(DemandForecast.MONTH);
    Dataset<Row> perPlace = facts
        .filter(month.geq(lit(Date.valueOf(first.atDay(1)))).and(month.leq(lit(Date.valueOf(last.atDay(1))))))
        .groupBy(col(GeographyTables.PLACE_CODE), col(GeographyTables.ICS_CODE), col(OutputTables.ACTIVITY_NAME),
            col(DemandForecast.SERIES_KIND), month)
        .agg(sum(col(DemandForecast.VALUE)).as(DemandForecast.VALUE),
            max(col(GeographyTables.PLACE_NAME)).as(GeographyTables.PLACE_NAME),
            max(col(GeographyTables.ICS_NAME)).as(GeographyTables.ICS_NAME));
    Dataset<Row> places = perPlace.join(placeSeriesCodes(perPlace), new String[] {GeographyTables.PLACE_CODE,
        GeographyTables.ICS_CODE}).select(
        lit(OutputTables.LEVEL_PLACE).as(OutputTables.GEOGRAPHY_LEVEL), col(OutputTables.GEOGRAPHY_CODE),
        col(GeographyTables.PLACE_NAME).as(OutputTables.GEOGRAPHY_NAME),
        col(GeographyTables.ICS_CODE).as(SeriesColumns.PARENT_CODE),
        col(OutputTables.ACTIVITY_NAME), col(DemandForecast.SERIES_KIND), month, col(DemandForecast.VALUE));
    Dataset<Row> ics = perPlace.groupBy(col(GeographyTables.ICS_CODE), col(OutputTables.ACTIVITY_NAME),
            col(DemandForecast.SERIES_KIND), month)
        .agg(sum(col(DemandForecast.VALUE)).as(DemandForecast.VALUE),
            max(col(GeographyTables.ICS_NAME)).as(OutputTables.GEOGRAPHY_NAME))
        .select(lit(OutputTables.LEVEL_ICS).as(OutputTables.GEOGRAPHY_LEVEL),
            col(GeographyTables.ICS_CODE).as(OutputTables.GEOGRAPHY_CODE),
            col(OutputTables.GEOGRAPHY_NAME), lit(null).cast(DataTypes.StringType).as(SeriesColumns.PARENT_CODE),
            col(OutputTables.ACTIVITY_NAME), col(DemandForecast.SERIES_KIND), month, col(DemandForecast.VALUE));
    Dataset<Row> all = perPlace.groupBy(col(OutputTables.ACTIVITY_NAME), col(DemandForecast.SERIES_KIND), month)
        .agg(sum(col(DemandForecast.VALUE)).as(DemandForecast.VALUE))
        .select(lit(OutputTables.LEVEL_ALL).as(OutputTables.GEOGRAPHY_LEVEL),
            lit(Activities.ALL).as(OutputTables.GEOGRAPHY_CODE),
            lit(ALL_NAME).as(OutputTables.GEOGRAPHY_NAME),
            lit(null).cast(DataTypes.StringType).as(SeriesColumns.PARENT_CODE),
            col(OutputTables.ACTIVITY_NAME), col(DemandForecast.SERIES_KIND), month, col(DemandForecast.VALUE));
    return zeroFilled(spark, places.unionByName(ics).unionByName(all), first, last);
  }

  /**
   * The series code of each place and ICS pair of the facts: the place code, or place_code/ics_code for a place the
   * current footprint splits between ICSs. Columns place_code, ics_code, geography_code.
   */
  static Dataset<Row> placeSeriesCodes(Dataset<Row> facts) {
    Dataset<Row> pairs = facts.select(col(GeographyTables.PLACE_CODE), col(GeographyTables.ICS_CODE)).distinct();
    Dataset<Row> icsCount = pairs.groupBy(col(GeographyTables.PLACE_CODE))
        .agg(countDistinct(col(GeographyTables.ICS_CODE)).as(ICS_COUNT));
    Column placeCode = when(col(ICS_COUNT).gt(1),
        concat(col(GeographyTables.PLACE_CODE), lit(SPLIT_SEPARATOR), col(GeographyTables.ICS_CODE)))
        .otherwise(col(GeographyTables.PLACE_CODE));
    return pairs.join(icsCount, GeographyTables.PLACE_CODE)
        .select(col(GeographyTables.PLACE_CODE), col(GeographyTables.ICS_CODE),
            placeCode.as(OutputTables.GEOGRAPHY_CODE));
  }

  /** Every series key crossed with every month; months without a row are zero. */
  static Dataset<Row> zeroFilled(SparkSession spark, Dataset<Row> values, YearMonth first, YearMonth last) {
    Dataset<Row> keys = values.select(col(OutputTables.GEOGRAPHY_LEVEL), col(OutputTables.GEOGRAPHY_CODE),
        col(OutputTables.GEOGRAPHY_NAME),
        col(SeriesColumns.PARENT_CODE), col(OutputTables.ACTIVITY_NAME), col(DemandForecast.SERIES_KIND)).distinct();
    Dataset<Row> counted = values.select(col(OutputTables.GEOGRAPHY_LEVEL).as("_v_level"),
        col(OutputTables.GEOGRAPHY_CODE).as("_v_code"),
        col(OutputTables.ACTIVITY_NAME).as("_v_activity"), col(DemandForecast.MONTH).as("_v_month"),
        col(DemandForecast.VALUE).as("_v_value"));
    Dataset<Row> grid = keys.crossJoin(months(spark, first, last));
    Column match = col(OutputTables.GEOGRAPHY_LEVEL).equalTo(col("_v_level")).and(col(OutputTables.GEOGRAPHY_CODE)
        .equalTo(col("_v_code")))
        .and(col(OutputTables.ACTIVITY_NAME).equalTo(col("_v_activity")))
        .and(col(DemandForecast.MONTH).equalTo(col("_v_month")));
    return grid.join(counted, match, "left")
        .withColumn(DemandForecast.VALUE, coalesce(col("_v_value"), lit(0.0)))
        .withColumn(SeriesColumns.SERIES_KEY, concat_ws(SeriesColumns.KEY_SEPARATOR,
            col(OutputTables.GEOGRAPHY_LEVEL),
            col(OutputTables.GEOGRAPHY_CODE), col(OutputTables.ACTIVITY_NAME)))
        .select(SeriesColumns.SERIES_KEY, java.util.Arrays.copyOfRange(SeriesColumns.SCHEMA.fieldNames(), 1,
            SeriesColumns.SCHEMA.fieldNames().length));
  }

  /** One row per month of history (a few hundred at most: built on the driver). */
  private static Dataset<Row> months(SparkSession spark, YearMonth first, YearMonth last) {
    List<Row> rows = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      rows.add(RowFactory.create(Date.valueOf(m.atDay(1))));
    }
    return spark.createDataFrame(rows, new StructType().add(DemandForecast.MONTH, DataTypes.DateType, false));
  }
}
