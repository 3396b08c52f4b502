package uk.pophealth.job;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.ingest.AcceptedStore;

/**
 * The only place production code builds a SparkSession. Under spark-submit the master and resources come
 * from the submit line; run directly (no spark.master set) it falls back to embedded {@code local[*]}.
 *
 * <p>Defaults, each only when the setting is missing (the submit line, {@code -D} or the config's spark_conf wins):
 * <ul>
 *   <li>adaptive execution, also inside cached plans ({@code canChangeCachedPlanOutputPartitioning}: Spark 3.5
 *   otherwise plans every cached query without it; it still never merges a cached plan's last stage);</li>
 *   <li>shuffle partitions sized to the inputs ({@link #sizeToInputs}), 8 on {@code local} until then, and the
 *   ingested tables staged as Parquet ({@link AcceptedStore#resolveForJob});</li>
 *   <li>the context cleaner's periodic driver GC every 5 minutes instead of 30: the shuffle files of finished
 *   queries are deleted only when their plans are collected, and at 60M people a run writes tens of GB of them;</li>
 *   <li>Kryo, UTC, dynamic partition overwrite;</li>
 *   <li>and, always, the pseudonymisation key's variable name added to {@code spark.redaction.regex}
 *   ({@link #redactionRegex}), merged with any value given.</li>
 * </ul>
 */
public final class SparkSessions {
  private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);
  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  static final String REDACTION_REGEX = "spark.redaction.regex";
  /** Spark 3.5's default {@value #REDACTION_REGEX}. */
  static final String SPARK_REDACTION_DEFAULT = "(?i)secret|password|token|access[.]key";
  /** Set on sessions whose shuffle partitions nobody chose: {@link #sizeToInputs} may then size them. */
  static final String PARTITIONS_SIZED = "spark.pophealth.shufflePartitions.sizeToInputs";
  /** Input bytes per shuffle partition: at 60M people 1.5 GB of Parquet gave ~9 GB of shuffle for gp_patients alone. */
  static final long BYTES_PER_PARTITION = 8L << 20;
  static final int MIN_PARTITIONS = 8;
  static final int MAX_PARTITIONS = 2000;

  private SparkSessions() {}

  /** A session for a job that reads no pseudonymisation key of its own; the default key variable is redacted. */
  public static SparkSession create(String appName, Map<String, String> overrides) {
    return create(appName, overrides, JobConfig.DEFAULT_KEY_ENV);
  }

  /**
   * A session whose {@value #REDACTION_REGEX} also hides settings named like the key's variable ({@code keyVariable},
   * the config's {@code pseudonymisation_key_env}) and the default variable; see {@link #redactionRegex}.
   */
  public static SparkSession create(String appName, Map<String, String> overrides, String keyVariable) {
    SparkConf conf = new SparkConf();
    conf.setIfMissing("spark.master", "local[*]");
    conf.setIfMissing("spark.app.name", appName);
    conf.setIfMissing("spark.sql.adaptive.enabled", "true");
    conf.setIfMissing("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
    conf.setIfMissing("spark.cleaner.periodicGC.interval", "5min");
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.setIfMissing("spark.sql.sources.partitionOverwriteMode", "dynamic");
    boolean partitionsChosen = conf.contains(SHUFFLE_PARTITIONS) || overrides.containsKey(SHUFFLE_PARTITIONS);
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing(SHUFFLE_PARTITIONS, String.valueOf(MIN_PARTITIONS));
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
    }
    conf.set(PARTITIONS_SIZED, String.valueOf(!partitionsChosen));
    overrides.forEach(conf::set);
    String regex = redactionRegex(conf.getOption(REDACTION_REGEX).getOrElse(() -> null), JobConfig.DEFAULT_KEY_ENV);
    conf.set(REDACTION_REGEX, redactionRegex(regex, keyVariable));
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /**
   * {@code current} (Spark's own default, {@value #SPARK_REDACTION_DEFAULT}, when unset) with the key's variable
   * name appended, matched case-insensitively. Spark hides the value of every setting whose name or value the regex
   * finds in the Spark UI's environment page, the event log (the environment update and every job's and stage's
   * properties) and {@code spark-submit --verbose}; without it a key passed as
   * {@code spark.executorEnv.<variable>} or {@code spark.yarn.appMasterEnv.<variable>} is written in clear to every
   * one of those (issue 24). Set here, not only in the docs' submit lines, so a submit line that forgets it is still
   * covered; a user's regex is kept, never replaced.
   */
  static String redactionRegex(String current, String keyVariable) {
    String base = current == null || current.isBlank() ? SPARK_REDACTION_DEFAULT : current;
    String name = "(?i:" + (keyVariable.matches("[A-Za-z0-9_]+") ? keyVariable : Pattern.quote(keyVariable)) + ")";
    return base.contains(name) ? base : base + "|" + name;
  }

  /**
   * Fits the session to the size of the config's inputs: the shuffle partitions ({@link #partitionsFor}) unless
   * someone chose them (the submit line, {@code -D}, spark_conf) or the session was not made here; and resolves
   * where the ingested tables are held ({@link AcceptedStore#resolveForJob}: Parquet staging unless chosen).
   * Adaptive execution merges small partitions back, but not in the last stage of a cached plan, so a fixed small
   * number of partitions made every reducer of the 60M run spill GBs.
   */
  public static void sizeToInputs(SparkSession spark, JobConfig config) {
    long bytes = inputBytes(spark.sparkContext().hadoopConfiguration(), config);
    String staging = AcceptedStore.resolveForJob(spark);
    if (!Boolean.parseBoolean(spark.sparkContext().getConf().get(PARTITIONS_SIZED, "false"))) {
      LOG.info("Ingested tables held by {} for {} MiB of input", staging, bytes >> 20);
      return;
    }
    int partitions = partitionsFor(bytes, spark.sparkContext().defaultParallelism());
    spark.conf().set(SHUFFLE_PARTITIONS, partitions);
    LOG.info("Shuffle partitions {}, ingested tables held by {} for {} MiB of input", partitions, staging, bytes >> 20);
  }

  /**
   * One partition per 8 MiB of input, at least 8 and twice the cores, at most 2,000 (at 60M people 1.5 GB of
   * Parquet gave ~9 GB of shuffle for gp_patients alone).
   */
  static int partitionsFor(long inputBytes, int cores) {
    long wanted = (inputBytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    long floor = Math.max(MIN_PARTITIONS, 2L * cores);
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
