package uk.pophealth.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.SharedSpark;

class AcceptedStoreTest {
  private static final long MIB = 1L << 20;

  @Test
  void largeInputsAreStagedAsParquetSmallOnesCached() {
    assertEquals("cache", AcceptedStore.modeFor(0));
    assertEquals("cache", AcceptedStore.modeFor(5 * MIB)); // the bundled sample
    assertEquals("cache", AcceptedStore.modeFor(32 * MIB - 1));
    assertEquals("parquet", AcceptedStore.modeFor(32 * MIB));
    assertEquals("parquet", AcceptedStore.modeFor(43 * MIB)); // 2M people
    assertEquals("parquet", AcceptedStore.modeFor(223 * MIB)); // 10M people
    assertEquals("parquet", AcceptedStore.modeFor(1536 * MIB)); // 60M people
  }

  @Test
  void autoIsResolvedFromTheInputSizeAndAChosenModeIsKept() {
    SparkSession spark = SharedSpark.spark();
    try {
      spark.conf().unset(AcceptedStore.MODE);
      assertEquals("parquet", AcceptedStore.resolveAuto(spark, 2048 * MIB));
      assertEquals("parquet", spark.conf().get(AcceptedStore.MODE));
      spark.conf().set(AcceptedStore.MODE, "auto");
      assertEquals("cache", AcceptedStore.resolveAuto(spark, 5 * MIB));
      spark.conf().set(AcceptedStore.MODE, "Parquet");
      assertEquals("parquet", AcceptedStore.resolveAuto(spark, 5 * MIB), "chosen: kept whatever the size");
    } finally {
      spark.conf().unset(AcceptedStore.MODE);
    }
  }
}
