package uk.pophealth.job;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The only place production code builds a SparkSession. Under spark-submit the master and resources come
 * from the submit line; run directly (no spark.master set) it falls back to embedded {@code local[*]}.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String appName, Map<String, String> overrides) {
    SparkConf conf = new SparkConf();
    conf.setIfMissing("spark.master", "local[*]");
    conf.setIfMissing("spark.app.name", appName);
    conf.setIfMissing("spark.sql.adaptive.enabled", "true");
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.setIfMissing("spark.sql.sources.partitionOverwriteMode", "dynamic");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.sql.shuffle.partitions", "8");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
    }
    overrides.forEach(conf::set);
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
