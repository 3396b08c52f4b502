package uk.pophealth.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;

/**
 * Lists the data files of one input: the file itself (named as configured, so messages show the user's path),
 * or every non-hidden file under a folder, sorted.
 */
final class InputFiles {
  private InputFiles() {}

  static List<String> list(Configuration conf, String table, String location) {
    try {
      Path root = new Path(location);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw PopHealthException.badInput("Cannot read %s: no such file or folder (%s)", table, location);
      }
      FileStatus status = fs.getFileStatus(root);
      if (status.isFile()) {
        return List.of(location);
      }
      List<String> files = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> iterator = fs.listFiles(root, true);
      String rootText = status.getPath().toString();
      while (iterator.hasNext()) {
        String file = iterator.next().getPath().toString();
        if (!isHidden(file.substring(Math.min(rootText.length(), file.length())))) {
          files.add(file);
        }
      }
      Collections.sort(files);
      if (files.isEmpty()) {
        throw PopHealthException.badInput("Cannot read %s: the folder holds no data files (%s)", table, location);
      }
      return List.copyOf(files);
    } catch (IOException e) {
      throw new PopHealthException(ErrorCategory.BAD_INPUT,
          String.format("Cannot read %s: %s (%s)", table, e.getMessage(), location), e);
    }
  }

  /** Spark and Hadoop side files (_SUCCESS, .crc, _temporary/...) are not data. */
  private static boolean isHidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith("_") || part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
