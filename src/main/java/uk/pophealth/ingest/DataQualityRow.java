package uk.pophealth.ingest;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Row;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.RowBuilder;

/** One row of the {@link DataQualityTable data_quality} output: a table and a rule (or {@code all}). */
public record DataQualityRow(String tableName, String rule, long rowsIn, long rowsAccepted, long rowsQuarantined,
    String exampleLines) {
  public DataQualityRow {
    requireNonNull(tableName, "tableName is null");
    requireNonNull(rule, "rule is null");
    requireNonNull(exampleLines, "exampleLines is null");
  }

  /** A row of {@link DataQualityTable#TABLE}. */
  public Row toRow() {
    return RowBuilder.of(DataQualityTable.TABLE).set(DataQualityTable.TABLE_NAME, tableName)
        .set(DataQualityTable.RULE, rule).set(DataQualityTable.ROWS_IN, rowsIn)
        .set(DataQualityTable.ROWS_ACCEPTED, rowsAccepted).set(DataQualityTable.ROWS_QUARANTINED, rowsQuarantined)
        .set(DataQualityTable.EXAMPLE_LINES, exampleLines).build();
  }
}
