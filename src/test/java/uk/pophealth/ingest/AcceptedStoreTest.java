package uk.pophealth.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.pophealth.testing.SharedSpark;

class AcceptedStoreTest {
  @Test
  void aJobStagesAsParquetUnlessAModeWasChosen() {
    SparkSession spark = SharedSpark.spark();
    try {
      spark.conf().unset(AcceptedStore.MODE);
      assertEquals("parquet", AcceptedStore.resolveForJob(spark));
      assertEquals("parquet", spark.conf().get(AcceptedStore.MODE), "recorded for the store");
      spark.conf().set(AcceptedStore.MODE, "auto");
      assertEquals("parquet", AcceptedStore.resolveForJob(spark));
      spark.conf().set(AcceptedStore.MODE, "Cache");
      assertEquals("cache", AcceptedStore.resolveForJob(spark), "chosen: kept");
      assertEquals("cache", spark.conf().get(AcceptedStore.MODE));
    } finally {
      spark.conf().unset(AcceptedStore.MODE);
    }
  }
}
