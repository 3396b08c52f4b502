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

  @Test
  void missingConfigFileIsBadConfig() {
    assertEquals(2, Main.execute("run", "--config", "/nonexistent/job.yaml", "--out", "/tmp/x"));
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
