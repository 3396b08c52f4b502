package uk.pophealth.job;

import java.io.PrintStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.publish.TableWriter;

/**
 * One run's plumbing, built once under the output lock and handed down instead of threading each value by hand.
 *
 * @param spark       the session
 * @param request     the request, its options resolved at the door
 * @param env         the environment (the pseudonymisation key)
 * @param out         where the person running the job reads the summaries
 * @param manifest    the run's manifest, filled as it goes
 * @param stage       runs each step as a named stage
 * @param writer      writes the output tables of this run
 * @param dataQuality writes the run's one data_quality table
 */
record RunContext(SparkSession spark, JobRequest request, Map<String, String> env, PrintStream out,
    RunManifest.Builder manifest, Stage stage, TableWriter writer, DataQualityPublisher dataQuality) {
  Configuration hadoop() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
