package uk.pophealth.bench;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import uk.pophealth.schema.TableSchema;

/**
 * Reads a canonical input table from {@code DIR/<table name>} (Parquet), cast to its declared types: the
 * generator writes some reference-table dates as ISO strings, so the declared schema cannot be imposed at read.
 */
final class ParquetInputs {
  private final SparkSession spark;
  private final String dir;

  ParquetInputs(SparkSession spark, String dir) {
    this.spark = spark;
    this.dir = dir;
  }

  Dataset<Row> read(TableSchema table) {
    Column[] columns = Arrays.stream(table.schema().fields())
        .map(f -> functions.col(f.name()).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new);
    return spark.read().parquet(dir + "/" + table.name()).select(columns);
  }
}
