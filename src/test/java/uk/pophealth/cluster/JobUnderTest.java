package uk.pophealth.cluster;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.pophealth.config.JobConfigLoader;

/**
 * The Spark job the cluster and scheduling tests drive: the full job on the bundled sample,
 * {@code run --config data/job.yaml --out DIR --from M-1 --to M} (M: the sample's last month).
 */
final class JobUnderTest {
  /** A key for the synthetic sample only; a real run takes its key from a secrets store. */
  static final Map<String, String> ENV = Map.of("POPHEALTH_PSEUDONYMISATION_KEY", "test-key-synthetic-sample-only");

  private JobUnderTest() {}

  static List<String> commandLine(Path out) {
    YearMonth last = lastPeriod();
    return List.of("run", "--config", sampleConfig().toString(), "--out", out.toString(),
        "--from", last.minusMonths(1).toString(), "--to", last.toString());
  }

  /** The scheduled form: {@code run --config data/job.yaml --out OUT --period YYYY-MM}. */
  static List<String> periodRun(Path out, YearMonth period) {
    return List.of("run", "--config", sampleConfig().toString(), "--out", out.toString(), "--period", period.toString());
  }

  /**
   * The sample config's last reporting month. The full job runs over the last two months of the sample (every
   * stage, on all the sample's inputs) so that the five runs of the cluster tests fit CI time.
   */
  static YearMonth lastPeriod() {
    return YearMonth.parse(JobConfigLoader.load(sampleConfig()).periodTo());
  }

  static Path sampleConfig() {
    return Project.root().resolve("data").resolve("job.yaml");
  }

  /** Runs a command line on embedded local[*] Spark through scripts/pophealth (the same jar); its exit code. */
  static int runLocally(List<String> args, Path log) {
    return Processes.await(startLocally(args, log), Processes.JOB_TIMEOUT, log);
  }

  /** Starts a local run without waiting for it. */
  static Process startLocally(List<String> args, Path log) {
    List<String> command = new ArrayList<>(List.of("bash", Project.script("pophealth")));
    command.addAll(args);
    Map<String, String> env = new HashMap<>(ENV);
    env.put("POPHEALTH_DRIVER_MEMORY", "1g");
    return Processes.start(command, env, log);
  }
}
