package uk.pophealth.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shuffle partitions from the input size: hand-worked at the sample's, 10M people's and 60M people's sizes. */
class SparkSessionsTest {
  private static final long MIB = 1L << 20;

  @Test
  void smallInputsKeepTheFloorOfEightOrTwiceTheCores() {
    assertEquals(8, SparkSessions.partitionsFor(5 * MIB, 2)); // the bundled sample
    assertEquals(8, SparkSessions.partitionsFor(0, 2));
    assertEquals(64, SparkSessions.partitionsFor(5 * MIB, 32)); // a cluster: twice its cores
  }

  @Test
  void largeInputsGetOnePartitionPerEightMebibytes() {
    assertEquals(28, SparkSessions.partitionsFor(223 * MIB, 2)); // 10M people: 223 MiB -> 27.9 -> 28
    assertEquals(192, SparkSessions.partitionsFor(1536 * MIB, 2)); // 60M people: 1.5 GiB
    assertEquals(193, SparkSessions.partitionsFor(1536 * MIB + 1, 2)); // a byte over rounds up
    assertEquals(2000, SparkSessions.partitionsFor(1L << 40, 2)); // 1 TiB: the ceiling
  }

  @Test
  void theKeyVariableIsAppendedToSparksDefaultRedactionRegex() {
    String regex = SparkSessions.redactionRegex(null, "POPHEALTH_PSEUDONYMISATION_KEY");
    assertEquals("(?i)secret|password|token|access[.]key|(?i:POPHEALTH_PSEUDONYMISATION_KEY)", regex);
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
    assertTrue(pattern.matcher("spark.executorEnv.POPHEALTH_PSEUDONYMISATION_KEY").find());
    assertTrue(pattern.matcher("spark.yarn.appMasterEnv.pophealth_pseudonymisation_key").find());
    assertTrue(pattern.matcher("spark.hadoop.fs.s3a.secret.key").find(), "Spark's own terms still redacted");
    assertFalse(pattern.matcher("spark.sql.shuffle.partitions").find());
  }

  @Test
  void aUsersRegexIsKeptAndMergedOnce() {
    String once = SparkSessions.redactionRegex("(?i)secret|mykey", "MY.KEY");
    assertEquals("(?i)secret|mykey|(?i:\\QMY.KEY\\E)", once);
    assertEquals(once, SparkSessions.redactionRegex(once, "MY.KEY"), "merging twice adds nothing");
    assertFalse(java.util.regex.Pattern.compile(once).matcher("spark.executorEnv.MYXKEY").find(), "name quoted");
  }
}
