package uk.pophealth.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.schema.TableSchema;
import uk.pophealth.testing.RawCsv;

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
    return RawCsv.typed(spark.read().parquet(dir + "/" + table.name()), table);
  }
}
