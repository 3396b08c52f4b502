package uk.pophealth.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.cli.Main;
import uk.pophealth.config.JobConfig;
import uk.pophealth.testing.ChildJvm;

/**
 * Issue 24: the key passed as a Spark setting, the way the cluster docs pass it ({@code spark.executorEnv.<variable>}
 * on the submit line, {@code spark.yarn.appMasterEnv.<variable>} from a properties file), with the event log on and no
 * {@code spark.redaction.regex} given: the product's default redaction keeps it out of the log. The job is a child JVM
 * (its own SparkContext, so its own event log) running the CLI's {@code validate} on the bundled sample, NHS number
 * mode: every input ingested and pseudonymised with the key, in a few Spark jobs. The key travels in the settings
 * every job and stage logs, so the whole {@code run} would add stages, not another route; it is left out for time.
 */
class EventLogRedactionTest {
  private static final String KEY = "event-log-key-3f9a1c7e5b2d4086";
  private static final String REDACTED = "*********(redacted)";

  @Test
  void theKeyPassedAsASparkSettingNeverReachesTheEventLog(@TempDir Path dir) throws Exception {
    Path events = Files.createDirectories(dir.resolve("events"));
    Path out = dir.resolve("out");
    // spark-submit --conf in client mode: system properties of the driver JVM
    List<String> command = ChildJvm.command("1g", List.of("-Dspark.eventLog.enabled=true",
        "-Dspark.eventLog.dir=" + events.toUri(), "-Dspark.executorEnv." + JobConfig.DEFAULT_KEY_ENV + "=" + KEY));
    command.add(Main.class.getName());
    command.addAll(List.of("validate", "--config", Path.of("data", "job.yaml").toAbsolutePath().toString(),
        "--out", out.toString(), "--conf", "spark.yarn.appMasterEnv." + JobConfig.DEFAULT_KEY_ENV + "=" + KEY,
        "--conf", "spark.master=local[2]"));
    File log = dir.resolve("child.log").toFile();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    builder.environment().put(JobConfig.DEFAULT_KEY_ENV, KEY);
    builder.environment().remove("SPARK_CONF_DIR");
    long started = System.nanoTime();
    Process child = builder.start();
    try {
      assertTrue(child.waitFor(600, TimeUnit.SECONDS), "the run did not finish");
    } finally {
      child.destroyForcibly();
    }
    String childLog = Files.readString(log.toPath());
    System.out.printf("the child run took %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    assertEquals(0, child.exitValue(), childLog);

    StringBuilder eventLog = new StringBuilder();
    try (Stream<Path> files = Files.list(events)) {
      for (Path file : files.toList()) {
        eventLog.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    String text = eventLog.toString();
    assertTrue(text.contains("SparkListenerEnvironmentUpdate") && text.contains("SparkListenerJobStart"),
        "an event log of a run with jobs");
    assertTrue(text.contains("\"spark.executorEnv." + JobConfig.DEFAULT_KEY_ENV + "\":\"" + REDACTED + "\""),
        "the setting is logged, its value redacted");
    assertTrue(text.contains("\"spark.yarn.appMasterEnv." + JobConfig.DEFAULT_KEY_ENV + "\":\"" + REDACTED + "\""),
        "the setting is logged, its value redacted");
    assertEquals(0, text.lines().filter(line -> line.contains(KEY)).count(), "event log lines holding the key");
    assertFalse(childLog.contains(KEY), "the key in the run's own output");
  }
}
