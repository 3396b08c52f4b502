package uk.pophealth.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.pophealth.ingest.IngestFixture.csv;
import static uk.pophealth.ingest.IngestFixture.ingestOne;
import static uk.pophealth.ingest.IngestFixture.nhs;
import static uk.pophealth.ingest.IngestFixture.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.testing.LogCapture;
import uk.pophealth.config.InputSpec;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.PersonIdMode;
import uk.pophealth.core.ErrorCategory;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.GpPatients;
import uk.pophealth.schema.InputTables.Practices;
import uk.pophealth.testing.SharedSpark;

/**
 * Bad input of every kind either lands in quarantine under the right rule (rows in = accepted + quarantined)
 * or stops the run with a BAD_INPUT message naming the file and what is wrong. Kinds covered: BOM, CRLF,
 * extra column, wrong type, bad date, duplicate, bad NHS number, blank line, a byte invalid in UTF-8 and
 * Windows-1252, unclosed quote,
 * too many fields, truncated last line (quarantined); wrong delimiter, header-only, empty file, missing
 * columns, Excel/Parquet given as CSV, CSV given as Parquet, missing path, part files with different
 * headers, headerless file with the wrong column count (stopped).
 */
class MalformedInputTest {
  private static final String HEADER =
      "person_id,practice_code,year_of_birth,sex,lsoa_code,registration_start,registration_end,date_of_death";

