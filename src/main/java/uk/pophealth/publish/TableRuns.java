package uk.pophealth.publish;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.OutputTable;

/**
 * Which run last wrote each table: a small file {@code <table>/_run_id} holding the run id, written <em>before</em>
 * the run starts publishing the table, so a run killed while publishing leaves the table naming it. Readers of the
 * table skip it (Spark ignores names starting with {@code _}).
 *
 * <p>A run compares these with the last successful run ({@code _run_manifest.json}) before it writes anything:
 * a table written since by a run that failed or was killed makes the folder mixed, which {@link #findings} names
 * (each such table is republished by the run, and the finding kept in its manifest's warnings).
 */
public final class TableRuns {
  public static final String FILE_NAME = "_run_id";

  private TableRuns() {}

  /** Records that {@code runId} is writing {@code location} (a table's directory). */
  public static void mark(Configuration conf, String location, String runId) {
    requireNonNull(runId, "runId is null");
    Path path = new Path(requireNonNull(location, "location is null"), FILE_NAME);
    try {
      FileSystem fs = path.getFileSystem(conf);
      fs.mkdirs(path.getParent());
      try (FSDataOutputStream out = fs.create(path, true)) {
        out.write((runId + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | FSError e) {
      throw new PopHealthException(ErrorCategory.FAILURE,
          String.format("Cannot record the run writing a table: %s (%s)", e.getMessage(), path), e);
    }
  }

  /** The run that last wrote {@code location}, if recorded. */
  public static Optional<String> writer(Configuration conf, String location) {
    Path path = new Path(location, FILE_NAME);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(path)) {
        String runId = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        return runId.isEmpty() ? Optional.of("(unknown: empty " + FILE_NAME + ")") : Optional.of(runId);
      }
    } catch (IOException | FSError e) {
      throw new PopHealthException(ErrorCategory.FAILURE,
          String.format("Cannot read the run that wrote a table: %s (%s)", e.getMessage(), path), e);
    }
  }

  /**
   * One sentence per table of {@code tables} under {@code outputRoot} last written by a run other than the last
   * successful one: which run, how it ended (from its record in {@code _runs/}), and which run the manifest names.
   */
  public static List<String> findings(Configuration conf, String outputRoot, List<OutputTable> tables) {
    Optional<String> lastGood = lastSuccessful(conf, outputRoot);
    List<String> findings = new ArrayList<>();
    for (OutputTable table : tables) {
      Optional<String> writer = writer(conf, new Path(outputRoot, table.name()).toString());
      if (writer.isEmpty() || writer.equals(lastGood)) {
        continue;
      }
      String ended = RunRecords.read(conf, outputRoot, writer.get())
          .map(run -> RunManifest.STARTED.equals(run.status()) ? "never finished (killed?)"
              : run.status() + (run.message() == null ? "" : ": " + run.message()))
          .orElse("no record of that run");
      findings.add(String.format("the output folder was mixed: %s was last written by run %s (%s), not by the last "
          + "successful run (%s); this run republishes it", table.name(), writer.get(), ended,
          lastGood.orElse("none")));
    }
    return findings;
  }

  private static Optional<String> lastSuccessful(Configuration conf, String outputRoot) {
    Path manifest = new Path(outputRoot, RunManifest.FILE_NAME);
    try {
      if (!manifest.getFileSystem(conf).exists(manifest)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new PopHealthException(ErrorCategory.FAILURE,
          String.format("Cannot read run manifest: %s (%s)", e.getMessage(), manifest), e);
    }
    RunManifest last = RunManifest.read(conf, outputRoot);
    return RunManifest.SUCCEEDED.equals(last.status()) ? Optional.of(last.runId()) : Optional.empty();
  }
}
