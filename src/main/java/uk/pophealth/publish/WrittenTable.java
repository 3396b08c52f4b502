package uk.pophealth.publish;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one write published: the table, its location, the rows written and the rows per partition value
 * (keyed by the value as text, e.g. {@code 2024-03-31}; one entry keyed {@code ""} for an unpartitioned table).
 */
public record WrittenTable(String table, String location, long rows, Map<String, Long> rowsByPartition) {
  public WrittenTable {
    requireNonNull(table, "table is null");
    requireNonNull(location, "location is null");
    rowsByPartition = java.util.Collections.unmodifiableMap(new TreeMap<>(rowsByPartition));
  }
}
