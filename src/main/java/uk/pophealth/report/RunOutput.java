package uk.pophealth.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.core.PopHealthException;

/**
 * The output directory of one run, on any Hadoop file system (local, HDFS, object stores): reads its
 * Parquet tables and small files, and writes the report beside them.
 */
final class RunOutput {
  private final SparkSession spark;
  private final Path directory;
  private final Configuration hadoop;

  RunOutput(SparkSession spark, String directory) {
    this.spark = spark;
    this.directory = new Path(directory);
    this.hadoop = spark.sparkContext().hadoopConfiguration();
  }

  String directory() {
    return directory.toString();
  }

  /** The named table, or an absent table saying why (not produced, or unreadable). */
  OutputTable table(String name) {
    Path path = new Path(directory, name);
    try {
      if (!fileSystem().exists(path)) {
        return OutputTable.absent(name, "not produced in this run");
      }
    } catch (IOException e) {
      return OutputTable.absent(name, "could not be listed (" + e.getMessage() + ")");
    }
    try {
      return OutputTable.present(name, spark.read().parquet(path.toString()));
    } catch (Exception e) {
      if (e instanceof AnalysisException) {
        // An empty directory has no Parquet footers to read a schema from: no table was produced.
        return OutputTable.absent(name, "not produced in this run (" + firstLine(e.getMessage()) + ")");
      }
      throw e;
    }
  }

  /** A small text file beside the tables (e.g. the run manifest), if present. */
  Optional<String> readText(String fileName) {
    Path path = new Path(directory, fileName);
    try {
      FileSystem fs = fileSystem();
      if (!fs.exists(path)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(path)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw PopHealthException.badInput("Cannot read %s: %s (%s)", fileName, e.getMessage(), path);
    }
  }

  /** Writes a file beside the tables through a temporary name, so a reader never sees half a report. */
  String writeText(String fileName, String content) {
    Path target = new Path(directory, fileName);
    Path temporary = new Path(directory, "." + fileName + ".tmp");
    try {
      FileSystem fs = fileSystem();
      fs.mkdirs(directory);
      try (OutputStream out = fs.create(temporary, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      if (fs.exists(target) && !fs.delete(target, false)) {
        throw new IOException("could not replace the previous report");
      }
      if (!fs.rename(temporary, target)) {
        throw new IOException("rename from " + temporary + " failed");
      }
      return fs.makeQualified(target).toString();
    } catch (IOException e) {
      throw PopHealthException.failure("Cannot write report: %s (%s)", e.getMessage(), target);
    }
  }

  private FileSystem fileSystem() throws IOException {
    return directory.getFileSystem(hadoop);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
