package uk.pophealth.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.pophealth.cli.Main;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.JobConfigLoader;
import uk.pophealth.publish.OutputLock;
import uk.pophealth.schema.InputTables;
import uk.pophealth.schema.OutputTables.AcpUptake;
import uk.pophealth.testing.TestFiles;

/**
 * What a monthly scheduled run relies on, on the bundled sample through the real jar (scripts/pophealth, local[*]):
 * {@code run --period} replaces exactly that period's partitions and repeats identically, exit codes 2/3/1, the
 * output lock against overlapping runs, and one log line per stage. Needs the full {@code run} job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledRunIT {
  private static final Pattern STAGE_LINE = Pattern.compile("stage (.+?) finished in [0-9]");

  private final Path dir = Project.workDir("scheduled-run");
  private Path reference;
  private Path referenceLog;

  @BeforeAll
  void runTheSampleOnce() {
    TestFiles.deleteRecursively(dir);
    reference = LocalReference.output();
    referenceLog = LocalReference.log();
  }

  @Test
  void eachStageLogsOneLineWithItsTime() {
    List<String> stages = new ArrayList<>();
    Matcher matcher = STAGE_LINE.matcher(Processes.read(referenceLog));
    while (matcher.find()) {
      stages.add(matcher.group(1));
    }
    assertFalse(stages.isEmpty(), "no 'stage X finished in' line:\n" + Processes.tail(referenceLog));
    assertEquals(new TreeSet<>(stages).size(), stages.size(), "a stage logged twice: " + stages);
  }

  @Test
  void periodRunReplacesOnlyThatPeriodAndRepeatsIdentically() {
    YearMonth period = JobUnderTest.lastPeriod();
    Path out = dir.resolve("period");
    OutputRows.copy(reference, out);
    Map<String, String> before = partitionFiles(out.resolve(AcpUptake.NAME));

    Path log = dir.resolve("period-1.log");
    assertEquals(0, JobUnderTest.runLocally(JobUnderTest.periodRun(out, period), log), Processes.tail(log));
    Map<String, String> after = partitionFiles(out.resolve(AcpUptake.NAME));
    String periodPartition = AcpUptake.PERIOD_END + "=" + period.atEndOfMonth();
    assertTrue(before.size() > 1, "the reference run has only the period's partition: " + before.keySet());
    assertEquals(before.keySet(), after.keySet(), "acp_uptake partitions after run --period " + period);
    Set<String> rewritten = new TreeSet<>();
    before.forEach((partition, files) -> {
      if (!files.equals(after.get(partition))) {
        rewritten.add(partition);
      }
    });
    assertEquals(Set.of(periodPartition), rewritten, "acp_uptake partitions rewritten by run --period " + period);
    OutputRows.assertSameRows(reference, out);

    Path first = dir.resolve("period-first");
    OutputRows.copy(out, first);
    Path again = dir.resolve("period-2.log");
    assertEquals(0, JobUnderTest.runLocally(JobUnderTest.periodRun(out, period), again), Processes.tail(again));
    OutputRows.assertSameRows(first, out);
    assertEquals(List.of(), OutputRows.leftovers(out));
  }

  @Test
  void badConfigExitsTwo() {
    Path out = dir.resolve("bad-config");
    // Both fail while the request is resolved, before any SparkSession exists, so they run in this JVM.
    assertEquals(2, Main.execute("run", "--config", dir.resolve("no-such-job.yaml").toString(), "--out", out.toString()));
    assertEquals(2, Main.execute("run", "--config", JobUnderTest.sampleConfig().toString(), "--out", out.toString(),
        "--period", "2025-13"));
    assertFalse(Files.exists(out), "a bad-config run wrote output");
  }

  @Test
  void badInputExitsThree() throws IOException {
    Path bad = dir.resolve("bad-input").resolve(InputTables.GpPatients.NAME);
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("part-00000.csv"), "not_a_person_id,nor_a_practice\n1,2\n");
    Path config = configWithInput(dir.resolve("bad-input").resolve("job.yaml"), InputTables.GpPatients.NAME,
        new InputSpec(bad.toString(), "csv", null));
    Path log = dir.resolve("bad-input.log");
    int code = JobUnderTest.runLocally(List.of("run", "--config", config.toString(), "--out",
        dir.resolve("bad-input-out").toString()), log);
    assertEquals(3, code, Processes.tail(log));
    assertTrue(Processes.read(log).contains(InputTables.GpPatients.NAME), "error does not name the table:\n"
        + Processes.tail(log));
  }

  @Test
  void runAgainstALiveLockExitsOneAndLeavesOutputAlone() throws IOException {
    Path out = dir.resolve("locked");
    OutputRows.copy(reference, out);
    Properties holder = new Properties();
    holder.setProperty("run_id", "held-by-ScheduledRunIT");
    holder.setProperty("host", InetAddress.getLocalHost().getHostName());
    holder.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    holder.setProperty("acquired", Instant.now().toString());
    try (OutputStream stream = Files.newOutputStream(out.resolve(OutputLock.FILE_NAME))) {
      holder.store(stream, "held by a live process: this test JVM");
    }
    Path log = dir.resolve("locked.log");
    assertEquals(1, JobUnderTest.runLocally(JobUnderTest.commandLine(out), log), Processes.tail(log));
    assertTrue(Processes.read(log).contains("held-by-ScheduledRunIT"), "error does not name the holder:\n"
        + Processes.tail(log));
    OutputRows.assertSameRows(reference, out);
  }

  @Test
  void twoConcurrentRunsLeaveOneCompleteOutput() {
    Path out = dir.resolve("concurrent");
    Path log1 = dir.resolve("concurrent-1.log");
    Path log2 = dir.resolve("concurrent-2.log");
    Process first = JobUnderTest.startLocally(JobUnderTest.commandLine(out), log1);
    Process second = JobUnderTest.startLocally(JobUnderTest.commandLine(out), log2);
    int code1 = Processes.await(first, Processes.JOB_TIMEOUT, log1);
    int code2 = Processes.await(second, Processes.JOB_TIMEOUT, log2);
    assertTrue(code1 == 0 || code2 == 0, "neither run succeeded:\n" + Processes.tail(log1) + "\n" + Processes.tail(log2));
    assertLostToLock(code1, log1);
    assertLostToLock(code2, log2);
    OutputRows.assertSameRows(reference, out);
    assertEquals(List.of(), OutputRows.leftovers(out));
    assertFalse(Files.exists(out.resolve(OutputLock.FILE_NAME)), "lock left behind");
  }

  /** A run that did not succeed must have failed (1) on the other run's lock, nothing else. */
  private static void assertLostToLock(int code, Path log) {
    if (code != 0) {
      assertEquals(1, code, Processes.tail(log));
      assertTrue(Processes.read(log).contains("holds the lock"), Processes.tail(log));
    }
  }

  /** Per partition folder of a table: its files with size and modification time (changes when rewritten). */
  private static Map<String, String> partitionFiles(Path table) {
    Map<String, String> partitions = new TreeMap<>();
    try (Stream<Path> children = Files.list(table)) {
      for (Path partition : children.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("_")).toList()) {
        StringBuilder files = new StringBuilder();
        try (Stream<Path> data = Files.list(partition)) {
          for (Path file : data.sorted().toList()) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            files.append(file.getFileName()).append(' ').append(attributes.size()).append(' ')
                .append(attributes.lastModifiedTime().toMillis()).append(' ').append(attributes.fileKey()).append('\n');
          }
        }
        partitions.put(partition.getFileName().toString(), files.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return partitions;
  }

  /** The sample config with every input path made absolute and one input replaced, written to {@code file}. */
  private static Path configWithInput(Path file, String table, InputSpec replacement) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    @SuppressWarnings("unchecked")
    Map<String, Object> raw = yaml.readValue(JobUnderTest.sampleConfig().toFile(), LinkedHashMap.class);
    JobConfig resolved = JobConfigLoader.load(JobUnderTest.sampleConfig());
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (String name : resolved.inputTables()) {
      InputSpec spec = name.equals(table) ? replacement : resolved.input(name);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", spec.path());
      entry.put("format", spec.format());
      entry.put("layout", spec.layout());
      inputs.put(name, entry);
    }
    raw.put("inputs", inputs);
    raw.remove("output");
    raw.remove("quarantine");
    Files.createDirectories(file.getParent());
    yaml.writeValue(file.toFile(), raw);
    return file;
  }
}
