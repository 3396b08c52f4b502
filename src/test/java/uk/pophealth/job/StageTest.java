package uk.pophealth.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.pophealth.publish.RunManifest;
import uk.pophealth.spark.JobLabel;
import uk.pophealth.testing.SharedSpark;

class StageTest {
  @Test
  void runsUnderAJobGroupAndRecordsItsTiming() {
    SparkSession spark = SharedSpark.spark();
    SparkContext context = spark.sparkContext();
    RunManifest.Builder manifest = RunManifest.builder("r1", "dev", Instant.EPOCH);
    String[] seen = new String[2];
    long count = new Stage(spark, manifest).run("cohort", () -> {
      seen[0] = context.getLocalProperty(JobLabel.JOB_GROUP_ID);
      seen[1] = context.getLocalProperty(JobLabel.JOB_DESCRIPTION);
      return spark.range(10).count();
    });
    assertEquals(10, count);
    assertEquals("pophealth-r1-cohort", seen[0]);
    assertEquals("pophealth cohort", seen[1]);
    assertNull(context.getLocalProperty(JobLabel.JOB_GROUP_ID), "job group left set after the stage");
    RunManifest.StageTiming timing = manifest.succeeded(Instant.EPOCH).stages().get(0);
    assertEquals("cohort", timing.stage());
    assertTrue(timing.succeeded());
  }

  @Test
  void aFailingStageIsRecordedAndRethrown() {
    RunManifest.Builder manifest = RunManifest.builder("r2", "dev", Instant.EPOCH);
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> new Stage(SharedSpark.spark(), manifest).run("publish", () -> {
          throw boom;
        }));
    assertSame(boom, thrown);
    RunManifest.StageTiming timing = manifest.failed(Instant.EPOCH, "boom").stages().get(0);
    assertEquals("publish", timing.stage());
    assertFalse(timing.succeeded());
  }
}
