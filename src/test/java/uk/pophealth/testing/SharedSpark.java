package uk.pophealth.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * One SparkSession for the whole test suite (local[2], four shuffle partitions, no UI), held through
 * spark-testing-base so its DataFrame comparisons are available: {@code SharedSpark.frames().assertDataFrameNoOrderEquals(a, b)}.
 * Only this class and the job entry points build a session.
 */
public final class SharedSpark {
  private static Base base;

  private SharedSpark() {}

  /** spark-testing-base's suite, configured for this project. */
  public static final class Base extends JavaDataFrameSuiteBase {
    @Override
    public SparkConf conf() {
      return new SparkConf()
          .setMaster("local[2]")
          .setAppName("pophealth-tests")
          .set("spark.ui.enabled", "false")
          .set("spark.driver.host", "127.0.0.1")
          .set("spark.sql.shuffle.partitions", "4")
          .set("spark.default.parallelism", "4")
          .set("spark.sql.adaptive.enabled", "true")
          .set("spark.sql.session.timeZone", "UTC")
          .set("spark.sql.sources.partitionOverwriteMode", "dynamic")
          .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    }

    @Override
    public boolean enableHiveSupport() {
      return false;
    }
  }

  public static synchronized Base frames() {
    if (base == null) {
      base = new Base();
      base.runBefore();
    }
    return base;
  }

  public static SparkSession spark() {
    return frames().spark();
  }

  /** ../shared/refdata when present (the CI layout), else null: tests skip with a message. */
  public static Path refdata() {
    String shared = System.getProperty("pophealth.shared", "../shared");
    Path path = Path.of(shared, "refdata");
    return Files.isDirectory(path) ? path : null;
  }
}
