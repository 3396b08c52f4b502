package uk.pophealth.publish;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Every run's own record, {@code <outputRoot>/_runs/<run_id>.json}: written as {@code started} when the run holds
 * the lock, then replaced by its end, {@code succeeded} or {@code failed} with the error. A run that loses the lock
 * to another records itself here as failed and touches nothing else. Unlike {@code _run_manifest.json}, which names
 * only the last successful run, these say what every run did, also a run killed outright: its record stays
 * {@code started} until the next run, holding the lock, closes it as failed.
 */
public final class RunRecords {
  public static final String DIR = "_runs";
  private static final Logger LOG = LoggerFactory.getLogger(RunRecords.class);
  private static final String SUFFIX = ".json";

  private RunRecords() {}

  /** Writes (or replaces) the record of {@code run}. */
  public static void write(Configuration conf, String outputRoot, RunManifest run) {
    run.writeTo(conf, path(outputRoot, run.runId()));
  }

  /** The record of {@code runId}, if there is one that can be read. */
  public static Optional<RunManifest> read(Configuration conf, String outputRoot, String runId) {
    Path path = path(outputRoot, runId);
    try {
      if (!path.getFileSystem(conf).exists(path)) {
        return Optional.empty();
      }
      return Optional.of(RunManifest.readFrom(conf, path));
    } catch (IOException | PopHealthException e) {
      LOG.warn("cannot read the record of run {}: {}", runId, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Closes as failed every record but {@code currentRunId}'s still saying {@code started}: the caller holds the
   * output's lock, so those runs are dead (killed, or their machine lost). Returns their run ids.
   */
  public static List<String> closeAbandoned(Configuration conf, String outputRoot, String currentRunId) {
    requireNonNull(currentRunId, "currentRunId is null");
    Path dir = new Path(outputRoot, DIR);
    List<String> closed = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return closed;
      }
      for (FileStatus file : fs.listStatus(dir)) {
        String name = file.getPath().getName();
        if (!name.endsWith(SUFFIX) || name.startsWith(".")) {
          continue;
        }
        String runId = name.substring(0, name.length() - SUFFIX.length());
        Optional<RunManifest> record = runId.equals(currentRunId) ? Optional.empty() : read(conf, outputRoot, runId);
        if (record.isPresent() && RunManifest.STARTED.equals(record.get().status())) {
          write(conf, outputRoot, record.get().closedAsFailed(Instant.now(),
              "did not finish: killed or lost (no live run held the lock when run " + currentRunId + " started)"));
          closed.add(runId);
        }
      }
      return closed;
    } catch (IOException | FSError e) {
      throw new PopHealthException(ErrorCategory.FAILURE,
          String.format("Cannot read the run records: %s (%s)", e.getMessage(), dir), e);
    }
  }

  static Path path(String outputRoot, String runId) {
    return new Path(new Path(requireNonNull(outputRoot, "outputRoot is null"), DIR), runId + SUFFIX);
  }
}
