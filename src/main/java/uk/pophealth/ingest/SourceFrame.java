package uk.pophealth.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One input as read, before any layout mapping: the provenance columns ({@link IngestColumns#SOURCE_FILE},
 * {@link IngestColumns#LINE_NUMBER}), the {@link IngestColumns#MALFORMED} flag, and every source column as text.
 */
record SourceFrame(Dataset<Row> frame, List<String> columns) {
  SourceFrame {
    requireNonNull(frame, "frame is null");
    columns = List.copyOf(columns);
  }
}
