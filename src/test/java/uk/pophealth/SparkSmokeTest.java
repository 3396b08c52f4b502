package uk.pophealth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.SharedSpark;

class SparkSmokeTest {
  @Test
  void sharedSessionRunsAQueryAndComparesFrames() {
    Dataset<Row> a = SharedSpark.spark().range(10).toDF("n");
    assertEquals(45L, a.agg(org.apache.spark.sql.functions.sum("n")).first().getLong(0));
    SharedSpark.frames().assertDataFrameNoOrderEquals(a, a.orderBy(a.col("n").desc()));
  }
}
