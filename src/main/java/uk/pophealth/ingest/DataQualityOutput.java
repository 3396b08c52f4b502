package uk.pophealth.ingest;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.DataQualityTable;

/**
 * Writes the data_quality table (one small Parquet file) under {@code <output>/data_quality}: first to a
 * hidden sibling folder, then swapped in, so a failed write leaves the previous table in place.
 */
public final class DataQualityOutput {
  private DataQualityOutput() {}

  public static void write(SparkSession spark, IngestResult result, String outputDirectory) {
    if (outputDirectory == null) {
      throw PopHealthException.badConfig("Cannot write %s: no output location given", DataQualityTable.NAME);
    }
    Path target = new Path(outputDirectory, DataQualityTable.NAME);
    Path staging = new Path(outputDirectory, "_" + DataQualityTable.NAME + ".staging");
    result.dataQualityFrame(spark).coalesce(1).write().mode(SaveMode.Overwrite).parquet(staging.toString());
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(target) && !fs.delete(target, true)) {
        throw PopHealthException.failure("Cannot replace %s: delete failed (%s)", DataQualityTable.NAME, target);
      }
      if (!fs.rename(staging, target)) {
        throw PopHealthException.failure("Cannot write %s: rename failed (%s)", DataQualityTable.NAME, target);
      }
    } catch (IOException e) {
      throw new PopHealthException(ErrorCategory.FAILURE,
          String.format("Cannot write %s: %s (%s)", DataQualityTable.NAME, e.getMessage(), target), e);
    }
  }
}
