package uk.pophealth.job;

import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.config.InputLocations;
import uk.pophealth.config.JobConfig;
import uk.pophealth.ingest.Ingestion;
import uk.pophealth.ingest.IngestResult;
import uk.pophealth.publish.OutputLock;
import uk.pophealth.publish.TableWriter;
import uk.pophealth.spark.SparkSessions;

/**
 * The validate sub-command: ingests every configured input and resolves the geography as a run does, and writes
 * only data_quality (under the output: the ingestion rows and the geography's gap and overlap findings, as in a
 * run) and the quarantine; computes no product. Exits 3 when an input is unreadable or over-quarantined.
 */
public final class ValidateJob {
  private ValidateJob() {}

  public static void main(JobRequest request) {
    try (SparkSession spark = SparkSessions.create("pophealth-ValidateJob", request.sparkConf(),
        request.config().pseudonymisationKeyEnv())) {
      SessionSizing.sizeToInputs(spark, request.config());
      run(spark, request);
    }
  }

  public static void run(SparkSession spark, JobRequest request) {
    run(spark, request.config(), System.getenv(), System.out);
  }

  /** The same with the environment (pseudonymisation key) and the summary's destination injected: tests use this. */
  public static void run(SparkSession spark, JobConfig config, Map<String, String> env, PrintStream out) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    // as a run does: refused before the output is locked or any input read
    Ingestion.requireKey(config, env);
    InputLocations.requireExist(hadoop, config);
    String runId = "validate-" + UUID.randomUUID().toString().substring(0, 8);
    try (OutputLock lock = OutputLock.acquire(hadoop, config.output(), runId)) {
      DataQualityPublisher dataQuality = new DataQualityPublisher(new TableWriter(spark, config.output()), null);
      IngestResult result = RunJob.ingestWithinCeiling(spark, config, env, dataQuality, out);
      try {
        GeographyStep.run(spark, result, dataQuality, out, null);
      } finally {
        result.release();
      }
    }
  }
}
