package uk.pophealth.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import uk.pophealth.testing.TestFiles;

/**
 * One local[*] run of the job under test (scripts/pophealth, the same jar), shared by the IT classes in this JVM:
 * the reference the cluster runs and the scheduled runs are compared with. Made on first use.
 */
final class LocalReference {
  private static Path output;

  private LocalReference() {}

  static synchronized Path output() {
    if (output == null) {
      Path dir = Project.workDir("local-reference");
      TestFiles.deleteRecursively(dir);
      Path out = dir.resolve("out");
      int code = JobUnderTest.runLocally(JobUnderTest.commandLine(out), log());
      assertEquals(0, code, "local[*] run failed:\n" + Processes.tail(log()));
      output = out;
    }
    return output;
  }

  /** The driver log of the reference run. */
  static Path log() {
    return Project.workDir("local-reference").resolve("run.log");
  }
}
