package uk.pophealth.ingest;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import uk.pophealth.schema.DataQualityTable;

/** One row of the {@link DataQualityTable data_quality} output: a table and a rule (or {@code all}). */
public record DataQualityRow(String tableName, String rule, long rowsIn, long rowsAccepted, long rowsQuarantined,
    String exampleLines) {
  public DataQualityRow {
    requireNonNull(tableName, "tableName is null");
    requireNonNull(rule, "rule is null");
    requireNonNull(exampleLines, "exampleLines is null");
  }

  /** In {@link DataQualityTable#SCHEMA} column order. */
  public Row toRow() {
    return RowFactory.create(tableName, rule, rowsIn, rowsAccepted, rowsQuarantined, exampleLines);
  }
}
