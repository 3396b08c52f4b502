package uk.pophealth.demand;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.Activities;
import uk.pophealth.schema.OutputTables.DemandForecast;
import uk.pophealth.schema.OutputTables;

/**
 * An analyst's monthly series file for the forecast sub-command: CSV with a header (read as text, never inferred)
 * or Parquet, with columns series_id, month (YYYY-MM, or a date whose month is taken) and value. An empty value is
 * a missing month (the models treat it as missing). Every other problem fails the read with BAD_INPUT naming how
 * many rows are bad, per problem, with an example line of each: an empty series_id, a month that is not YYYY-MM or YYYY-MM-DD, a
 * value that is not a finite number, two rows for one series and month, or a series with no value at all. Nothing
 * is dropped silently.
 */
public final class AnalystSeries {
  public static final String SERIES_ID = "series_id";
  public static final String MONTH = "month";
  public static final String VALUE = "value";
  /** The schema {@link #read} returns. */
  public static final StructType SCHEMA = new StructType().add(SERIES_ID, DataTypes.StringType, false)
      .add(MONTH, DataTypes.DateType, false).add(VALUE, DataTypes.DoubleType, true);

  private static final String PROBLEM = "_problem";
  private static final String MONTH_TEXT = "_month_text";
  private static final String VALUE_TEXT = "_value_text";

  private AnalystSeries() {}

  /** Reads and checks a series file (a .parquet file or folder of Parquet, else CSV). */
  public static Dataset<Row> read(SparkSession spark, String path) {
    boolean parquet = path.endsWith(".parquet") || path.endsWith(".parquet/") || isParquetFolder(path);
    Dataset<Row> raw;
    try {
      raw = parquet ? spark.read().parquet(path)
          : spark.read().option("header", "true").option("inferSchema", "false").option("mode", "PERMISSIVE").csv(path);
    } catch (RuntimeException e) {
      // Spark reports a missing path or an unreadable file as an AnalysisException (unchecked from Java).
      throw new PopHealthException(uk.pophealth.core.ErrorCategory.BAD_INPUT,
          String.format("Cannot read series file: %s (%s)", e.getMessage(), path), e);
    }
    List<String> columns = Arrays.asList(raw.columns());
    List<String> missing = List.of(SERIES_ID, MONTH, VALUE).stream().filter(c -> !columns.contains(c))
        .collect(Collectors.toList());
    if (!missing.isEmpty()) {
      throw PopHealthException.badInput("Cannot read series file: columns %s are missing; it has %s (%s)", missing,
          columns, path);
    }
    return check(raw.select(col(SERIES_ID).cast("string").as(SERIES_ID), col(MONTH).cast("string").as(MONTH_TEXT),
        col(VALUE).cast("string").as(VALUE_TEXT)), path);
  }

  /** Parses and checks text columns series_id, _month_text, _value_text; fails on any bad row. */
  static Dataset<Row> check(Dataset<Row> text, String source) {
    Column monthText = trim(col(MONTH_TEXT));
    Column month = when(monthText.rlike("^\\d{4}-\\d{2}$"), to_date(concat(monthText, lit("-01")), "yyyy-MM-dd"))
        .when(monthText.rlike("^\\d{4}-\\d{2}-\\d{2}$"), to_date(monthText, "yyyy-MM-dd"));
    Column valueText = trim(col(VALUE_TEXT));
    Column emptyValue = col(VALUE_TEXT).isNull().or(valueText.equalTo(lit("")));
    Column value = when(emptyValue, lit(null).cast("double")).otherwise(valueText.cast("double"));
    Dataset<Row> parsed = text.withColumn(MONTH, org.apache.spark.sql.functions.trunc(month, "MM"))
        .withColumn(VALUE, value);
    Column duplicate = count(lit(1)).over(Window.partitionBy(col(SERIES_ID), col(MONTH))).gt(1);
    Column observed = sum(when(col(VALUE).isNotNull(), lit(1)).otherwise(lit(0)))
        .over(Window.partitionBy(col(SERIES_ID))).equalTo(0);
    Column problem = when(col(SERIES_ID).isNull().or(trim(col(SERIES_ID)).equalTo(lit(""))), lit("empty series_id"))
        .when(col(MONTH).isNull(), lit("month is not YYYY-MM or YYYY-MM-DD"))
        .when(emptyValue.unary_$bang().and(col(VALUE).isNull().or(isnan(col(VALUE)))
            .or(col(VALUE).equalTo(Double.POSITIVE_INFINITY)).or(col(VALUE).equalTo(Double.NEGATIVE_INFINITY))),
            lit("value is not a finite number"))
        .when(duplicate, lit("two rows for one series and month"))
        .when(observed, lit("the series has no value"));
    Dataset<Row> checked = parsed.withColumn(PROBLEM, problem);
    Dataset<Row> bad = checked.filter(col(PROBLEM).isNotNull());
    long badRows = bad.count();
    if (badRows > 0) {
      List<String> problems = bad.groupBy(col(PROBLEM))
          .agg(count(lit(1)).as("_rows"), min(concat_ws(",", shown(SERIES_ID), shown(MONTH_TEXT), shown(VALUE_TEXT))).as("_e"))
          .orderBy(col(PROBLEM)).collectAsList().stream()
          .map(r -> r.getString(0) + ": " + r.getLong(1) + " (e.g. " + r.getString(2) + ")")
          .collect(Collectors.toList());
      throw PopHealthException.badInput("Cannot read series file: %d bad row(s); %s (%s)", badRows,
          String.join("; ", problems), source);
    }
    return checked.select(col(SERIES_ID), col(MONTH), col(VALUE));
  }

  /** The checked series as fitting input: level series, code = series_id, activity series. */
  static Dataset<Row> toSeries(Dataset<Row> series) {
    return series.select(
        concat_ws(SeriesColumns.KEY_SEPARATOR, lit(OutputTables.LEVEL_SERIES), col(SERIES_ID),
            lit(Activities.ANALYST_SERIES)).as(SeriesColumns.SERIES_KEY),
        lit(OutputTables.LEVEL_SERIES).as(OutputTables.GEOGRAPHY_LEVEL),
        col(SERIES_ID).as(OutputTables.GEOGRAPHY_CODE),
        lit(null).cast("string").as(OutputTables.GEOGRAPHY_NAME),
        lit(null).cast("string").as(SeriesColumns.PARENT_CODE),
        lit(Activities.ANALYST_SERIES).as(OutputTables.ACTIVITY_NAME),
        lit(DemandForecast.SERIES_COUNT).as(DemandForecast.SERIES_KIND), col(MONTH).as(DemandForecast.MONTH),
        col(VALUE).as(DemandForecast.VALUE));
  }

  /** A text column as written in the file, an empty field shown empty. */
  private static Column shown(String column) {
    return org.apache.spark.sql.functions.coalesce(col(column), lit(""));
  }

  private static boolean isParquetFolder(String path) {
    java.io.File folder = new java.io.File(path);
    String[] parts = folder.isDirectory() ? folder.list((dir, name) -> name.endsWith(".parquet")) : null;
    return parts != null && parts.length > 0;
  }
}
