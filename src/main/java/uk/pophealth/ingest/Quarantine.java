package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import uk.pophealth.schema.QuarantineTable;

/**
 * Builds and writes quarantine records ({@link QuarantineTable}): rule, table, source file and line, and the
 * row's values with person identifiers masked. The location is the restricted quarantine folder, one Parquet
 * folder per table, overwritten by each run so it always describes the latest run.
 */
final class Quarantine {
  /** Ten digits in a row, or 3-3-4 separated by a space or dash, not inside a longer run of digits. */
  private static final Pattern NHS_NUMBER_LIKE = Pattern.compile("(?<!\\d)\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?!\\d)");

  private Quarantine() {}

  /** All but the last 3 characters replaced by '*'; values of 3 characters or fewer fully masked. */
  static Column mask(Column value) {
    return when(length(value).leq(3), regexp_replace(value, ".", "*"))
        .otherwise(regexp_replace(value, ".(?=.{3})", "*"));
  }

  /**
   * The values of a quarantine record as "column=value, ...", every run of 10 digits (or 3-3-4 with spaces or
   * dashes) in any value masked as {@link #mask} masks person_id, for a message: a shifted field can carry an NHS
   * number into any column.
   */
  static String maskNhsNumbers(Map<String, String> values) {
    List<String> fields = new ArrayList<>();
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String value = entry.getValue() == null ? "" : entry.getValue();
      Matcher number = NHS_NUMBER_LIKE.matcher(value);
      StringBuilder masked = new StringBuilder();
      while (number.find()) {
        String digits = number.group();
        number.appendReplacement(masked, "*".repeat(digits.length() - 3) + digits.substring(digits.length() - 3));
      }
      number.appendTail(masked);
      fields.add(entry.getKey() + "=" + masked);
    }
    return String.join(", ", fields);
  }

  static Dataset<Row> records(Dataset<Row> rows, String table, Column rule, List<String> columns,
      Collection<String> identifierColumns) {
    List<Column> entries = new ArrayList<>();
    for (String column : columns) {
      Column value = IngestColumns.exact(column);
      entries.add(lit(column));
      entries.add(identifierColumns.contains(column) ? mask(value) : value);
    }
    return rows.select(
        lit(table).as(QuarantineTable.TABLE_NAME),
        rule.cast(DataTypes.StringType).as(QuarantineTable.RULE),
        col(IngestColumns.SOURCE_FILE).as(QuarantineTable.SOURCE_FILE),
        col(IngestColumns.LINE_NUMBER).cast(DataTypes.LongType).as(QuarantineTable.LINE_NUMBER),
        map(entries.toArray(new Column[0])).as(QuarantineTable.RAW_VALUES));
  }

  static void write(Dataset<Row> records, String quarantineLocation, String table) {
    records.write().mode(SaveMode.Overwrite).parquet(location(quarantineLocation, table));
  }

  static String location(String quarantineLocation, String table) {
    String base = quarantineLocation.endsWith("/")
        ? quarantineLocation.substring(0, quarantineLocation.length() - 1) : quarantineLocation;
    return base + "/" + table;
  }
}
