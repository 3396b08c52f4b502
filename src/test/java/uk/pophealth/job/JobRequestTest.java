package uk.pophealth.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;

class JobRequestTest {
  @TempDir
  Path dir;

  @Test
  void outputDefaultsToTheConfigsOutputResolvedAgainstTheFile() throws IOException {
    Path config = write("inputs: {}\noutput: results\nperiod_from: \"2025-01\"\nperiod_to: \"2025-03\"\n");
    JobRequest request = JobRequest.fromCommandLine(config, JobRequest.CommandLine.none());
    assertEquals(dir.resolve("results").toString(), request.config().output());
  }

  @Test
  void commandLineOutputOverridesTheConfig() throws IOException {
    Path config = write("inputs: {}\noutput: results\n");
    JobRequest request = JobRequest.fromCommandLine(config,
        new JobRequest.CommandLine("/elsewhere/out", null, null, null, null, null));
    assertEquals("/elsewhere/out", request.config().output());
  }

  @Test
  void noOutputAnywhereIsBadConfig() throws IOException {
    Path config = write("inputs: {}\n");
    PopHealthException e = assertThrows(PopHealthException.class,
        () -> JobRequest.fromCommandLine(config, JobRequest.CommandLine.none()));
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
    assertTrue(e.getMessage().contains("--out"), e.getMessage());
  }

  @Test
  void periodNarrowsTheRunButHistoryKeepsTheFilesStart() throws IOException {
    Path config = write("inputs: {}\noutput: results\nperiod_from: \"2022-01\"\nperiod_to: \"2025-12\"\n");
    JobRequest request = JobRequest.fromCommandLine(config,
        new JobRequest.CommandLine(null, "2025-03", null, null, null, null));
    assertEquals("2025-03", request.config().periodFrom());
    assertEquals("2025-03", request.config().periodTo());
    assertTrue(request.singlePeriod());
    assertEquals("2022-01", request.forecastHistoryFrom());
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("job.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
