package uk.pophealth.cluster;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import uk.pophealth.config.JobConfigLoader;

/**
 * The Spark job the cluster and scheduling tests drive, switched by the pom property {@code pophealth.run.ready}:
 * <ul>
 *   <li>true: the full job on the bundled sample, {@code run --config data/job.yaml --out DIR --from M-1 --to M}
 *       (M: the sample's last month);</li>
 *   <li>false (until {@code run} works end to end): the generator as a stand-in Spark job with many stages,
 *       {@code generate --people 2000 --seed 1 --bad-rows 0 --out DIR}; tests that need {@code run} skip.</li>
 * </ul>
 */
final class JobUnderTest {
  static final boolean RUN_READY = Boolean.getBoolean("pophealth.run.ready");
  /** A key for the synthetic sample only; a real run takes its key from a secrets store. */
  static final Map<String, String> ENV = Map.of("POPHEALTH_PSEUDONYMISATION_KEY", "test-key-synthetic-sample-only");

  private JobUnderTest() {}

  static List<String> commandLine(Path out) {
    if (RUN_READY) {
      YearMonth last = lastPeriod();
      return List.of("run", "--config", sampleConfig().toString(), "--out", out.toString(),
          "--from", last.minusMonths(1).toString(), "--to", last.toString());
    }
    return List.of("generate", "--people", "2000", "--seed", "1", "--bad-rows", "0", "--out", out.toString());
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

  static void assumeRunReady() {
    Assumptions.assumeTrue(RUN_READY,
        "needs the full run job: set <pophealth.run.ready>true</pophealth.run.ready> in the pom once "
            + "`run --config data/job.yaml` works end to end");
  }

  /**
   * Skips (not fails) when the job under test is still the foundation's placeholder in this build, whose only
   * output is "Cannot ...: not built yet"; any other failure is a failure.
   */
  static void assumeBuilt(int exitCode, Path log) {
    Assumptions.assumeFalse(exitCode == 1 && Processes.read(log).contains("not built yet"),
        () -> "the job under test is a placeholder in this build: " + commandLine(Path.of("OUT")));
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
