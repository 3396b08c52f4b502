package uk.pophealth.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * One table's row counts after ingestion: rows in = rows accepted + rows quarantined, exactly; quarantined
 * rows by rule name; the quarantine-rate ceiling the table was held to.
 */
public record TableCounts(String table, long rowsIn, long rowsAccepted, Map<String, Long> quarantinedByRule,
    double maxQuarantineRate) {
  public TableCounts {
    requireNonNull(table, "table is null");
    quarantinedByRule = Map.copyOf(new TreeMap<>(quarantinedByRule));
    long quarantined = quarantinedByRule.values().stream().mapToLong(Long::longValue).sum();
    if (rowsIn != rowsAccepted + quarantined) {
      throw new IllegalArgumentException(String.format(
          "Cannot count %s: rows in %d != accepted %d + quarantined %d", table, rowsIn, rowsAccepted, quarantined));
    }
  }

  public long rowsQuarantined() {
    return rowsIn - rowsAccepted;
  }

  public long quarantined(String rule) {
    return quarantinedByRule.getOrDefault(rule, 0L);
  }

  public double quarantineRate() {
    return rowsIn == 0 ? 0.0 : (double) rowsQuarantined() / rowsIn;
  }

  public boolean overCeiling() {
    return quarantineRate() > maxQuarantineRate;
  }
}
