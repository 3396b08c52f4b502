package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Parses text into the declared types as Spark expressions: null when the text is not a value of the type, so
 * the rules can tell a bad value from an empty one. Dates must be ISO yyyy-MM-dd and real (2023-02-29 is not);
 * no parser leniency and no dependence on spark.sql.ansi.enabled or the legacy time parser policy.
 *
 * <p>Two common extract forms mean one value only and are read as it (each counted as a normalisation:
 * {@link #isIntegralFloat}, {@link #isDateTime}): a whole number with a zero decimal part where an integer is
 * expected (2024.0: Excel, or a Parquet DOUBLE cast to text), and a date-time where a date is expected (a Parquet
 * TIMESTAMP cast to text in the session's UTC zone, or yyyy-MM-dd HH:mm:ss from a database export): its date.
 */
final class TypedValues {
  static final String ISO_DATE = "^\\d{4}-\\d{2}-\\d{2}$";
  private static final String INT = "^[+-]?\\d{1,9}(\\.0+)?$";
  private static final String LONG = "^[+-]?\\d{1,18}(\\.0+)?$";
  private static final String ZERO_DECIMALS = "\\.0+$";
  private static final String INTEGRAL_FLOAT = "^[+-]?\\d+\\.0+$";
  private static final String DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";
  private static final String DOUBLE = "^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$";

  private TypedValues() {}

  static Column parse(Column text, DataType type) {
    if (type.equals(DataTypes.DateType)) {
      return date(text);
    }
    if (type.equals(DataTypes.IntegerType)) {
      return when(text.rlike(INT), regexp_replace(text, ZERO_DECIMALS, "").cast(DataTypes.IntegerType));
    }
    if (type.equals(DataTypes.LongType)) {
      return when(text.rlike(LONG), regexp_replace(text, ZERO_DECIMALS, "").cast(DataTypes.LongType));
    }
    if (type.equals(DataTypes.DoubleType)) {
      return when(text.rlike(DOUBLE), text.cast(DataTypes.DoubleType));
    }
    if (type.equals(DataTypes.StringType)) {
      return text;
    }
    throw new IllegalArgumentException("Cannot parse input column: unsupported type (" + type.simpleString() + ")");
  }

  /** True when the text is a whole number written with a zero decimal part (read as the integer). */
  static Column isIntegralFloat(Column text) {
    return text.rlike(INTEGRAL_FLOAT);
  }

  /** True when the text is a date-time (read as its date). */
  static Column isDateTime(Column text) {
    return text.rlike(DATE_TIME);
  }

  /** A date-time's date part; any other text as it is. */
  static Column dateOf(Column text) {
    return when(isDateTime(text), substring(text, 1, 10)).otherwise(text);
  }

  /** First of the month plus (day - 1) days, kept only when it stays in the month: never throws. */
  static Column date(Column dateOrDateTime) {
    Column text = dateOf(dateOrDateTime);
    Column year = substring(text, 1, 4).cast(DataTypes.IntegerType);
    Column monthOfYear = substring(text, 6, 2).cast(DataTypes.IntegerType);
    Column day = substring(text, 9, 2).cast(DataTypes.IntegerType);
    Column candidate = date_add(make_date(year, monthOfYear, lit(1)), day.minus(1));
    Column plausible = text.rlike(ISO_DATE).and(year.geq(1)).and(monthOfYear.between(1, 12)).and(day.between(1, 31));
    return when(plausible.and(month(candidate).equalTo(monthOfYear)), candidate);
  }
}
