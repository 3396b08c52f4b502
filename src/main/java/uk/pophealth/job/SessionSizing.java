package uk.pophealth.job;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.ingest.AcceptedStore;
import uk.pophealth.spark.SparkSessions;

/**
 * A run's session fitted to its inputs, once the config is known: part of the run's wiring (it reads the config's
 * input paths and chooses where ingestion stages its tables), so it stays in {@code job/} while the session itself is
 * built in {@code spark/}, where the test-data generator reaches it too.
 */
final class SessionSizing {
  private static final Logger LOG = LoggerFactory.getLogger(SessionSizing.class);
  /** Input bytes per shuffle partition: at 60M people 1.5 GB of Parquet gave ~9 GB of shuffle for gp_patients alone. */
  static final long BYTES_PER_PARTITION = 8L << 20;
  static final int MAX_PARTITIONS = 2000;

  private SessionSizing() {}

  /**
   * Fits the session to the size of the config's inputs: the shuffle partitions ({@link #partitionsFor}) unless
   * someone chose them (the submit line, {@code -D}, spark_conf) or the session was not made here; and resolves
   * where the ingested tables are held ({@link AcceptedStore#resolveForJob}: Parquet staging unless chosen).
   * Adaptive execution merges small partitions back, but not in the last stage of a cached plan, so a fixed small
   * number of partitions made every reducer of the 60M run spill GBs.
   */
  static void sizeToInputs(SparkSession spark, JobConfig config) {
    long bytes = inputBytes(spark.sparkContext().hadoopConfiguration(), config);
    String staging = AcceptedStore.resolveForJob(spark);
    if (!Boolean.parseBoolean(spark.sparkContext().getConf().get(SparkSessions.PARTITIONS_SIZED, "false"))) {
      LOG.info("Ingested tables held by {} for {} MiB of input", staging, bytes >> 20);
      return;
    }
    int partitions = partitionsFor(bytes, spark.sparkContext().defaultParallelism());
    spark.conf().set(SparkSessions.SHUFFLE_PARTITIONS, partitions);
    LOG.info("Shuffle partitions {}, ingested tables held by {} for {} MiB of input", partitions, staging, bytes >> 20);
  }

  /**
   * One partition per 8 MiB of input, at least 8 and twice the cores, at most 2,000 (at 60M people 1.5 GB of
   * Parquet gave ~9 GB of shuffle for gp_patients alone).
   */
  static int partitionsFor(long inputBytes, int cores) {
    long wanted = (inputBytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    long floor = Math.max(SparkSessions.MIN_PARTITIONS, 2L * cores);
    return (int) Math.min(MAX_PARTITIONS, Math.max(floor, wanted));
  }

  /** Bytes under every configured input path; a path that cannot be read counts 0 (ingestion reports it). */
  private static long inputBytes(Configuration hadoop, JobConfig config) {
    long bytes = 0;
    for (String table : config.inputTables()) {
      for (InputSpec source : config.input(table).sources()) {
        try {
          Path path = new Path(source.path());
          FileSystem fs = path.getFileSystem(hadoop);
          bytes += fs.getContentSummary(path).getLength();
        } catch (IOException | IllegalArgumentException e) {
          LOG.debug("Cannot size input {} ({})", table, e.getMessage());
        }
      }
    }
    return bytes;
  }
}
