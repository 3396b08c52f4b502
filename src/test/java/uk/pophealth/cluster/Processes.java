package uk.pophealth.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Child processes of the tests: output to a log file, bounded waits, forcible stop of the whole tree on timeout. */
final class Processes {
  /** The cap on any one job run in these tests: a hang fails the test instead of blocking CI. */
  static final Duration JOB_TIMEOUT = Duration.ofMinutes(12);

  private Processes() {}

  static Process start(List<String> command, Map<String, String> env, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).directory(Project.root().toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
              Path.of("/dev/null").toFile()));
      builder.environment().putAll(env);
      builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command, e);
    }
  }

  /** Waits for the process; on timeout kills it and its descendants and fails with the end of its log. */
  static int await(Process process, Duration timeout, Path log) {
    try {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        killTree(process.toHandle());
        fail("Process did not finish within " + timeout + "; end of " + log + ":\n" + tail(log));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killTree(process.toHandle());
      throw new IllegalStateException("Interrupted waiting for " + log, e);
    }
  }

  /** SIGKILL to a process and everything below it, children first; waits until they are gone. */
  static void killTree(ProcessHandle process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
  }

  static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String tail(Path log) {
    List<String> lines = read(log).lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
