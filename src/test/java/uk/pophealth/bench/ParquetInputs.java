package uk.pophealth.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.schema.TableSchema;

/**
 * Reads a canonical input table from {@code DIR/<table name>} (Parquet) with its declared schema given up front,
 * so Spark runs no schema-discovery job per table (the generator writes the canonical types).
 */
final class ParquetInputs {
  private final SparkSession spark;
  private final String dir;

  ParquetInputs(SparkSession spark, String dir) {
    this.spark = spark;
    this.dir = dir;
  }

  Dataset<Row> read(TableSchema table) {
    return spark.read().schema(table.schema()).parquet(dir + "/" + table.name());
  }
}
