package uk.pophealth.spark;

import static java.util.Objects.requireNonNull;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark job group and description of the calling thread, saved before a piece of work labels its own Spark jobs
 * and put back as they were afterwards. Work run inside a job's stage (geography, ingestion, a product, the report)
 * used to set its description and then clear it, so every Spark job the stage ran afterwards, including the lazy
 * writes of what that work returned, showed no description in the Spark UI and event log; restored, they show the
 * stage's.
 *
 * <pre>{@code
 * JobLabel label = JobLabel.save(spark);
 * spark.sparkContext().setJobDescription("geography: resolve effective-dated footprints");
 * try { ... } finally { label.restore(); }
 * }</pre>
 */
public final class JobLabel {
  /** Spark's thread-local properties behind {@link SparkContext#setJobGroup}. */
  public static final String JOB_GROUP_ID = "spark.jobGroup.id";
  public static final String JOB_DESCRIPTION = "spark.job.description";
  public static final String INTERRUPT_ON_CANCEL = "spark.job.interruptOnCancel";

  private final SparkContext context;
  private final String group;
  private final String description;
  private final String interrupt;

  private JobLabel(SparkContext context) {
    this.context = context;
    this.group = context.getLocalProperty(JOB_GROUP_ID);
    this.description = context.getLocalProperty(JOB_DESCRIPTION);
    this.interrupt = context.getLocalProperty(INTERRUPT_ON_CANCEL);
  }

  /** The calling thread's current group and description (each null where unset). */
  public static JobLabel save(SparkSession spark) {
    return new JobLabel(requireNonNull(spark, "spark is null").sparkContext());
  }

  /** Puts the saved group and description back on the calling thread (unset where they were unset). */
  public void restore() {
    context.setLocalProperty(JOB_GROUP_ID, group);
    context.setLocalProperty(JOB_DESCRIPTION, description);
    context.setLocalProperty(INTERRUPT_ON_CANCEL, interrupt);
  }
}
