package uk.pophealth.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pseudonymisation key's variable is redacted by every session, beside any regex the user gave. */
class SparkSessionsTest {
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
