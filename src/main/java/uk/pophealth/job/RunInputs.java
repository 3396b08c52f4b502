package uk.pophealth.job;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.geography.FootprintResolver;
import uk.pophealth.ingest.IngestResult;

/**
 * What every product of a run computes from, once ingest, geography and the register are built: the values the
 * products' factories ({@link Products}) turn into each product's inputs and options.
 *
 * @param spark     the session
 * @param request   the request, with its options resolved at the door ({@link RunOptions})
 * @param ingest    the ingested tables
 * @param geography the run's footprints
 * @param register  the dementia register at every month end of the history ({@link Register})
 */
record RunInputs(SparkSession spark, JobRequest request, IngestResult ingest, FootprintResolver geography,
    Dataset<Row> register) {
  RunInputs {
    requireNonNull(spark, "spark is null");
    requireNonNull(request, "request is null");
    requireNonNull(ingest, "ingest is null");
    requireNonNull(geography, "geography is null");
    requireNonNull(register, "register is null");
  }

  RunOptions options() {
    return request.runOptions();
  }
}
