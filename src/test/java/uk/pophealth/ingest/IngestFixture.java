package uk.pophealth.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.job.ValidateJob;
import uk.pophealth.schema.QuarantineTable;
import uk.pophealth.testing.LogCapture;
import uk.pophealth.testing.SharedSpark;

/** Test helpers: small input files, a job config over them, a test key, valid NHS numbers. */
final class IngestFixture {
  static final String KEY = "test-key-0123456789abcdef";
  static final Map<String, String> ENV = Map.of(JobConfig.DEFAULT_KEY_ENV, KEY);
  static final String EXTRACT_DATE = "2024-06-30";

  private IngestFixture() {}

  /** What a validate run printed and logged. */
  record Validated(String printed, List<String> logLines) {}

  /** Runs validate on the shared session with the test key, capturing its printed summary and its log lines. */
  static Validated validate(JobConfig config) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (LogCapture log = LogCapture.open()) {
      ValidateJob.run(SharedSpark.spark(), config, ENV,
          new PrintStream(printed, true, StandardCharsets.UTF_8));
      return new Validated(printed.toString(StandardCharsets.UTF_8), log.lines());
    }
  }

  static Path write(Path dir, String name, String content) {
    return writeBytes(dir, name, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path writeBytes(Path dir, String name, byte[] content) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputSpec csv(Path file) {
    return new InputSpec(file.toString(), "csv", null);
  }

  static InputSpec csv(Path file, String layout) {
    return new InputSpec(file.toString(), "csv", layout);
  }

  static JobConfig config(Path dir, Map<String, InputSpec> inputs) {
    return config(dir, inputs, PersonIdMode.NHS_NUMBER, null);
  }

  static JobConfig config(Path dir, Map<String, InputSpec> inputs, PersonIdMode mode, Double maxQuarantineRate) {
    return JobConfig.builder().inputs(inputs).output(dir.resolve("out").toString())
        .quarantine(dir.resolve("quarantine").toString()).personIdMode(mode).maxQuarantineRate(maxQuarantineRate)
        .extractDate(EXTRACT_DATE).build();
  }

  /** Ingests one table (no reference tables, so only row-level rules apply). */
  static IngestResult ingestOne(Path dir, String table, InputSpec spec, PersonIdMode mode) {
    return Ingestion.ingest(SharedSpark.spark(), config(dir, Map.of(table, spec), mode, null), ENV);
  }

  /** A valid NHS number (Modulus 11) built from a 9-digit stem; stems whose check digit would be 10 are skipped. */
  static String nhs(int seed) {
    for (int stem = 100_000_000 + seed * 7; ; stem++) {
      String digits = Integer.toString(stem);
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (digits.charAt(i) - '0') * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check == 11) {
        check = 0;
      }
      if (check != 10) {
        return digits + check;
      }
    }
  }

  /** The same number with its check digit changed so Modulus 11 fails. */
  static String badNhs(int seed) {
    String good = nhs(seed);
    char last = good.charAt(9);
    return good.substring(0, 9) + (char) ('0' + (last - '0' + 1) % 10);
  }

  /** Quarantined rows of a table as rule@line strings, sorted. */
  static List<String> quarantined(JobConfig config, String table) {
    List<String> rules = new ArrayList<>();
    for (Row row : SharedSpark.spark().read().parquet(Quarantine.location(config.quarantineLocation(), table))
        .select(QuarantineTable.RULE, QuarantineTable.LINE_NUMBER).orderBy(QuarantineTable.LINE_NUMBER)
        .collectAsList()) {
      rules.add(row.getString(0) + "@" + row.getLong(1));
    }
    return rules;
  }

  static String practicesCsv() {
    return "practice_code,practice_name,sub_icb_code,effective_from,effective_to\n"
        + "A81001,THE DENSHAM SURGERY,16C,1974-04-01,\n"
        + "A81002,QUEENS PARK MEDICAL CENTRE,16C,1974-04-01,\n";
  }

  static String lsoaCsv() {
    return "lsoa_code,lad_code,imd_rank,imd_decile\n"
        + "E01000001,E09000001,29199,9\n"
        + "E01000002,E09000001,30379,10\n";
  }
}
