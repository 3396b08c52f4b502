package uk.pophealth.ingest;

import java.util.List;
import uk.pophealth.schema.DataQualityTable;

/**
 * Formats the data-quality summary printed at the end of every run: per table, then per rule that quarantined rows
 * and per normalisation applied;
 * then any findings of later stages (e.g. geography gaps and overlaps).
 */
final class DataQualitySummary {
  private DataQualitySummary() {}

  static String format(List<TableCounts> counts, List<DataQualityRow> rows, List<DataQualityRow> findings) {
    StringBuilder text = new StringBuilder("Data quality (rows in = accepted + quarantined):\n");
    for (TableCounts table : counts) {
      text.append(String.format("  %-20s %,12d in %,12d accepted %,10d quarantined (%.2f%%, ceiling %.2f%%)%s%n",
          table.table(), table.rowsIn(), table.rowsAccepted(), table.rowsQuarantined(), 100 * table.quarantineRate(),
          100 * table.maxQuarantineRate(), table.overCeiling() ? "  OVER CEILING" : ""));
      for (DataQualityRow row : rows) {
        if (row.tableName().equals(table.table()) && row.rowsQuarantined() > 0
            && !row.rule().equals(DataQualityTable.ALL_RULES)) {
          text.append(String.format("      %-28s %,10d  e.g. %s%n", row.rule(), row.rowsQuarantined(),
              row.exampleLines()));
        } else if (row.tableName().equals(table.table()) && DataQualityTable.isNormalisation(row.rule())) {
          text.append(String.format("      %-28s %s (used, not quarantined)%n", row.rule(), row.exampleLines()));
        }
      }
    }
    if (!findings.isEmpty()) {
      text.append("Reference-table findings (nothing quarantined):\n");
      for (DataQualityRow row : findings) {
        text.append(String.format("  %-20s %-28s %s%n", row.tableName(), row.rule(), row.exampleLines()));
      }
    }
    return text.toString();
  }
}
