package uk.pophealth.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.pophealth.publish.OutputLock;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.testing.TestFiles;

/**
 * The job on a real Spark standalone cluster (master + two workers on 127.0.0.1, scripts/cluster.sh), submitted
 * through SparkSubmit, against a clean run of the same command line: equal to a local[*] run, and equal again after
 * a worker dies mid-run; the previous output survives a driver killed mid-publish and a re-run completes.
 * The worker fault runs last: it leaves the cluster with one worker. Every process is stopped in {@link #stop()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final Duration FAULT_WAIT = Duration.ofMinutes(4);

  private final Path dir = Project.workDir("standalone-cluster");
  private StandaloneCluster cluster;
  private Path clean;

  @BeforeAll
  void startClusterAndRunClean() {
    TestFiles.deleteRecursively(dir);
    cluster = StandaloneCluster.start(dir.resolve("cluster"));
    clean = dir.resolve("clean");
    Path log = dir.resolve("clean.log");
    int code = cluster.submitAndWait(log, JobUnderTest.commandLine(clean), JobUnderTest.ENV);
    assertEquals(0, code, "clean cluster run failed:\n" + Processes.tail(log));
  }

  @AfterAll
  void stop() {
    if (cluster == null) {
      return;
    }
    List<Long> pids = cluster.recordedPids();
    List<ProcessHandle> started = new ArrayList<>();
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(started::add));
    started.addAll(started.stream().flatMap(ProcessHandle::children).toList());
    cluster.close();
    for (ProcessHandle process : started) {
      assertFalse(process.isAlive(), "still running after cluster.sh stop: pid " + process.pid());
    }
  }

  @Test
  @Order(1)
  void clusterRunEqualsLocalRun() {
    for (int worker = 1; worker <= 2; worker++) {
      Set<Path> apps = cluster.applicationDirs(worker);
      assertEquals(1, apps.size(), "applications with an executor on worker " + worker + ": " + apps);
      assertTrue(ranTasks(apps.iterator().next()), "worker " + worker + " ran no task of the clean run");
    }
    // Stage names every Spark job (uk.pophealth.job.Stage): the job group is in the event log the UI replays.
    assertTrue(cluster.eventLogs().stream().anyMatch(log -> Processes.read(log).contains("\"spark.jobGroup.id\":\"pophealth-")),
        "no Spark job of the run carries a pophealth stage job group in the event log");
    OutputRows.assertSameRows(LocalReference.output(), clean);
  }

  @Test
  @Order(2)
  void driverKilledMidPublishKeepsPreviousOutputAndRerunCompletes() {
    Path out = dir.resolve("driver-fault");
    OutputRows.copy(clean, out);
    Path log = dir.resolve("driver-fault.log");
    Process driver = cluster.submit(log, JobUnderTest.commandLine(out), JobUnderTest.ENV);

    Path staging = poll(() -> stagingUnder(out), driver, log, "publishing (a product table in _staging/)");
    Processes.killTree(driver.toHandle());
    assertNotEquals(0, driver.exitValue(), "the run finished before the kill (staging " + staging + ")");

    OutputRows.assertSameRows(clean, out);

    Path rerunLog = dir.resolve("driver-fault-rerun.log");
    assertEquals(0, cluster.submitAndWait(rerunLog, JobUnderTest.commandLine(out), JobUnderTest.ENV),
        "re-run after the killed driver failed:\n" + Processes.tail(rerunLog));
    OutputRows.assertSameRows(clean, out);
    assertEquals(List.of(), OutputRows.leftovers(out), "staging or trash left after the re-run");
    assertFalse(Files.exists(out.resolve(OutputLock.FILE_NAME)), "the re-run did not release its lock");
  }

  @Test
  @Order(3)
  void workerKilledMidRunStillCompletesWithCleanRunOutput() {
    Path out = dir.resolve("worker-fault");
    Path log = dir.resolve("worker-fault.log");
    Set<Path> before = cluster.applicationDirs(1);
    ProcessHandle worker = cluster.worker(1);
    Process driver = cluster.submit(log, JobUnderTest.commandLine(out), JobUnderTest.ENV);

    Path app = poll(() -> cluster.applicationDirs(1).stream().filter(a -> !before.contains(a))
        .filter(StandaloneClusterIT::ranTasks).findFirst(), driver, log, "a task on worker 1");
    assertTrue(driver.isAlive(), "the run finished before the fault");
    List<ProcessHandle> executors = worker.children().toList();
    assertFalse(executors.isEmpty(), "worker 1 has no executor process for " + app);
    executors.forEach(Processes::killTree);
    Processes.killTree(worker);

    int code = Processes.await(driver, Processes.JOB_TIMEOUT, log);
    assertEquals(0, code, "run with a killed worker failed:\n" + Processes.tail(log));
    assertTrue(Processes.read(log).contains("Lost executor"), "the driver never lost an executor:\n" + Processes.tail(log));
    OutputRows.assertSameRows(clean, out);
  }

  /** Whether an executor of this application folder logged that it ran a task. */
  private static boolean ranTasks(Path applicationDir) {
    return StandaloneCluster.executorLogs(applicationDir).stream()
        .anyMatch(log -> Processes.read(log).contains("Running task"));
  }

  /**
   * A product table being published: a non-empty staging folder of the publish layer (uk.pophealth.publish
   * .TableWriter, {@code <out>/_staging/<table>-<id>}). The staging of data_quality, written before any product,
   * does not count.
   */
  private static Optional<Path> stagingUnder(Path out) {
    Path staging = out.resolve("_staging");
    try (Stream<Path> tables = Files.list(staging)) {
      return tables.filter(p -> !p.getFileName().toString().startsWith(DataQualityTable.NAME + "-"))
          .filter(StandaloneClusterIT::nonEmptyDirectory).findFirst();
    } catch (IOException e) {
      return Optional.empty(); // no staging yet, or gone meanwhile
    }
  }

  private static boolean nonEmptyDirectory(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.findAny().isPresent();
    } catch (IOException e) {
      return false; // gone meanwhile: the write moved on
    }
  }

  /** Polls (every 20 ms) until {@code probe} finds something; fails if the driver exits first or time runs out. */
  private static <T> T poll(Supplier<Optional<T>> probe, Process driver, Path log, String what) {
    long deadline = System.nanoTime() + FAULT_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (!driver.isAlive()) {
        fail("the run ended (exit " + driver.exitValue() + ") before " + what + ":\n" + Processes.tail(log));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    Processes.killTree(driver.toHandle());
    return fail("no " + what + " within " + FAULT_WAIT + ":\n" + Processes.tail(log));
  }
}