  @Test
  void rowLevelDamageIsQuarantinedUnderItsRuleAndNoRowIsLost(@TempDir Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String crlf = "\r\n";
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});                    // BOM
    bytes.writeBytes((HEADER + ",shoe_size" + crlf                                          // 1 extra column
        + nhs(1) + ",A81001,1940,F,E01000001,2000-01-01,,,9" + crlf                          // 2 good
        + nhs(2) + ",A81001,19x0,F,E01000001,2000-01-01,,,9" + crlf                          // 3 wrong type
        + nhs(3) + ",A81001,1940,F,E01000001,2020-13-01,,,9" + crlf                          // 4 bad date
        + nhs(1) + ",A81001,1940,F,E01000001,2000-01-01,,,9" + crlf                          // 5 duplicate
        + "1234567890,A81001,1940,F,E01000001,2000-01-01,,,9" + crlf                         // 6 bad NHS number
        + crlf                                                                               // 7 blank line
        + nhs(4) + ",A81001,1940,F,E01000001,2000-01-01,,,").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0x81});                                             // 8 a byte invalid in
                                                                                            // UTF-8 and Windows-1252
    bytes.writeBytes((crlf
        + nhs(5) + ",\"A81001,1940,F,E01000001,2000-01-01,,,9" + crlf                        // 9 unclosed quote
        + nhs(6) + ",A81001,1940,F,E01000001,2000-01-01,,,9,extra" + crlf                    // 10 too many fields
        + nhs(7) + ",\"A81001\",1950,M,\"E01000001\",2001-02-03,,,9" + crlf                  // 11 good, quoted
        + nhs(8) + ",A81001,19").getBytes(StandardCharsets.UTF_8));                          // 12 truncated
    Path file = IngestFixture.writeBytes(dir, "patients.csv", bytes.toByteArray());
    JobConfig config = IngestFixture.config(dir, Map.of(GpPatients.NAME, csv(file)));
    IngestResult result;
    try (LogCapture log = LogCapture.open()) {
      result = Ingestion.ingest(SharedSpark.spark(), config, IngestFixture.ENV);
      assertTrue(log.lines().stream().anyMatch(line -> line.contains("WARN") && line.contains("[shoe_size]")
          && line.contains(file.toString())), log.lines().toString());
    }
    assertEquals(List.of("out_of_range_value@3", "unparseable_date@4", "duplicate_row@5", "invalid_nhs_number@6",
        "malformed_row@8", "malformed_row@9", "malformed_row@10", "malformed_row@12"),
        IngestFixture.quarantined(config, GpPatients.NAME));
    TableCounts counts = result.counts(GpPatients.NAME);
    assertEquals(10, counts.rowsIn());
    assertEquals(2, counts.rowsAccepted());
    assertEquals(counts.rowsIn(), counts.rowsAccepted() + counts.rowsQuarantined());
    List<Row> accepted = result.table(GpPatients.NAME).orderBy(GpPatients.YEAR_OF_BIRTH).collectAsList();
    assertEquals("E01000001", accepted.get(1).getString(4));   // quotes removed, no stray \r
    assertEquals(java.sql.Date.valueOf("2001-02-03"), accepted.get(1).getDate(5));
    assertTrue(accepted.get(0).isNullAt(7));                    // empty date_of_death before CRLF is empty, not "\r"
  }

  @Test
  void wrongDelimiterStopsWithAHint(@TempDir Path dir) {
    Path file = write(dir, "codes.csv", "codelist;code;term\ndementia;52448006;Dementia\n");
    assertStops(dir, Codelists.NAME, csv(file), "Cannot read codelists: missing required columns [codelist, code]; "
        + "expected [codelist, code], found [codelist;code;term]; the file seems to be separated by ';', not ',' ("
        + file + ")");
  }

  @Test
  void headerOnlyFileStops(@TempDir Path dir) {
    Path file = write(dir, "codes.csv", "codelist,code,term\r\n");
    assertStops(dir, Codelists.NAME, csv(file), "Cannot read codelists: the file has a header but no data rows ("
        + file + ")");
  }

  @Test
  void emptyFileStops(@TempDir Path dir) {
    Path file = write(dir, "codes.csv", "");
    assertStops(dir, Codelists.NAME, csv(file), "Cannot read codelists: the file is empty (" + file + ")");
  }

  @Test
  void missingColumnsAreAllNamedAtOnce(@TempDir Path dir) {
    Path file = write(dir, "patients.csv", "person_id,practice_code,sex,registration_end\n1,2,3,4\n");
    assertStops(dir, GpPatients.NAME, csv(file), "Cannot read gp_patients: missing required columns [year_of_birth, lsoa_code, "
        + "registration_start, date_of_death]; expected [person_id, practice_code, year_of_birth, sex, lsoa_code, registration_start, "
        + "registration_end, date_of_death], found [person_id, practice_code, sex, registration_end] (" + file + ")");
  }

  @Test
  void excelWorkbookGivenAsCsvStops(@TempDir Path dir) {
    Path file = IngestFixture.writeBytes(dir, "codes.csv", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0});
    assertStops(dir, Codelists.NAME, csv(file), "Cannot read codelists: the file is a ZIP archive, e.g. an Excel "
        + ".xlsx workbook (save it as CSV), not CSV text (" + file + ")");
  }

  @Test
  void parquetGivenAsCsvAndCsvGivenAsParquetStop(@TempDir Path dir) {
    Path parquet = IngestFixture.writeBytes(dir, "codes.csv", new byte[] {'P', 'A', 'R', '1', 0, 0, 'P', 'A', 'R', '1'});
    assertStops(dir, Codelists.NAME, csv(parquet), "Cannot read codelists: the file is a Parquet file (set format: "
        + "parquet), not CSV text (" + parquet + ")");
    Path text = write(dir, "codes.parquet", "codelist,code,term\ndementia,52448006,Dementia\n");
    assertStops(dir, Codelists.NAME, new InputSpec(text.toString(), "parquet", null), "Cannot read codelists: the "
        + "file is not Parquet (no PAR1 magic; set format: csv for CSV files) (" + text + ")");
  }

  @Test
  void missingPathStops(@TempDir Path dir) {
    Path file = dir.resolve("nowhere.csv");
    assertStops(dir, Codelists.NAME, csv(file), "Cannot read codelists: no such file or folder (" + file + ")");
  }

  @Test
  void partFilesWithDifferentHeadersStop(@TempDir Path dir) {
    write(dir, "codes/part-0.csv", "codelist,code,term\ndementia,52448006,Dementia\n");
    write(dir, "codes/part-1.csv", "codelist,code\nacp,713488003\n");
    PopHealthException error = stop(dir, Codelists.NAME, csv(dir.resolve("codes")));
    assertTrue(error.getMessage().startsWith("Cannot read codelists: part files have different headers, "
        + "[codelist, code, term] in "), error.getMessage());
    assertTrue(error.getMessage().endsWith("part-1.csv)"), error.getMessage());
  }

  @Test
  void headerlessLayoutWithTheWrongColumnCountStops(@TempDir Path dir) {
    Path file = write(dir, "epraccur.csv", "\"A81001\",\"THE DENSHAM SURGERY\",\"Y63\"\n");
    assertStops(dir, Practices.NAME, csv(file, "epraccur"), "Cannot read practices: expected 27 comma-separated "
        + "columns, found 3 in the first line (" + file + ")");
  }

  private static void assertStops(Path dir, String table, InputSpec spec, String message) {
    assertEquals(message, stop(dir, table, spec).getMessage());
  }

  private static PopHealthException stop(Path dir, String table, InputSpec spec) {
    PopHealthException error = assertThrows(PopHealthException.class,
        () -> ingestOne(dir, table, spec, PersonIdMode.PSEUDONYMISED));
    assertEquals(ErrorCategory.BAD_INPUT, error.category(), error.getMessage());
    return error;
  }
}
