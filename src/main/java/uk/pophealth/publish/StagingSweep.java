package uk.pophealth.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;

/**
 * Deletes the ingest staging folders of runs that died (kill -9 leaves one behind: pseudonymised person-level rows,
 * kept no longer than a run). A run's folder is named {@code <pid>@<host>-<uuid>}; one whose process is gone from
 * this host is deleted, like a lock with no live owner ({@link OutputLock}). Folders of live runs, of other hosts
 * and anything else under the staging location are left alone.
 */
public final class StagingSweep {
  private static final Logger LOG = LoggerFactory.getLogger(StagingSweep.class);
  private static final Pattern RUN_FOLDER =
      Pattern.compile("(\\d+)@(.+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private StagingSweep() {}

  /** Deletes the folders under {@code stagingBase} left by dead processes of this host; returns them. */
  public static List<String> sweep(Configuration conf, String stagingBase) {
    Path base = new Path(stagingBase);
    List<String> deleted = new ArrayList<>();
    try {
      FileSystem fs = base.getFileSystem(conf);
      if (!fs.exists(base)) {
        return deleted;
      }
      for (FileStatus child : fs.listStatus(base)) {
        Matcher owner = RUN_FOLDER.matcher(child.getPath().getName());
        if (!child.isDirectory() || !owner.matches()) {
          continue;
        }
        String why = OutputLock.deadOnThisHost(owner.group(2), owner.group(1));
        if (why != null) {
          LOG.warn("deleting the staging folder of a dead run ({}): {}", why, child.getPath());
          fs.delete(child.getPath(), true);
          deleted.add(child.getPath().toString());
        }
      }
      return deleted;
    } catch (IOException | FSError e) {
      throw new PopHealthException(ErrorCategory.FAILURE,
          String.format("Cannot delete the staging of dead runs: %s (%s)", e.getMessage(), base), e);
    }
  }
}
