package uk.pophealth.generate;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.core.PopHealthException;

/**
 * Writes one generated table as a folder of CSV (header, empty for null, ISO dates) or Parquet files under the
 * output location (any Hadoop URI). On a local file system it then tidies the folder: no _SUCCESS or .crc files,
 * and part files renamed to stable names (part-00000.csv), so a regenerated sample differs only where data does.
 */
final class TableWriter {
  /** Spark names part files part-NNNNN-<job uuid>-c000.<extension>. */
  private static final String FILE_COUNTER = "-c000";

  private final SparkSession spark;
  private final String out;
  private final String format;

  TableWriter(SparkSession spark, String out, String format) {
    this.spark = spark;
    this.out = out;
    this.format = format;
  }

  String location(String table) {
    return out.endsWith("/") ? out + table : out + "/" + table;
  }

  void write(String table, Dataset<Row> rows) {
    spark.sparkContext().setJobDescription("generate " + table);
    String target = location(table);
    if (format.equals("csv")) {
      rows.write().mode(SaveMode.Overwrite).option("header", "true").option("nullValue", "")
          .option("escape", "\"").csv(target);
    } else {
      rows.write().mode(SaveMode.Overwrite).parquet(target);
    }
    tidy(target);
  }

  /** Writes a small text file (truth.json, job.yaml) beside the tables. */
  void writeText(String name, String text) {
    try {
      Path path = new Path(location(name));
      FileSystem fs = raw(path.getFileSystem(hadoop()));
      try (var stream = fs.create(path, true)) {
        stream.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw PopHealthException.failure("Cannot write %s: %s (%s)", name, e.getMessage(), out);
    }
  }

  /** Removes a text file left by an earlier run, so it is never mistaken for this run's. */
  void deleteText(String name) {
    try {
      Path path = new Path(location(name));
      path.getFileSystem(hadoop()).delete(path, false);
    } catch (IOException e) {
      throw PopHealthException.failure("Cannot delete %s: %s (%s)", name, e.getMessage(), out);
    }
  }

  private void tidy(String target) {
    try {
      Path folder = new Path(target);
      FileSystem fs = folder.getFileSystem(hadoop());
      if (!(fs instanceof LocalFileSystem)) {
        return;
      }
      fs = raw(fs);
      for (FileStatus file : fs.listStatus(folder)) {
        String name = file.getPath().getName();
        int marker = name.indexOf(FILE_COUNTER);
        if (name.startsWith("part-") && marker > 10) {
          fs.rename(file.getPath(), new Path(folder, name.substring(0, 10) + name.substring(marker + FILE_COUNTER.length())));
        }
      }
      for (FileStatus file : fs.listStatus(folder)) {
        String name = file.getPath().getName();
        if (name.startsWith(".") || name.startsWith("_")) {
          fs.delete(file.getPath(), false);
        }
      }
    } catch (IOException e) {
      throw PopHealthException.failure("Cannot tidy %s: %s", target, e.getMessage());
    }
  }

  private Configuration hadoop() {
    return spark.sparkContext().hadoopConfiguration();
  }

  /** The local file system without its .crc checksum files; any other file system as it is. */
  private static FileSystem raw(FileSystem fs) {
    return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
  }
}
