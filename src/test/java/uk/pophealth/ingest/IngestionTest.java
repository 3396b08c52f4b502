package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.ingest.IngestFixture.badNhs;
import static uk.pophealth.ingest.IngestFixture.nhs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.columnar.InMemoryRelation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.JobConfig;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.DataQualityTable;
import uk.pophealth.schema.InputTables.GpEvents;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.LsoaDeprivation;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.testing.SharedSpark;

/** Every row rule on a hand-made extract: each planted bad row quarantined under its rule, once, and nothing else. */
class IngestionTest {
  @TempDir
  static Path dir;
  private static JobConfig config;
  private static IngestResult result;

  static String patients() {
    return "person_id,practice_code,year_of_birth,sex,lsoa_code,registration_start,registration_end,date_of_death\n"
        + nhs(1) + ",A81001,1940,F,E01000001,2000-01-01,,\n"                     // 2 good
        + nhs(2) + ",A81002,1950,M,E01000002,2001-05-05,,2023-01-01\n"           // 3 good, died
        + badNhs(3) + ",A81001,1960,F,E01000001,2000-01-01,,\n"                  // 4 invalid_nhs_number
        + nhs(4) + ",A81001,1850,F,E01000001,2000-01-01,,\n"                     // 5 out_of_range_year_of_birth
        + nhs(5) + ",Z99999,1960,F,E01000001,2000-01-01,,\n"                     // 6 unknown_practice
        + nhs(1) + ",A81001,1940,F,E01000001,2000-01-01,,\n"                     // 7 duplicate_row
        + nhs(6) + ",,1960,F,E01000001,2000-01-01,,\n"                           // 8 missing_required_field
        + nhs(7) + ",A81001,1960,F,E01000001,2021-02-30,,\n"                     // 9 unparseable_date
        + nhs(8) + ",A81001,1960,X,E01000001,2000-01-01,,\n"                     // 10 out_of_range_value
        + nhs(9) + ",A81001,1960,F,E01999999,2000-01-01,,\n"                     // 11 unknown_lsoa
        + nhs(10) + ",A81001,1960,F,E01000001,2010-01-01,2009-12-31,\n"          // 12 impossible_date
        + badNhs(11) + ",A81001,1960,F,E01000001,01/02/2000,,\n"                 // 13 invalid_nhs_number first
        + spaced(nhs(12)) + ",A81002, 1970 ,U,,2005-01-01,,\n"                   // 14 good: spaces, no LSOA
        + nhs(13) + ",A81001,abc,F,E01000001,2000-01-01,,\n";                    // 15 out_of_range_value
  }

  static String events() {
    return "person_id,practice_code,event_date,snomed_code\n"
        + nhs(1) + ",A81001,2010-03-04,52448006\n"                               // 2 good
        + nhs(1) + ",A81001,1930-01-01,52448006\n"                               // 3 event_before_birth
        + nhs(2) + ",A81002,2023-06-01,52448006\n"                               // 4 event_after_death
        + nhs(2) + ",A81002,2020-01-01,ABC\n"                                    // 5 unknown_code_format
        + nhs(2) + ",A81002,2030-01-01,52448006\n"                               // 6 impossible_date
        + nhs(2) + ",B00000,2020-01-01,52448006\n"                               // 7 unknown_practice
        + nhs(1) + ",A81001,2010-03-04,52448006\n"                               // 8 duplicate_row
        + nhs(2) + ",A81002,2020-01-01,713488003\n";                             // 9 good
  }

