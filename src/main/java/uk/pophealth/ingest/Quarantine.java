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
  private Quarantine() {}

  /** All but the last 3 characters replaced by '*'; values of 3 characters or fewer fully masked. */
  static Column mask(Column value) {
    return when(length(value).leq(3), regexp_replace(value, ".", "*"))
        .otherwise(regexp_replace(value, ".(?=.{3})", "*"));
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
