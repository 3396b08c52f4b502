package uk.pophealth.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark standalone master and two workers on 127.0.0.1, started and stopped through {@code scripts/cluster.sh}
 * (the same script analysts use), with the shaded jar submitted through SparkSubmit. Closing it runs
 * {@code cluster.sh stop}, which kills exactly the recorded processes; a JVM shutdown hook does the same if a test
 * run is interrupted.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
  /** Small shuffles and no driver UI: the machine running CI has two cores. */
  private static final String SUBMIT_OPTS = "--conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=4";

  private final Path runDir;
  private final Thread shutdownHook;
  private boolean stopped;

  private StandaloneCluster(Path runDir) {
    this.runDir = runDir;
    this.shutdownHook = new Thread(this::stop, "stop-standalone-cluster");
  }

  /** Starts master and workers (the script waits until both workers registered; on failure it stops them). */
  static StandaloneCluster start(Path runDir) {
    StandaloneCluster cluster = new StandaloneCluster(runDir);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    int code = cluster.script("start");
    if (code != 0) {
      cluster.close();
      fail("scripts/cluster.sh start failed (" + code + "):\n" + Processes.tail(cluster.scriptLog()));
    }
    return cluster;
  }

  /** Submits a pophealth command line to the cluster; the returned process IS the driver JVM (client mode). */
  Process submit(Path log, List<String> args, Map<String, String> env) {
    List<String> command = new ArrayList<>(List.of("bash", Project.script("cluster.sh"), "submit"));
    command.addAll(args);
    Map<String, String> all = new HashMap<>(env);
    all.put("POPHEALTH_CLUSTER_DIR", runDir.toString());
    all.put("POPHEALTH_DRIVER_MEMORY", "1g");
    all.put("SPARK_SUBMIT_OPTS", SUBMIT_OPTS);
    return Processes.start(command, all, log);
  }

  /** Submits and waits; returns the driver's exit code. */
  int submitAndWait(Path log, List<String> args, Map<String, String> env) {
    return Processes.await(submit(log, args, env), Processes.JOB_TIMEOUT, log);
  }

  /** The process of worker {@code n} (1-based), as recorded by the script. */
  ProcessHandle worker(int n) {
    long pid = Long.parseLong(read(runDir.resolve("pids").resolve("worker-" + n + ".pid")).trim());
    return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("worker-" + n + " is not running"));
  }

  /** Application folders (one per app that had an executor there) in worker {@code n}'s work dir. */
  Set<Path> applicationDirs(int n) {
    Path work = runDir.resolve("work").resolve("worker-" + n);
    try (Stream<Path> apps = Files.list(work)) {
      return apps.filter(p -> p.getFileName().toString().startsWith("app-")).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stderr logs of an application's executors on a worker (the executors write their task log there). */
  static List<Path> executorLogs(Path applicationDir) {
    try (Stream<Path> executors = Files.list(applicationDir)) {
      return executors.map(e -> e.resolve("stderr")).filter(Files::exists).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event log files of the applications submitted (cluster.sh submit writes them to the run dir). */
  List<Path> eventLogs() {
    try (Stream<Path> logs = Files.list(runDir.resolve("events"))) {
      return logs.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every pid the script recorded (master, workers, drivers); for checking that stop left nothing behind. */
  List<Long> recordedPids() {
    Path pids = runDir.resolve("pids");
    if (!Files.isDirectory(pids)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pids)) {
      return files.map(f -> Long.parseLong(read(f).trim())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or has run
    }
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    List<ProcessHandle> before = recordedPids().stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
    List<ProcessHandle> children = before.stream().flatMap(ProcessHandle::children).toList();
    int code = script("stop");
    // Belt and braces: anything the script recorded (or its executor children) still alive is killed here.
    Stream.concat(children.stream(), before.stream()).filter(ProcessHandle::isAlive).forEach(Processes::killTree);
    assertEquals(0, code, "scripts/cluster.sh stop failed:\n" + Processes.tail(scriptLog()));
  }

  private int script(String action) {
    Path log = scriptLog();
    try {
      Files.createDirectories(runDir);
      Path out = runDir.resolve("cluster-" + action + ".log");
      int code = Processes.await(Processes.start(List.of("bash", Project.script("cluster.sh"), action),
          Map.of("POPHEALTH_CLUSTER_DIR", runDir.toString()), out), SCRIPT_TIMEOUT, out);
      Files.writeString(log, Processes.read(out), java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      return code;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path scriptLog() {
    return runDir.resolve("cluster-sh.log");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
