package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.testing.SharedSpark;

class PseudonymTest {
  private static final String ENV = JobConfig.DEFAULT_KEY_ENV;

  @Test
  void matchesAnIndependentHmacSha256() {
    // python3: hmac.new(b'test-key-0123456789abcdef', b'9434765919', hashlib.sha256).hexdigest()
    PseudonymKey key = PseudonymKey.fromEnvironment(ENV, IngestFixture.ENV);
    assertEquals("e85cba6ca85433a2101fa80c39a8f6d620e22cda10070083b0a9609854cbb7d4",
        HmacPseudonym.of(key, "9434765919"));
  }

  @Test
  void deterministicForAKeyAndDifferentAcrossKeys() {
    PseudonymKey one = PseudonymKey.fromEnvironment(ENV, Map.of(ENV, "first-key-0123456789"));
    PseudonymKey again = PseudonymKey.fromEnvironment(ENV, Map.of(ENV, "first-key-0123456789"));
    PseudonymKey other = PseudonymKey.fromEnvironment(ENV, Map.of(ENV, "second-key-0123456789"));
    assertEquals(HmacPseudonym.of(one, "9434765919"), HmacPseudonym.of(again, "9434765919"));
    assertNotEquals(HmacPseudonym.of(one, "9434765919"), HmacPseudonym.of(other, "9434765919"));
    assertNotEquals(HmacPseudonym.of(one, "9434765919"), HmacPseudonym.of(one, "4010232137"));
    assertEquals(64, HmacPseudonym.of(one, "9434765919").length());
  }

  @Test
  void sparkPseudonymEqualsDriverPseudonymAndInvalidNumbersGetNone() {
    JobConfig config = JobConfig.defaults();
    PersonIds ids = PersonIds.forConfig(SharedSpark.spark(), config, IngestFixture.ENV);
    List<String> numbers = Arrays.asList("943 476 5919", "4010232137", "9434765918");
    List<Row> rows = SharedSpark.spark().createDataset(numbers, Encoders.STRING()).toDF("n")
        .withColumn("m", ids.normalised(col("n"))).select(ids.pseudonym(col("m"), ids.valid(col("m"))))
        .collectAsList();
    PseudonymKey key = PseudonymKey.fromEnvironment(ENV, IngestFixture.ENV);
    assertEquals(HmacPseudonym.of(key, "9434765919"), rows.get(0).getString(0));
    assertEquals(HmacPseudonym.of(key, "4010232137"), rows.get(1).getString(0));
    assertNull(rows.get(2).get(0));
  }

  @Test
  void refusesToRunWithoutAKey() {
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> PersonIds.forConfig(SharedSpark.spark(), JobConfig.defaults(), Map.of()));
    assertEquals(ErrorCategory.BAD_CONFIG, error.category());
    assertEquals("Cannot pseudonymise NHS numbers: the key variable is not set; set it to a secret of at least 16 "
        + "characters, e.g. export POPHEALTH_PSEUDONYMISATION_KEY=\"$(openssl rand -hex 32)\", keep it the same "
        + "across runs so pseudonyms link, or set person_id_mode: pseudonymised if person_id is already a pseudonym "
        + "(POPHEALTH_PSEUDONYMISATION_KEY)", error.getMessage());
  }

  @Test
  void refusesAShortKeyWithoutShowingIt() {
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> PseudonymKey.fromEnvironment(ENV, Map.of(ENV, "short-secret")));
    assertEquals(ErrorCategory.BAD_CONFIG, error.category());
    assertFalse(error.getMessage().contains("short-secret"), error.getMessage());
  }

  @Test
  void keyNeverPrints() {
    PseudonymKey key = PseudonymKey.fromEnvironment(ENV, IngestFixture.ENV);
    assertEquals("PseudonymKey[hidden]", key.toString());
  }

  @Test
  void pseudonymisedModeNeedsNoKeyAndKeepsTokens() {
    JobConfig config = IngestFixture.config(java.nio.file.Path.of("/tmp"), Map.of(), PersonIdMode.PSEUDONYMISED, null);
    PersonIds ids = PersonIds.forConfig(SharedSpark.spark(), config, Map.of());
    Row row = SharedSpark.spark().createDataset(List.of("tok-123"), Encoders.STRING()).toDF("n")
        .select(ids.pseudonym(ids.normalised(col("n")), ids.valid(col("n"))), ids.valid(col("n"))).first();
    assertEquals("tok-123", row.getString(0));
    assertTrue(row.getBoolean(1));
  }
}
