package uk.pophealth.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.job.JobRequest;
import uk.pophealth.job.RunJob;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.testing.TestFiles;

/**
 * The output root of a whole run on the committed sample (data/job.yaml, through the real job): the one
 * RunJobSampleTest leaves in target/sample-run/exact when it has run before (surefire runs before failsafe in
 * {@code mvn verify}), else the one made here by an earlier call, else a run made now, in process on the given
 * session, into target/report-it/sample-run (delete that folder to force a fresh run). Either way a run whose
 * manifest says it succeeded, with disclosure control off as RunJobSampleTest's exact run. The path is relative to
 * the project folder, as a person would type it (the report prints it).
 */
final class SampleRun {
  static final Path LEFT_BY_SAMPLE_TEST = Path.of("target", "sample-run", "exact");
  static final Path OWN = Path.of("target", "report-it", "sample-run");
  private static final Path SAMPLE = Path.of("data", "job.yaml");
  private static final Map<String, String> ENV =
      Map.of("POPHEALTH_PSEUDONYMISATION_KEY", "test-key-for-the-synthetic-sample");

  private SampleRun() {}

  static Path directory(SparkSession spark) throws IOException {
    if (succeeded(LEFT_BY_SAMPLE_TEST)) {
      System.out.println("Report of the sample run RunJobSampleTest left in " + LEFT_BY_SAMPLE_TEST);
      return LEFT_BY_SAMPLE_TEST;
    }
    if (succeeded(OWN)) {
      System.out.println("Report of the sample run made earlier in " + OWN + " (delete it for a fresh run)");
      return OWN;
    }
    System.out.println(LEFT_BY_SAMPLE_TEST + " holds no succeeded run: running the job on " + SAMPLE + " into " + OWN);
    TestFiles.deleteRecursively(OWN);
    RunJob.run(spark, JobRequest.fromCommandLine(SAMPLE, new JobRequest.CommandLine(OWN.toAbsolutePath().toString(),
        null, null, null, "off", Map.of())), ENV,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    if (!succeeded(OWN)) {
      throw new AssertionError("The run on the sample did not succeed: see " + OWN.resolve(RunManifest.FILE_NAME));
    }
    return OWN;
  }

  private static boolean succeeded(Path run) throws IOException {
    Path manifest = run.resolve(RunManifest.FILE_NAME);
    if (!Files.isRegularFile(manifest)) {
      return false;
    }
    JsonNode status = new ObjectMapper().readTree(manifest.toFile()).get("status");
    return status != null && "succeeded".equals(status.asText());
  }
}
