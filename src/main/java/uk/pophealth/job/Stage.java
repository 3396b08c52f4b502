package uk.pophealth.job;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.spark.JobLabel;

/**
 * Runs one named step of a job: under a Spark job group and description (so the Spark UI and event log say
 * which stage every Spark job belongs to), with ONE log line when it ends giving its wall time, and its timing
 * recorded in the run manifest (also when it fails; the failure is rethrown unchanged).
 *
 * <pre>{@code
 * Stage stage = new Stage(spark, manifest);
 * Dataset<Row> cohort = stage.run("cohort", () -> Cohort.build(spark, inputs));
 * }</pre>
 */
public final class Stage {
  private static final Logger LOG = LoggerFactory.getLogger(Stage.class);

  private final SparkSession spark;
  private final RunManifest.Builder manifest;

  public Stage(SparkSession spark, RunManifest.Builder manifest) {
    this.spark = requireNonNull(spark, "spark is null");
    this.manifest = requireNonNull(manifest, "manifest is null");
  }

  SparkSession spark() {
    return spark;
  }

  /** Runs {@code step} as stage {@code name} and returns its result. */
  public <T> T run(String name, Supplier<T> step) {
    requireNonNull(name, "name is null");
    requireNonNull(step, "step is null");
    JobLabel previous = JobLabel.save(spark);
    spark.sparkContext().setJobGroup("pophealth-" + manifest.runId() + "-" + name, "pophealth " + name, false);
    long start = System.nanoTime();
    boolean succeeded = false;
    try {
      T result = step.get();
      succeeded = true;
      return result;
    } finally {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      manifest.stage(name, elapsed, succeeded);
      if (succeeded) {
        LOG.info("stage {} finished in {} s", name, String.format("%.1f", elapsed.toMillis() / 1000.0));
      } else {
        LOG.error("stage {} failed after {} s", name, String.format("%.1f", elapsed.toMillis() / 1000.0));
      }
      previous.restore();
    }
  }

  /** Runs {@code step} as stage {@code name}. */
  public void run(String name, Runnable step) {
    requireNonNull(step, "step is null");
    run(name, () -> {
      step.run();
      return null;
    });
  }
}
