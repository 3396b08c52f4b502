package uk.pophealth.job;

import org.apache.spark.sql.SparkSession;
import uk.pophealth.core.PopHealthException;

/** Placeholder until the pipeline lands: see the issues. */
public final class ValidateJob {
  private ValidateJob() {}

  public static void main(JobRequest request) {
    try (SparkSession spark = SparkSessions.create("pophealth-ValidateJob", request.sparkConf())) {
      run(spark, request);
    }
  }

  public static void run(SparkSession spark, JobRequest request) {
    throw PopHealthException.failure("Cannot run: not built yet (%s)", "ValidateJob");
  }
}