  private static String spaced(String number) {
    return number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6);
  }

  @BeforeAll
  static void ingest() {
    config = IngestFixture.config(dir, Map.of(
        Practices.NAME, IngestFixture.csv(IngestFixture.write(dir, "practices.csv", IngestFixture.practicesCsv())),
        LsoaDeprivation.NAME, IngestFixture.csv(IngestFixture.write(dir, "lsoa.csv", IngestFixture.lsoaCsv())),
        GpPatients.NAME, IngestFixture.csv(IngestFixture.write(dir, "patients.csv", patients())),
        GpEvents.NAME, IngestFixture.csv(IngestFixture.write(dir, "events.csv", events()))));
    result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);
  }

  @Test
  void quarantinesEachPlantedPatientRowUnderItsRule() {
    assertEquals(List.of("invalid_nhs_number@4", "out_of_range_year_of_birth@5", "unknown_practice@6",
        "duplicate_row@7", "missing_required_field@8", "unparseable_date@9", "out_of_range_value@10",
        "unknown_lsoa@11", "impossible_date@12", "invalid_nhs_number@13", "out_of_range_value@15"),
        IngestFixture.quarantined(config, GpPatients.NAME));
    TableCounts counts = result.counts(GpPatients.NAME);
    assertEquals(14, counts.rowsIn());
    assertEquals(3, counts.rowsAccepted());
    assertEquals(11, counts.rowsQuarantined());
    assertEquals(2, counts.quarantined("invalid_nhs_number"));
  }

  @Test
  void quarantinesEachPlantedEventRowUnderItsRule() {
    assertEquals(List.of("event_before_birth@3", "event_after_death@4", "unknown_code_format@5",
        "impossible_date@6", "unknown_practice@7", "duplicate_row@8"), IngestFixture.quarantined(config, GpEvents.NAME));
    TableCounts counts = result.counts(GpEvents.NAME);
    assertEquals(8, counts.rowsIn());
    assertEquals(2, counts.rowsAccepted());
  }

  @Test
  void acceptedRowsAreTypedAsDeclaredAndPseudonymised() {
    assertEquals(GpPatients.TABLE.schema(), result.table(GpPatients.NAME).schema());
    assertEquals(GpEvents.TABLE.schema(), result.table(GpEvents.NAME).schema());
    PseudonymKey key = PseudonymKey.fromEnvironment(JobConfig.DEFAULT_KEY_ENV, IngestFixture.ENV);
    List<Row> patients = result.table(GpPatients.NAME).orderBy(col(GpPatients.YEAR_OF_BIRTH)).collectAsList();
    assertEquals(3, patients.size());
    assertEquals(HmacPseudonym.of(key, nhs(1)), patients.get(0).getString(0));
    assertEquals(1940, patients.get(0).getInt(2));
    assertEquals(Date.valueOf("2000-01-01"), patients.get(0).getDate(5));
    assertEquals(Date.valueOf("2023-01-01"), patients.get(1).getDate(7));
    assertEquals(HmacPseudonym.of(key, nhs(12)), patients.get(2).getString(0));
    assertEquals(1970, patients.get(2).getInt(2));
    assertTrue(patients.get(2).isNullAt(4));
  }

  @Test
  void acceptedRowsArePersistedUntilReleased(@TempDir Path out) {
    JobConfig patientsOnly = IngestFixture.config(out, Map.of(GpPatients.NAME, config.input(GpPatients.NAME)),
        config.personIdMode(), 1.0);
    IngestResult own = Ingestion.ingest(SharedSpark.spark(), patientsOnly, IngestFixture.ENV);
    assertTrue(cached(own.table(GpPatients.NAME)), "accepted rows read from the cache");
    assertEquals(5, own.table(GpPatients.NAME).count()); // 2, 3, 14, and 6 and 11: no reference tables here
    own.release();
    assertFalse(cached(own.table(GpPatients.NAME)), "released");
  }

  @Test
  void acceptedRowsStagedAsParquetKeepTheDeclaredSchemaAndTheFolderGoesOnRelease(@TempDir Path out) throws Exception {
    JobConfig patientsOnly = IngestFixture.config(out, Map.of(GpPatients.NAME, config.input(GpPatients.NAME)),
        config.personIdMode(), 1.0);
    Path staging = out.resolve("staging");
    IngestResult cachedRun = Ingestion.ingest(SharedSpark.spark(), patientsOnly, IngestFixture.ENV);
    List<Row> cachedQuarantine = quarantineRows(patientsOnly);
    SharedSpark.spark().conf().set(AcceptedStore.MODE, "parquet");
    SharedSpark.spark().conf().set(AcceptedStore.LOCATION, staging.toUri().toString());
    IngestResult staged;
    try {
      staged = Ingestion.ingest(SharedSpark.spark(), patientsOnly, IngestFixture.ENV);
    } finally {
      SharedSpark.spark().conf().unset(AcceptedStore.MODE);
      SharedSpark.spark().conf().unset(AcceptedStore.LOCATION);
    }
    try {
      Dataset<Row> patients = staged.table(GpPatients.NAME);
      assertFalse(cached(patients), "read from the staged files, not the cache");
      assertTrue(staged.store().persisted().isEmpty());
      assertEquals(GpPatients.TABLE.schema(), patients.schema(), "not-null columns as declared");
      assertEquals(0, patients.exceptAll(cachedRun.table(GpPatients.NAME)).count());
      assertEquals(0, cachedRun.table(GpPatients.NAME).exceptAll(patients).count());
      assertEquals(5, patients.count());
      assertEquals(cachedQuarantine, quarantineRows(patientsOnly), "the same quarantine, identifiers masked once");
      assertEquals(cachedRun.counts(GpPatients.NAME).rowsQuarantined(), staged.counts(GpPatients.NAME).rowsQuarantined());
      try (java.util.stream.Stream<Path> runs = java.nio.file.Files.list(staging)) {
        assertEquals(1, runs.count(), "one folder for the run");
      }
    } finally {
      staged.release();
      cachedRun.release();
    }
    assertFalse(java.nio.file.Files.exists(staging), "staging folder deleted on release");
  }

  @Test
  void anUnknownStagingModeIsRefusedByName(@TempDir Path out) {
    JobConfig patientsOnly = IngestFixture.config(out, Map.of(GpPatients.NAME, config.input(GpPatients.NAME)),
        config.personIdMode(), 1.0);
    SharedSpark.spark().conf().set(AcceptedStore.MODE, "memory");
    PopHealthException e;
    try {
      e = assertThrows(PopHealthException.class,
          () -> Ingestion.ingest(SharedSpark.spark(), patientsOnly, IngestFixture.ENV));
    } finally {
      SharedSpark.spark().conf().unset(AcceptedStore.MODE);
    }
    assertEquals(ErrorCategory.BAD_CONFIG, e.category());
    assertTrue(e.getMessage().contains("(memory)"), e.getMessage());
  }

  private static List<Row> quarantineRows(JobConfig config) {
    return SharedSpark.spark().read().parquet(Quarantine.location(config.quarantineLocation(), GpPatients.NAME))
        .orderBy(col("line_number")).collectAsList();
  }

  /** True when a new query over {@code table} reads Spark's cache. */
  private static boolean cached(Dataset<Row> table) {
    return table.select("*").queryExecution().withCachedData().collectFirst(
        new scala.runtime.AbstractPartialFunction<LogicalPlan, Boolean>() {
          @Override
          public boolean isDefinedAt(LogicalPlan plan) {
            return plan instanceof InMemoryRelation;
          }

          @Override
          public Boolean apply(LogicalPlan plan) {
            return true;
          }
        }).isDefined();
  }

  @Test
  void dataQualityRowsAddUpPerTable() {
    for (TableCounts counts : result.counts()) {
      long byRule = result.dataQuality().stream()
          .filter(r -> r.tableName().equals(counts.table()) && !r.rule().equals(DataQualityTable.ALL_RULES))
          .mapToLong(DataQualityRow::rowsQuarantined).sum();
      assertEquals(counts.rowsQuarantined(), byRule, counts.table());
      assertEquals(counts.rowsIn(), counts.rowsAccepted() + counts.rowsQuarantined(), counts.table());
    }
    DataQualityRow nhsRow = result.dataQuality().stream()
        .filter(r -> r.tableName().equals(GpPatients.NAME) && r.rule().equals("invalid_nhs_number")).findFirst()
        .orElseThrow();
    assertEquals(new DataQualityRow(GpPatients.NAME, "invalid_nhs_number", 14, 3, 2, "4, 13"), nhsRow);
    assertEquals(List.of("practices", "lsoa_deprivation", "gp_patients", "gp_events"), result.tableNames());
  }

  @Test
  void summaryNamesTablesRulesAndExampleLines() {
    String summary = result.summary();
    assertTrue(summary.contains("gp_patients"), summary);
    assertTrue(summary.contains("invalid_nhs_number"), summary);
    assertTrue(summary.contains("e.g. 4, 13"), summary);
    assertTrue(summary.contains("OVER CEILING"), summary);
  }

  @Test
  void quarantineRateAboveTheCeilingStopsTheRunNamingTableRateAndCeiling() {
    PopHealthException error = assertThrows(PopHealthException.class, result::requireWithinCeiling);
    assertEquals(ErrorCategory.BAD_INPUT, error.category());
    String message = error.getMessage();
    assertTrue(message.startsWith("Cannot accept input: quarantine rate above the ceiling max_quarantine_rate 5.00%; "
        + "see the quarantine folder and data_quality (gp_patients 78.57% (11 of 14 rows), driven by "), message);
    assertTrue(message.contains("; gp_events 75.00% (6 of 8 rows), driven by "), message);
    // the rules that quarantined most, with an example line whose NHS numbers are masked
    assertTrue(message.contains("invalid_nhs_number 2 rows (e.g. line 4: "), message);
    assertTrue(!message.matches("(?s).*\\d{10}.*"), message);
  }

  @Test
  void reportWritesDataQualityAndSummaryBeforeFailingOnTheCeiling(@TempDir Path out) {
    // gp_events alone: no reference tables, so only row-level rules apply: 3 of 8 rows (code format,
    // impossible date, duplicate) = 37.5%, above a 30% ceiling.
    JobConfig strict = IngestFixture.config(out, Map.of(GpEvents.NAME, config.input(GpEvents.NAME)),
        config.personIdMode(), 0.3);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PopHealthException error = assertThrows(PopHealthException.class, () -> Ingestion.report(
        SharedSpark.spark(), Ingestion.ingest(SharedSpark.spark(), strict, IngestFixture.ENV), List.of(),
        rows -> rows.write().parquet(out.resolve("out").resolve(DataQualityTable.NAME).toString()),
        new PrintStream(printed, true, StandardCharsets.UTF_8)));
    assertEquals(ErrorCategory.BAD_INPUT, error.category());
    assertTrue(error.getMessage().startsWith("Cannot accept input: quarantine rate above the ceiling "
        + "max_quarantine_rate 30.00%; see the quarantine folder and data_quality (gp_events 37.50% (3 of 8 rows), "
        + "driven by duplicate_row 1 row (e.g. line "), error.getMessage());
    assertTrue(error.getMessage().contains("impossible_date 1 row (e.g. line "), error.getMessage());
    assertTrue(error.getMessage().contains("unknown_code_format 1 row (e.g. line "), error.getMessage());
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("unknown_code_format"));
    List<Row> written = SharedSpark.spark().read().parquet(out.resolve("out").resolve(DataQualityTable.NAME).toString())
        .filter(col(DataQualityTable.RULE).equalTo(DataQualityTable.ALL_RULES)).collectAsList();
    assertEquals(1, written.size());
    assertEquals(8L, written.get(0).<Long>getAs(DataQualityTable.ROWS_IN).longValue());
    assertEquals(3L, written.get(0).<Long>getAs(DataQualityTable.ROWS_QUARANTINED).longValue());
  }
}
