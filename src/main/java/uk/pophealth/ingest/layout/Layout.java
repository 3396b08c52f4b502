package uk.pophealth.ingest.layout;

import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An official published file layout (IMD File_1, epraccur, ePCN, CLD, ONS lookups, ...) mapped onto one
 * canonical input table. The reader reads the file with every column as a string, adds the provenance
 * columns {@link #SOURCE_FILE} and {@link #LINE_NUMBER}, and hands it to {@link #toCanonical}; the result has
 * the canonical column names (still strings, not yet typed) plus the two provenance columns, so that rows
 * the rules reject can be quarantined with their source file and line.
 */
public interface Layout extends Serializable {
  String SOURCE_FILE = "_source_file";
  String LINE_NUMBER = "_line_number";

  /** The value of {@code layout:} in the job config that selects this layout. */
  String name();

  /** The canonical table (InputTables name) this layout maps to. */
  String table();

  /** Whether the published file has a header line (epraccur has none). */
  boolean hasHeader();

  /** Column names to use when the file has no header; empty when it has one. */
  default java.util.List<String> columnNames() {
    return java.util.List.of();
  }

  /**
   * Source columns the file must have (checked against the header before any row is read, every missing one
   * named at once). Empty means no check beyond what {@link #toCanonical} needs.
   */
  default java.util.List<String> requiredSourceColumns() {
    return java.util.List.of();
  }

  /** Source columns holding person identifiers: masked when a malformed row is quarantined before mapping. */
  default java.util.List<String> identifierColumns() {
    return java.util.List.of();
  }

  /**
   * What to use instead when the file lacks these required source columns (appended to the error), e.g. which
   * published file has them; empty when there is nothing more to say than the columns' names.
   */
  default String missingColumnsAdvice(java.util.List<String> missing) {
    return "";
  }

  /** The file's character encoding (epraccur is published as latin-1). */
  default String charset() {
    return "UTF-8";
  }

  /** Maps raw string columns to the canonical table's columns, keeping the provenance columns. */
  Dataset<Row> toCanonical(Dataset<Row> raw);
}
