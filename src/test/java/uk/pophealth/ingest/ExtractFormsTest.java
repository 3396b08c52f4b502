package uk.pophealth.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.ingest.IngestFixture.csv;
import static uk.pophealth.ingest.IngestFixture.nhs;
import static uk.pophealth.ingest.IngestFixture.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.testing.LogCapture;
import uk.pophealth.testing.SharedSpark;

/**
 * The forms real extracts take (issue 24): Windows-1252 text, quoted line breaks, NHS numbers with dashes or a
 * decimal part, whole numbers as floats, lower-case codes, date-times, Parquet TIMESTAMP and DOUBLE columns are
 * read and counted as normalisations; a duplicated header column, a rejected reference row and a quarantine
 * rate over the ceiling stop the run saying why.
 */
class ExtractFormsTest {
  private static final String PATIENTS_HEADER =
      "person_id,practice_code,year_of_birth,sex,lsoa_code,registration_start,registration_end,date_of_death\n";

  @Test
  void aWindows1252PracticeNameIsReadWithAWarningAndItsPatientsAreUsed(@TempDir Path dir) {
    ByteArrayOutputStream practices = new ByteArrayOutputStream();
    practices.writeBytes(IngestFixture.practicesCsv().getBytes(StandardCharsets.UTF_8));
    practices.writeBytes("A81003,CAF".getBytes(StandardCharsets.UTF_8));
    practices.writeBytes(new byte[] {(byte) 0xC9});                     // É in Windows-1252, invalid in UTF-8
    practices.writeBytes(" SURGERY,16C,1974-04-01,\n".getBytes(StandardCharsets.UTF_8));
    Path practiceFile = IngestFixture.writeBytes(dir, "practices.csv", practices.toByteArray());
    Path patients = write(dir, "patients.csv", PATIENTS_HEADER
        + nhs(1) + ",A81003,1940,F,E01000001,2000-01-01,,\n"
        + nhs(2) + ",A81003,1950,M,E01000001,2000-01-01,,\n"
        + nhs(3) + ",A81001,1960,M,E01000001,2000-01-01,,\n");
    JobConfig config = IngestFixture.config(dir, Map.of(Practices.NAME, csv(practiceFile), GpPatients.NAME,
        csv(patients)));
    IngestResult result;
    try (LogCapture log = LogCapture.open()) {
      result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);
      assertTrue(log.lines().stream().anyMatch(line -> line.contains("WARN") && line.contains("Windows-1252")
          && line.contains("e.g. line 4") && line.contains(practiceFile.toString())), log.lines().toString());
    }
    result.requireNoReferenceLoss();
    assertEquals(List.of("CAFÉ SURGERY"), result.table(Practices.NAME).filter("practice_code = 'A81003'")
        .select(Practices.PRACTICE_NAME).collectAsList().stream().map(row -> row.getString(0)).toList());
    assertEquals(3, result.counts(Practices.NAME).rowsAccepted());
    assertEquals(3, result.counts(GpPatients.NAME).rowsAccepted());
    assertEquals("1 row, e.g. 4", normalisations(result, Practices.NAME).get("normalised_windows_1252"));
  }

  @Test
  void aRejectedPracticeRowStopsTheRunNamingItAndTheRowsThatReferToIt(@TempDir Path dir) {
    Path practices = write(dir, "practices.csv", IngestFixture.practicesCsv()
        + "A81003,CASTLE SURGERY,16C,1974-13-01,\n");               // line 4: no 13th month
    Path patients = write(dir, "patients.csv", PATIENTS_HEADER
        + nhs(1) + ",A81003,1940,F,E01000001,2000-01-01,,\n"
        + nhs(2) + ",A81003,1950,M,E01000001,2000-01-01,,\n"
        + nhs(3) + ",A81001,1960,M,E01000001,2000-01-01,,\n");
    JobConfig config = IngestFixture.config(dir, Map.of(Practices.NAME, csv(practices), GpPatients.NAME,
        csv(patients)));
    IngestResult result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);
    PopHealthException e = assertThrows(PopHealthException.class, result::requireNoReferenceLoss);
    assertEquals(ErrorCategory.BAD_INPUT, e.category());
    assertTrue(e.getMessage().contains("practices rejected 1 row: line 4 (practice_code A81003) broke "
        + "unparseable_date; 2 gp_patients rows refer to it"), e.getMessage());
  }

  @Test
  void aRejectedCodeListRowStopsTheRun(@TempDir Path dir) {
    Path codes = write(dir, "codelists.csv", "codelist,code,term\n"
        + "dementia,52448006,Dementia\n"
        + "dementia,2645000I,Dementia typo\n");
    JobConfig config = IngestFixture.config(dir, Map.of(Codelists.NAME, csv(codes)));
    IngestResult result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);
    PopHealthException e = assertThrows(PopHealthException.class, result::requireNoReferenceLoss);
    assertEquals(ErrorCategory.BAD_INPUT, e.category());
    assertTrue(e.getMessage().contains("codelists rejected 1 row: line 3 (code 2645000I) broke unknown_code_format"),
        e.getMessage());
  }

  @Test
  void aColumnNamedTwiceInTheHeaderStops(@TempDir Path dir) {
    Path patients = write(dir, "patients.csv", "person_id,practice_code,year_of_birth,sex,lsoa_code,sex,"
        + "registration_start,registration_end,date_of_death\n" + nhs(1) + ",A81001,1940,F,E01000001,M,2000-01-01,,\n");
    PopHealthException e = assertThrows(PopHealthException.class,
        () -> IngestFixture.ingestOne(dir, GpPatients.NAME, csv(patients), PersonIdMode.NHS_NUMBER));
    assertEquals(ErrorCategory.BAD_INPUT, e.category());
    assertEquals("Cannot read gp_patients: the header names column sex more than once; give each column once ("
        + patients + ")", e.getMessage());
  }

  @Test
  void aQuotedLineBreakIsOneRecordNumberedByItsFirstLine(@TempDir Path dir) {
    Path patients = write(dir, "patients.csv", PATIENTS_HEADER
        + nhs(1) + ",A81001,1940,F,E01000001,2000-01-01,,\n"
        + nhs(2) + ",\"A81\n001\",1950,M,E01000001,2000-01-01,,\n"     // lines 3-4: one record
        + nhs(3) + ",A81001,1960,M,E01000001,2000-13-01,,\n"            // line 5: bad date
        + nhs(4) + ",\"A81001,1970,M,E01000001,2000-01-01,,\n"          // line 6: a stray quote, on its own
        + nhs(5) + ",A81001,1980,F,E01000001,2000-01-01,,\n");         // line 7
    JobConfig config = IngestFixture.config(dir, Map.of(GpPatients.NAME, csv(patients)));
    IngestResult result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);
    TableCounts counts = result.counts(GpPatients.NAME);
    assertEquals(5, counts.rowsIn());
    assertEquals(3, counts.rowsAccepted());
    assertEquals(counts.rowsIn(), counts.rowsAccepted() + counts.rowsQuarantined());
    assertEquals(List.of("unparseable_date@5", "malformed_row@6"), IngestFixture.quarantined(config, GpPatients.NAME));
    assertEquals(List.of("A81\n001"), result.table(GpPatients.NAME).filter("year_of_birth = 1950")
        .select(GpPatients.PRACTICE_CODE).collectAsList().stream().map(row -> row.getString(0)).toList());
  }

  @Test
  void commonCsvFormsAreNormalisedAndCountedNotQuarantined(@TempDir Path dir) {
    String dashed = nhs(2).substring(0, 3) + "-" + nhs(2).substring(3, 6) + "-" + nhs(2).substring(6);
    String spaced = nhs(3).substring(0, 3) + " " + nhs(3).substring(3, 6) + " " + nhs(3).substring(6);
    Path practices = write(dir, "practices.csv", IngestFixture.practicesCsv());
    Path patients = write(dir, "patients.csv", PATIENTS_HEADER
        + nhs(1) + ",A81001,1940,F,E01000001,2000-01-01,,\n"                       // 2: as canonical
        + dashed + ",A81001,1950,M,E01000001,2000-01-01,,\n"                        // 3: dashed NHS number
        + spaced + ",A81001,1960,M,E01000001,2000-01-01,,\n"                        // 4: spaced NHS number
        + nhs(4) + ".0,A81001,1970.0,M,E01000001,2000-01-01,,\n"                    // 5: floats
        + nhs(5) + ",a81002,1980,f,E01000001,2000-01-01 00:00:00,,\n"               // 6: lower case, date-time
        + nhs(6) + ",A81001,1990.5,F,E01000001,2000-01-01,,\n");                    // 7: not whole: quarantined
    JobConfig config = IngestFixture.config(dir, Map.of(Practices.NAME, csv(practices), GpPatients.NAME,
        csv(patients)));
    IngestResult result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);
    assertEquals(5, result.counts(GpPatients.NAME).rowsAccepted());
    assertEquals(List.of("out_of_range_value@7"), IngestFixture.quarantined(config, GpPatients.NAME));
    Map<String, String> normalised = normalisations(result, GpPatients.NAME);
    assertEquals(Map.of("normalised_nhs_number", "3 rows, e.g. 3, 4, 5", "normalised_integral_number", "1 row, e.g. 5",
        "normalised_upper_case", "1 row, e.g. 6", "normalised_timestamp_date", "1 row, e.g. 6"), normalised);
    Row lowerCased = result.table(GpPatients.NAME).filter("year_of_birth = 1980").collectAsList().get(0);
    assertEquals("A81002", lowerCased.getAs(GpPatients.PRACTICE_CODE));
    assertEquals("F", lowerCased.getAs(GpPatients.SEX));
    assertEquals(java.sql.Date.valueOf("2000-01-01"), lowerCased.getAs(GpPatients.REGISTRATION_START));
    // the dashed number is the same person as the plain one: one pseudonym
    Path plain = write(dir.resolve("plain"), "patients.csv", PATIENTS_HEADER
        + nhs(2) + ",A81001,1950,M,E01000001,2000-01-01,,\n");
    IngestResult again = IngestFixture.ingestOne(dir.resolve("plain"), GpPatients.NAME, csv(plain),
        PersonIdMode.NHS_NUMBER);
    assertEquals(again.table(GpPatients.NAME).collectAsList().get(0).getString(0),
        result.table(GpPatients.NAME).filter("year_of_birth = 1950").collectAsList().get(0).getString(0));
    String summary = result.summary();
    assertTrue(summary.contains("normalised_nhs_number        3 rows, e.g. 3, 4, 5 (used, not quarantined)"), summary);
  }

  @Test
  void parquetTimestampAndDoubleColumnsAreReadAsDatesAndIntegers(@TempDir Path dir) {
    StructType schema = new StructType()
        .add("person_id", DataTypes.DoubleType).add("practice_code", DataTypes.StringType)
        .add("year_of_birth", DataTypes.DoubleType).add("sex", DataTypes.StringType)
        .add("lsoa_code", DataTypes.StringType).add("registration_start", DataTypes.TimestampType)
        .add("registration_end", DataTypes.TimestampType).add("date_of_death", DataTypes.TimestampType);
    List<Row> rows = List.of(
        RowFactory.create(Double.valueOf(nhs(1)), "A81001", 1940.0, "F", "E01000001",
            Timestamp.valueOf("2000-01-01 00:00:00"), null, null),
        RowFactory.create(Double.valueOf(nhs(2)), "A81001", 1950.0, "M", "E01000001",
            Timestamp.valueOf("2001-02-03 00:00:00"), null, null));
    String file = dir.resolve("patients.parquet").toString();
    SharedSpark.spark().createDataFrame(rows, schema).coalesce(1).write().parquet(file);
    IngestResult result = IngestFixture.ingestOne(dir, GpPatients.NAME, new InputSpec(file, "parquet", null),
        PersonIdMode.NHS_NUMBER);
    assertEquals(2, result.counts(GpPatients.NAME).rowsAccepted());
    Row second = result.table(GpPatients.NAME).filter("year_of_birth = 1950").collectAsList().get(0);
    assertEquals(java.sql.Date.valueOf("2001-02-03"), second.getAs(GpPatients.REGISTRATION_START));
    Map<String, String> normalised = normalisations(result, GpPatients.NAME);
    assertEquals(List.of("normalised_nhs_number", "normalised_integral_number", "normalised_timestamp_date"),
        List.copyOf(normalised.keySet()));
    assertTrue(normalised.values().stream().allMatch(text -> text.startsWith("2 rows, e.g. ")), normalised.toString());
  }

  @Test
  void aRefusalAtTheCeilingNamesItsRulesWithAMaskedExampleLine(@TempDir Path dir) {
    StringBuilder text = new StringBuilder(PATIENTS_HEADER);
    for (int i = 1; i <= 16; i++) {
      text.append(nhs(i)).append(",A81001,1940,F,E01000001,2000-01-01,,\n");
    }
    text.append(nhs(20)).append(",A81001,1940,F,E01000001,2000-02-30,,\n");   // line 18
    text.append(nhs(21)).append(",A81001,1940,F,E01000001,2000-02-31,,\n");   // line 19
    text.append("1234567890,A81001,1941,F,E01000001,2000-01-01,,\n");          // line 20
    Path patients = write(dir, "patients.csv", text.toString());
    JobConfig config = IngestFixture.config(dir, Map.of(GpPatients.NAME, csv(patients)), PersonIdMode.NHS_NUMBER,
        0.05);
    IngestResult result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);
    PopHealthException e = assertThrows(PopHealthException.class, result::requireWithinCeiling);
    assertEquals(ErrorCategory.BAD_INPUT, e.category());
    String message = e.getMessage();
    String masked = "*******" + nhs(20).substring(7);
    assertTrue(message.contains("gp_patients 15.79% (3 of 19 rows), driven by unparseable_date 2 rows (e.g. line 18: "),
        message);
    assertTrue(message.contains("person_id=" + masked), message);
    assertTrue(message.contains("registration_start=2000-02-30"), message);
    assertTrue(message.contains("invalid_nhs_number 1 row (e.g. line 20: "), message);
    assertFalse(message.contains(nhs(20)) || message.contains("1234567890"), message);
  }

  /** The normalisation rows of a table's data_quality: rule to example_lines. */
  private static Map<String, String> normalisations(IngestResult result, String table) {
    return result.dataQuality().stream()
        .filter(row -> row.tableName().equals(table) && row.rule().startsWith("normalised_"))
        .collect(Collectors.toMap(DataQualityRow::rule, DataQualityRow::exampleLines, (a, b) -> a, LinkedHashMap::new));
  }
}
