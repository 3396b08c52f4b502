package uk.pophealth.testing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.ingest.layout.Layout;
import uk.pophealth.schema.TableSchema;

/**
 * A stand-in for the ingest readers in layout and geography tests: a headed CSV as all-string columns (no
 * inferSchema) plus the provenance columns a Layout expects (the line number is only a unique stand-in), and a
 * plain cast of canonical string columns to a table's declared types.
 */
public final class RawCsv {
  private RawCsv() {}

  public static Dataset<Row> read(Path file) {
    return SharedSpark.spark().read().option("header", "true").option("inferSchema", "false").csv(file.toString())
        .withColumn(Layout.SOURCE_FILE, input_file_name())
        .withColumn(Layout.LINE_NUMBER, monotonically_increasing_id());
  }

  public static Dataset<Row> typed(Dataset<Row> canonical, TableSchema table) {
    return canonical.select(Arrays.stream(table.schema().fields())
        .map(f -> col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new));
  }
}
