package uk.pophealth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainTest {
  @ParameterizedTest
  @ValueSource(strings = {"generate", "run", "validate", "report", "forecast"})
  void everySubCommandHasHelp(String command) {
    String out = captureOut(() -> assertEquals(0, Main.execute(command, "--help")));
    assertTrue(out.contains("Usage: pophealth " + command), out);
  }

  @Test
  void unknownOptionIsUsageError() {
    assertEquals(2, Main.execute("run", "--bogus"));
  }

  /** The horizon is checked, naming the option, before a Spark session is started or the series read. */
  @Test
  void aForecastHorizonOutOfRangeIsBadConfigNamingTheOption() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, Main.execute("forecast", "--series", "/nonexistent/series.csv", "--out", "/nonexistent/out",
          "--horizon", "48"));
    } finally {
      System.setErr(old);
    }
    assertEquals("ERROR: Cannot forecast demand: --horizon must be 1-36 months (48)",
        err.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void missingConfigFileIsBadConfig() {
    assertEquals(2, Main.execute("run", "--config", "/nonexistent/job.yaml", "--out", "/tmp/x"));
  }

  /**
   * A full disk (Hadoop's FSError from a write to /dev/full), however deep in Spark's wrapping, ends with one ERROR
   * line naming it and exit 1, not a stack trace.
   */
  @Test
  void anIoFailureIsOneErrorLineAndExitOne() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("/dev/full")));
    org.apache.hadoop.fs.RawLocalFileSystem local = new org.apache.hadoop.fs.RawLocalFileSystem();
    local.initialize(java.net.URI.create("file:///"), new org.apache.hadoop.conf.Configuration());
    Throwable full = null;
    try (java.io.OutputStream stream = local.create(new org.apache.hadoop.fs.Path("file:///dev/full"), true)) {
      stream.write(new byte[8192]);
      stream.flush();
    } catch (Throwable e) {
      full = e;
    }
    assertTrue(full instanceof org.apache.hadoop.fs.FSError, String.valueOf(full));
    java.io.StringWriter err = new java.io.StringWriter();
    int code = Main.handleThrowable(new RuntimeException("Job aborted", full), new java.io.PrintWriter(err));
    assertEquals(1, code);
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("ERROR: Cannot complete the command: input/output failure: "
        + "org.apache.hadoop.fs.FSError: java.io.IOException: No space left on device"), err.toString());
  }

  static String captureOut(Runnable action) {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(old);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
