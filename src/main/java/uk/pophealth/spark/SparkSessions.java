package uk.pophealth.spark;

import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.config.JobConfig;

/**
 * The only place production code builds a SparkSession, below both the jobs and the test-data generator, which
 * share it. Under spark-submit the master and resources come from the submit line; run directly (no spark.master
 * set) it falls back to embedded {@code local[*]}.
 *
 * <p>Defaults, each only when the setting is missing (the submit line, {@code -D} or the config's spark_conf wins):
 * <ul>
 *   <li>adaptive execution, also inside cached plans ({@code canChangeCachedPlanOutputPartitioning}: Spark 3.5
 *   otherwise plans every cached query without it; it still never merges a cached plan's last stage);</li>
 *   <li>shuffle partitions sized to the inputs by the run ({@code job.SessionSizing}), 8 on {@code local} until
 *   then;</li>
 *   <li>the context cleaner's periodic driver GC every 5 minutes instead of 30: the shuffle files of finished
 *   queries are deleted only when their plans are collected, and at 60M people a run writes tens of GB of them;</li>
 *   <li>Kryo, UTC, dynamic partition overwrite;</li>
 *   <li>and, always, the pseudonymisation key's variable name added to {@code spark.redaction.regex}
 *   ({@link #redactionRegex}), merged with any value given.</li>
 * </ul>
 */
public final class SparkSessions {
  public static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  static final String REDACTION_REGEX = "spark.redaction.regex";
  /** Spark 3.5's default {@value #REDACTION_REGEX}. */
  static final String SPARK_REDACTION_DEFAULT = "(?i)secret|password|token|access[.]key";
  /** Set on sessions whose shuffle partitions nobody chose: the run may then size them to its inputs. */
  public static final String PARTITIONS_SIZED = "spark.pophealth.shufflePartitions.sizeToInputs";
  /** Shuffle partitions on {@code local} until the run sizes them, and the least it sizes them to. */
  public static final int MIN_PARTITIONS = 8;

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
}
