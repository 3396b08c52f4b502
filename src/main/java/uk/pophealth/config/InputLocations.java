package uk.pophealth.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import uk.pophealth.core.PopHealthException;

/**
 * Checks that every configured input path (each vintage's too) exists, through the Hadoop FileSystem of its URI,
 * before anything is read: a missing folder would otherwise be found only when ingestion reaches its table, after
 * minutes of ingesting the others. Only the paths' metadata is asked for; no file is opened.
 */
public final class InputLocations {
  private InputLocations() {}

  /** BAD_CONFIG naming every missing (or unreachable) input, as {@code table (path)}, in one message. */
  public static void requireExist(Configuration hadoop, JobConfig config) {
    requireNonNull(hadoop, "hadoop is null");
    List<String> missing = new ArrayList<>();
    for (String table : new TreeSet<>(config.inputTables())) {
      for (String location : config.input(table).paths()) {
        String problem = problem(hadoop, location);
        if (problem != null) {
          missing.add(table + " " + problem);
        }
      }
    }
    PopHealthException.checkConfig(missing.isEmpty(), "Cannot read inputs: %d configured input path%s not found; "
        + "check the paths under inputs (relative ones resolve against the config file's folder) (%s)",
        missing.size(), missing.size() == 1 ? " was" : "s were", String.join(", ", missing));
  }

  /**
   * Null when the location exists, else what is wrong with it, naming it: not found, or a location no filesystem
   * serves (a malformed URI, an unknown scheme). Any other failure to ask (a filesystem that cannot be reached,
   * permission refused) is an I/O failure, not a config error, and is thrown as one.
   */
  private static String problem(Configuration hadoop, String location) {
    try {
      Path path = new Path(location);
      FileSystem fs = path.getFileSystem(hadoop);
      // a glob (events/*.csv) must match something, as Spark's reader would require
      FileStatus[] matches = fs.globStatus(path);
      return matches != null && matches.length > 0 ? null : location;
    } catch (UnsupportedFileSystemException | IllegalArgumentException e) {
      return location + ": " + e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check input " + location + ": " + e.getMessage(), e);
    }
  }
}
