package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.ingest.IngestFixture.badNhs;
import static uk.pophealth.ingest.IngestFixture.nhs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.InputTables.ServiceReferrals;
import uk.pophealth.schema.QuarantineTable;
import uk.pophealth.testing.SharedSpark;

/**
 * Issue 24: a line whose fields shift (an unquoted comma, a stray quote) carries an NHS number into a column that is
 * not {@code person_id}; the quarantine must still hold none, in any form, and the quarantine and the ingest staging
 * must be readable by their owner only.
 */
class QuarantinePrivacyTest {
  /** An NHS-number-shaped run left unmasked: 10 digits alone, or 3-3-4 separated by a space or a dash. */
  private static final Pattern UNMASKED = Pattern.compile(
      "(?<![0-9])[0-9]{10}(?![0-9])|(?<![0-9])[0-9]{3}[\\s-][0-9]{3}[\\s-][0-9]{4}(?![0-9])");
  private static final String HEADER = "referral_id,person_id,service,referral_date,referral_source,lsoa_code\n";
  private static final String DIRS = "rwx------";
  private static final String FILES = "rw-------";

  @Test
  void shiftedFieldsCarryNoNhsNumberIntoTheQuarantine(@TempDir Path dir) throws IOException {
    String referrals = HEADER
        + "R1," + nhs(1) + ",wellbeing,2024-01-10,GP,E01000001\n"                        // accepted
        + "R2," + nhs(2) + ",wellbeing,2024-01-11,GP,E01000001\n"                        // accepted
        + "R,3," + nhs(3) + ",wellbeing,2024-01-12,GP,E01000001\n"                       // comma: number in service
        + "R,4," + spaced(nhs(4)) + ",wellbeing,2024-01-12,GP,E01000001\n"               // spaced, in service
        + "R,5," + dashed(nhs(5)) + ",wellbeing,2024-01-12,GP,E01000001\n"               // dashed, in service
        + "\"R6," + nhs(6) + ",wellbeing,2024-01-12,GP,E01000001\n"                      // stray quote: in referral_id
        + "R,7," + badNhs(7) + ",wellbeing,2024-01-12,GP,E01000001\n"                    // check digit wrong: still
        + "R8," + nhs(8) + ",wellbeing,2024-13-45," + nhs(9) + ".0,E01000001\n"          // bad date, number in source
        + "R9," + badNhs(10) + ",wellbeing,2024-01-13,GP\t" + nhs(11) + "-x,E01000001\n"; // invalid person_id
    JobConfig config = IngestFixture.config(dir,
        Map.of(ServiceReferrals.NAME, IngestFixture.csv(IngestFixture.write(dir, "in/referrals.csv", referrals))),
        PersonIdMode.NHS_NUMBER, 1.0);
    IngestFixture.Validated validated = IngestFixture.validate(config);
    List<String> logLines = validated.logLines();

    Dataset<Row> quarantine = SharedSpark.spark().read()
        .parquet(Quarantine.location(config.quarantineLocation(), ServiceReferrals.NAME));
    Map<Long, Map<String, String>> byLine = new TreeMap<>();
    for (Row row : quarantine.select(col(QuarantineTable.LINE_NUMBER), col(QuarantineTable.RAW_VALUES))
        .collectAsList()) {
      byLine.put(row.getLong(0), row.getJavaMap(1));
    }
    assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L, 10L), List.copyOf(byLine.keySet()), "the bad lines, all quarantined");
    // masked as person_id is masked: all but the last three digits; a separator stays where it was
    assertEquals("*******" + last3(nhs(3)), byLine.get(4L).get(ServiceReferrals.SERVICE));
    assertEquals("*** *** *" + last3(nhs(4)), byLine.get(5L).get(ServiceReferrals.SERVICE));
    assertEquals("***-***-*" + last3(nhs(5)), byLine.get(6L).get(ServiceReferrals.SERVICE));
    String strayQuote = String.join("|", byLine.get(7L).values());
    assertTrue(strayQuote.contains("*******" + last3(nhs(6))), strayQuote);
    assertEquals("*******" + last3(badNhs(7)), byLine.get(8L).get(ServiceReferrals.SERVICE));
    assertEquals("*******" + last3(nhs(9)) + ".0", byLine.get(9L).get(ServiceReferrals.REFERRAL_SOURCE));
    assertEquals("GP\t*******" + last3(nhs(11)) + "-x", byLine.get(10L).get(ServiceReferrals.REFERRAL_SOURCE));
    assertEquals("wellbeing", byLine.get(9L).get(ServiceReferrals.SERVICE), "other values as read");

    List<String> texts = new ArrayList<>();
    texts.add(validated.printed());
    byLine.values().forEach(values -> values.forEach((name, value) -> {
      texts.add(name);
      texts.add(String.valueOf(value));
    }));
    SharedSpark.spark().read().parquet(dir.resolve("out").resolve(DataQualityTable.NAME).toString()).collectAsList()
        .forEach(row -> texts.add(row.toString()));
    for (String text : texts) {
      assertFalse(UNMASKED.matcher(text).find(), "an unmasked NHS number in: " + text);
      for (int seed = 1; seed <= 11; seed++) {
        assertFalse(text.contains(nhs(seed).substring(0, 7)), "the start of NHS number " + seed + " in: " + text);
      }
    }
    for (String line : logLines) {
      for (int seed = 1; seed <= 11; seed++) {
        for (String number : List.of(nhs(seed), badNhs(seed))) {
          assertFalse(line.contains(number) || line.contains(spaced(number)) || line.contains(dashed(number)),
              "NHS number " + seed + " in the log: " + line);
        }
      }
    }

    // owner-only: the quarantine folder (created by the run), its table folders and every file in them
    assertOwnerOnly(Path.of(config.quarantineLocation()));
  }

  @Test
  void plainJavaMaskingMatchesTheSparkExpression() {
    assertEquals("found [*******" + last3(nhs(1)) + ", *** *** *" + last3(nhs(2)) + ", A81001, 12345678901234]",
        Quarantine.maskNhsNumbers("found [" + nhs(1) + ", " + spaced(nhs(2)) + ", A81001, 12345678901234]"));
    assertEquals("123456789", Quarantine.maskNhsNumbers("123456789"), "9 digits are not an NHS number");
    assertEquals("1095151000000107", Quarantine.maskNhsNumbers("1095151000000107"), "a SNOMED CT code of 16 digits");
    List<String> inputs = List.of(nhs(1), "x" + dashed(nhs(2)) + "y", "12345678901", "123 456 7890 1", "1234567");
    SparkSession spark = SharedSpark.spark();
    List<Row> rows = inputs.stream().map(RowFactory::create).toList();
    Dataset<Row> frame = spark.createDataFrame(rows, new StructType().add("v", DataTypes.StringType));
    List<String> masked = frame.select(Quarantine.maskNhsNumbers(col("v"))).collectAsList().stream()
        .map(row -> row.getString(0)).toList();
    assertEquals(inputs.stream().map(Quarantine::maskNhsNumbers).toList(), masked);
    assertEquals(List.of("*******" + last3(nhs(1)), "x***-***-*" + last3(nhs(2)) + "y", "12345678901",
        "*** *** *890 1", "1234567"), masked);
  }

  @Test
  void stagedRowsAreOwnerOnlyAndQuarantinedValuesMasked(@TempDir Path dir) throws IOException {
    SparkSession spark = SharedSpark.spark();
    Path staging = dir.resolve("staging");
    StructType schema = new StructType();
    for (String name : ServiceReferrals.TABLE.columnNames()) {
      schema = schema.add(name, DataTypes.StringType);
    }
    schema = schema.add(IngestColumns.RULE, DataTypes.StringType)
        .add(IngestColumns.SOURCE_FILE, DataTypes.StringType).add(IngestColumns.LINE_NUMBER, DataTypes.LongType);
    List<Row> rows = List.of(
        RowFactory.create("R1", nhs(1), nhs(2), "2024-01-10", "GP", "E01000001", null, "f.csv", 2L),
        RowFactory.create("R2", nhs(3), nhs(4), "2024-13-45", "GP", "E01000001", "unparseable_date", "f.csv", 3L));
    JobConfig config = IngestFixture.config(dir, Map.of());
    try {
      spark.conf().set(AcceptedStore.MODE, AcceptedStore.PARQUET);
      spark.conf().set(AcceptedStore.LOCATION, staging.toString());
      AcceptedStore store = AcceptedStore.forSession(spark, config);
      Dataset<Row> held = store.holdRuled(ServiceReferrals.TABLE, spark.createDataFrame(rows, schema),
          List.of(ServiceReferrals.PERSON_ID));
      Map<String, String> service = new TreeMap<>();
      held.select(col(ServiceReferrals.REFERRAL_ID), col(ServiceReferrals.SERVICE)).collectAsList()
          .forEach(row -> service.put(row.getString(0), row.getString(1)));
      assertEquals(Map.of("R1", nhs(2), "R2", "*******" + last3(nhs(4))), service,
          "an accepted row's values as read, a quarantined row's masked as in the quarantine");
      assertOwnerOnly(staging);
      try (Stream<Path> runs = Files.list(staging)) {
        assertEquals(1, runs.filter(p -> isRunFolder(p.getFileName().toString())).count(),
            "this run's own folder");
      }
      store.release();
      assertFalse(Files.exists(staging), "released: deleted");
    } finally {
      spark.conf().unset(AcceptedStore.MODE);
      spark.conf().unset(AcceptedStore.LOCATION);
    }
  }

  /** Every directory at and under {@code root} 0700, every file 0600 (Hadoop's .crc files and _SUCCESS included). */
  static void assertOwnerOnly(Path root) throws IOException {
    int files = 0;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        if (Files.isDirectory(path)) {
          assertEquals(DIRS, mode, path.toString());
        } else {
          assertEquals(FILES, mode, path.toString());
          files++;
        }
      }
    }
    assertTrue(files > 0, "no file under " + root);
  }

  /** {@code <pid>@<host>-<uuid>}: the owning process, then a UUID. */
  private static boolean isRunFolder(String name) {
    int at = name.indexOf('@');
    if (at < 1 || name.length() < 36 || !name.substring(0, at).chars().allMatch(Character::isDigit)) {
      return false;
    }
    String uuid = name.substring(name.length() - 36);
    try {
      return UUID.fromString(uuid).toString().equals(uuid);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String spaced(String number) {
    return number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6);
  }

  private static String dashed(String number) {
    return number.substring(0, 3) + "-" + number.substring(3, 6) + "-" + number.substring(6);
  }

  private static String last3(String number) {
    return number.substring(number.length() - 3);
  }
}
