package uk.pophealth.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.SharedSpark;

/** Work that labels its own Spark jobs inside a stage gives the stage its label back, not an empty one. */
class JobLabelTest {
  @Test
  void theEnclosingGroupAndDescriptionAreRestored() {
    SparkSession spark = SharedSpark.spark();
    SparkContext context = spark.sparkContext();
    context.setJobGroup("pophealth-r1-geography", "pophealth geography", false);
    try {
      JobLabel label = JobLabel.save(spark);
      context.setJobDescription("geography: resolve effective-dated footprints");
      assertEquals("geography: resolve effective-dated footprints", context.getLocalProperty(JobLabel.JOB_DESCRIPTION));
      label.restore();
      assertEquals("pophealth geography", context.getLocalProperty(JobLabel.JOB_DESCRIPTION));
      assertEquals("pophealth-r1-geography", context.getLocalProperty(JobLabel.JOB_GROUP_ID));
      assertEquals("false", context.getLocalProperty(JobLabel.INTERRUPT_ON_CANCEL));
    } finally {
      context.clearJobGroup();
    }
  }

  @Test
  void outsideAnyStageTheLabelIsUnsetAgain() {
    SparkSession spark = SharedSpark.spark();
    SparkContext context = spark.sparkContext();
    JobLabel label = JobLabel.save(spark);
    context.setJobGroup("pophealth-report", "Draw the HTML report", false);
    label.restore();
    assertNull(context.getLocalProperty(JobLabel.JOB_DESCRIPTION));
    assertNull(context.getLocalProperty(JobLabel.JOB_GROUP_ID));
  }
}
