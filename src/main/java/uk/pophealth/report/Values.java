package uk.pophealth.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.apache.spark.sql.Row;

/**
 * Reads values from collected rows by column name, tolerating the types a Parquet writer may have chosen
 * (int or long counts, double or decimal rates, date or string periods).
 */
final class Values {
  private Values() {}

  static String string(Row row, String column) {
    Object value = get(row, column);
    return value == null ? null : value.toString();
  }

  static Double decimal(Row row, String column) {
    Object value = get(row, column);
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return Double.isNaN(d) ? null : d;
    }
    return value == null ? null : Double.valueOf(value.toString());
  }

  static Long count(Row row, String column) {
    Object value = get(row, column);
    if (value instanceof Number number) {
      return Math.round(number.doubleValue());
    }
    return value == null ? null : Long.valueOf(value.toString());
  }

  /** True when the row's flag column is set; a table without the column has no flags set. */
  static boolean flag(Row row, String column) {
    Object value = get(row, column);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  /** The value of a column, or null when the row has no such column (an optional column the table lacks). */
  static Object get(Row row, String column) {
    scala.Option<Object> index = row.schema().getFieldIndex(column);
    return index.isDefined() ? row.get((Integer) index.get()) : null;
  }

  /** A period as an ISO date (or YYYY-MM) string. */
  static String period(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toLocalDate().toString();
    }
    if (value instanceof Instant instant) {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toLocalDate().toString();
    }
    return value.toString();
  }

  /** The month a period falls in: accepts dates, timestamps and strings starting YYYY-MM. */
  static YearMonth month(Object value) {
    if (value instanceof LocalDate date) {
      return YearMonth.from(date);
    }
    String text = period(value);
    return text == null || text.length() < 7 ? null : YearMonth.parse(text.substring(0, 7));
  }

  /** A period's month as YYYY-MM, or a dash when there is none. */
  static String monthText(Object value) {
    YearMonth month = month(value);
    return month == null ? "\u2013" : month.toString();
  }
}
